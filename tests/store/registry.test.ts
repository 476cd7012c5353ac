import type { ValidReading } from '@village/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { tinyVillage } from '../support/tiny-village.ts';

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
});
afterAll(() => local.close());

describe('registry repository', () => {
  it('round-trips a dataset and answers the village access patterns', async () => {
    const dataset = tinyVillage('v1');
    await local.store.registry.putDataset(dataset);
    expect(await local.store.registry.getVillage('v1')).toEqual(dataset.village);
    expect((await local.store.registry.listBins('v1')).map((b) => b.id).sort()).toEqual(['BIN-1', 'BIN-2']);
    expect(await local.store.registry.getHousehold('v1', 'HH-2')).toEqual(dataset.households[1]);
    expect(await local.store.registry.listVehicles('v1')).toEqual(dataset.vehicles);
    expect(await local.store.registry.getBin('v1', 'nope')).toBeUndefined();
    expect(await local.store.registry.getBin('other-village', 'BIN-1')).toBeUndefined();
  });

  it('keeps device latest state when the dataset is written again', async () => {
    const ms = Date.parse('2026-11-20T08:00:00+07:00');
    const reading: ValidReading = {
      deviceKind: 'bin',
      villageId: 'v1',
      deviceId: 'BIN-2',
      receivedAt: new Date(ms).toISOString(),
      measuredAtMs: ms,
      message: { messageId: 'x', ts: new Date(ms).toISOString(), fillPercent: 61 },
    };
    await local.store.readings.writeReadings([reading]);
    await local.store.registry.putDataset(tinyVillage('v1'));
    const bins = await local.store.registry.listBins('v1');
    expect(bins.find((b) => b.id === 'BIN-2')?.latest?.fillPercent).toBe(61);
    expect(bins.find((b) => b.id === 'BIN-1')?.latest).toBeUndefined();
  });

  it('finds registered devices by kind, so a bin id on a meter topic is unknown', async () => {
    const found = await local.store.registry.findDevices('v1', [
      { deviceKind: 'bin', deviceId: 'BIN-1' },
      { deviceKind: 'meter', deviceId: 'BIN-1' },
      { deviceKind: 'meter', deviceId: 'MTR-2' },
      { deviceKind: 'bin', deviceId: 'GHOST' },
    ]);
    expect([...found].sort()).toEqual(['bin#BIN-1', 'meter#MTR-2']);
  });
});
