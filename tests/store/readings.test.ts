import type { ValidReading } from '@village/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { tinyVillage } from '../support/tiny-village.ts';

const V = 'test-village';
const T0 = Date.parse('2026-11-20T00:00:00+07:00');

function binReading(binId: string, messageId: string, minutes: number, fillPercent: number): ValidReading {
  const ms = T0 + minutes * 60_000;
  return {
    deviceKind: 'bin',
    villageId: V,
    deviceId: binId,
    receivedAt: new Date(ms).toISOString(),
    measuredAtMs: ms,
    message: { messageId, ts: new Date(ms).toISOString(), fillPercent },
  };
}

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
  await local.store.registry.putDataset(tinyVillage(V));
});
afterAll(() => local.close());

describe('readings repository', () => {
  it('stores a duplicate messageId once, within a batch and across batches', async () => {
    const a = binReading('BIN-1', 'dup-1', 0, 10);
    expect(await local.store.readings.writeReadings([a, a])).toEqual(['stored', 'duplicate']);
    expect(await local.store.readings.writeReadings([a])).toEqual(['duplicate']);
    const all = await local.store.readings.listBinReadings('BIN-1', { fromMs: T0 - 1, toMs: T0 + 1 });
    expect(all.map((r) => r.messageId)).toEqual(['dup-1']);
  });

  it('returns readings in time order whatever the arrival order, and honours [from, to)', async () => {
    const late = [30, 10, 50, 20, 40].map((m) => binReading('BIN-2', `ooo-${m}`, m, m));
    await local.store.readings.writeReadings(late.slice(0, 2));
    await local.store.readings.writeReadings(late.slice(2));
    const range = { fromMs: T0 + 10 * 60_000, toMs: T0 + 40 * 60_000 };
    const got = await local.store.readings.listBinReadings('BIN-2', range);
    expect(got.map((r) => r.fillPercent)).toEqual([10, 20, 30]);
  });

  it('never moves the latest state backwards when an older reading arrives late', async () => {
    await local.store.readings.writeReadings([binReading('BIN-1', 'new', 120, 80)]);
    await local.store.readings.writeReadings([binReading('BIN-1', 'old', 60, 40)]);
    const bin = await local.store.registry.getBin(V, 'BIN-1');
    expect(bin?.latest?.fillPercent).toBe(80);
    expect(Date.parse(bin?.latest?.measuredAt ?? '')).toBe(T0 + 120 * 60_000);
  });

  it('derives latest from measurement time, so a redelivered old message changes nothing', async () => {
    const before = await local.store.registry.getBin(V, 'BIN-1');
    expect(await local.store.readings.writeReadings([binReading('BIN-1', 'old', 60, 40)])).toEqual([
      'duplicate',
    ]);
    expect(await local.store.registry.getBin(V, 'BIN-1')).toEqual(before);
    const listed = (await local.store.registry.listBins(V)).find((b) => b.id === 'BIN-1');
    expect(listed?.latest).toEqual(before?.latest);
  });

  it('keeps meter readings apart from bin readings', async () => {
    const ms = T0 + 5 * 60_000;
    const meter: ValidReading = {
      deviceKind: 'meter',
      villageId: V,
      deviceId: 'MTR-1',
      receivedAt: new Date(ms).toISOString(),
      measuredAtMs: ms,
      message: { messageId: 'm-1', ts: new Date(ms).toISOString(), kwhTotal: 1234.5, kw: 0.8 },
    };
    expect(await local.store.readings.writeReadings([meter])).toEqual(['stored']);
    const got = await local.store.readings.listMeterReadings('MTR-1', { fromMs: T0, toMs: T0 + 3_600_000 });
    expect(got).toEqual([{ messageId: 'm-1', measuredAt: meter.message.ts, kwhTotal: 1234.5, kw: 0.8 }]);
    expect((await local.store.registry.getMeter(V, 'MTR-1'))?.latest?.kwhTotal).toBe(1234.5);
  });
});
