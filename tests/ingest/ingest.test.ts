import type { RawTelemetry } from '@village/domain';
import { ingestTelemetry, parseIngestEvent, rejectionReasons } from '@village/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { tinyVillage } from '../support/tiny-village.ts';

const V = 'test-village';
const NOW = Date.parse('2026-11-20T09:00:00+07:00');
const clock = { nowMs: () => NOW };
const receivedAt = '2026-11-20T09:00:00+07:00';
const binTopic = `village/${V}/bins/BIN-1/telemetry`;
const meterTopic = `village/${V}/meters/MTR-1/telemetry`;
const msg = (topic: string, payload: unknown): RawTelemetry => ({
  topic,
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  receivedAt,
});

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
  await local.store.registry.putDataset(tinyVillage(V));
});
afterAll(() => local.close());

describe('ingestTelemetry', () => {
  it('stores valid readings and reports duplicates on redelivery', async () => {
    const batch = [
      msg(binTopic, {
        messageId: 'b-1',
        ts: '2026-11-20T08:00:00+07:00',
        fillPercent: 42.5,
        batteryPercent: 90,
      }),
      msg(meterTopic, {
        messageId: 'm-1',
        ts: '2026-11-20T08:00:00+07:00',
        kwhTotal: 100.25,
        kw: 1.2,
        voltageV: 228,
      }),
    ];
    const first = await ingestTelemetry(batch, { store: local.store, clock });
    expect(first.results.map((r) => r.status)).toEqual(['stored', 'stored']);
    const again = await ingestTelemetry(batch, { store: local.store, clock });
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.stored).toBe(0);
    const bin = await local.store.registry.getBin(V, 'BIN-1');
    expect(bin?.latest).toMatchObject({ fillPercent: 42.5, batteryPercent: 90 });
  });

  const malformed: Array<[string, RawTelemetry, string, string]> = [
    ['a topic outside the scheme', msg('village/x/telemetry', {}), rejectionReasons.badTopic, 'topic'],
    [
      'an unknown device kind',
      msg(`village/${V}/pumps/P1/telemetry`, {}),
      rejectionReasons.badTopic,
      'topic',
    ],
    ['a payload that is not JSON', msg(binTopic, '{"messageId": '), rejectionReasons.notJson, 'payload'],
    ['an empty payload', msg(binTopic, ''), rejectionReasons.notJson, 'payload'],
    ['a JSON array', msg(binTopic, [1, 2]), rejectionReasons.invalidPayload, 'payload'],
    [
      'a missing fillPercent',
      msg(binTopic, { messageId: 'x1', ts: '2026-11-20T08:00:00+07:00' }),
      rejectionReasons.invalidPayload,
      'payload.fillPercent',
    ],
    [
      'fillPercent above 100',
      msg(binTopic, { messageId: 'x2', ts: '2026-11-20T08:00:00+07:00', fillPercent: 140 }),
      rejectionReasons.invalidPayload,
      'payload.fillPercent',
    ],
    [
      'fillPercent as a string',
      msg(binTopic, { messageId: 'x3', ts: '2026-11-20T08:00:00+07:00', fillPercent: '50' }),
      rejectionReasons.invalidPayload,
      'payload.fillPercent',
    ],
    [
      'a timestamp without offset',
      msg(binTopic, { messageId: 'x4', ts: '2026-11-20T08:00:00', fillPercent: 5 }),
      rejectionReasons.invalidPayload,
      'payload.ts',
    ],
    [
      'an empty messageId',
      msg(binTopic, { messageId: '', ts: '2026-11-20T08:00:00+07:00', fillPercent: 5 }),
      rejectionReasons.invalidPayload,
      'payload.messageId',
    ],
    [
      'a timestamp an hour in the future',
      msg(binTopic, { messageId: 'x5', ts: '2026-11-20T10:00:00+07:00', fillPercent: 5 }),
      rejectionReasons.futureTimestamp,
      'payload.ts',
    ],
    [
      'a timestamp older than retention',
      msg(binTopic, { messageId: 'x6', ts: '2020-01-01T00:00:00+07:00', fillPercent: 5 }),
      rejectionReasons.tooOld,
      'payload.ts',
    ],
    [
      'a negative meter register',
      msg(meterTopic, { messageId: 'x7', ts: '2026-11-20T08:00:00+07:00', kwhTotal: -3 }),
      rejectionReasons.invalidPayload,
      'payload.kwhTotal',
    ],
    [
      'a bin payload on a meter topic',
      msg(meterTopic, { messageId: 'x8', ts: '2026-11-20T08:00:00+07:00', fillPercent: 5 }),
      rejectionReasons.invalidPayload,
      'payload.kwhTotal',
    ],
    [
      'an unregistered device',
      msg(`village/${V}/bins/GHOST/telemetry`, {
        messageId: 'x9',
        ts: '2026-11-20T08:00:00+07:00',
        fillPercent: 5,
      }),
      rejectionReasons.unknownDevice,
      'topic',
    ],
    [
      'a device of another village',
      msg('village/elsewhere/bins/BIN-1/telemetry', {
        messageId: 'x10',
        ts: '2026-11-20T08:00:00+07:00',
        fillPercent: 5,
      }),
      rejectionReasons.unknownDevice,
      'topic',
    ],
    [
      'an oversized payload',
      msg(binTopic, {
        messageId: 'x11',
        ts: '2026-11-20T08:00:00+07:00',
        fillPercent: 5,
        pad: 'x'.repeat(9000),
      }),
      rejectionReasons.tooLarge,
      'payload',
    ],
  ];

  it.each(malformed)(
    'rejects %s with a reason naming the field, and records it',
    async (_label, raw, reason, field) => {
      const summary = await ingestTelemetry([raw], { store: local.store, clock });
      const [result] = summary.results;
      expect(result?.status).toBe('rejected');
      expect(result?.reason).toBe(reason);
      expect(result?.issues?.map((i) => i.field)).toContain(field);
      const parsed = raw.topic.split('/');
      const villageId =
        parsed.length === 5 && (parsed[2] === 'bins' || parsed[2] === 'meters') ? parsed[1] : null;
      const recorded = await local.store.rejections.listRejections(villageId ?? null, 500);
      const record = recorded.find((r) => r.payload === raw.payload && r.topic === raw.topic);
      expect(record?.reason).toBe(reason);
    },
  );

  it('handles a mixed batch without letting bad messages affect good ones', async () => {
    const summary = await ingestTelemetry(
      [
        msg(binTopic, 'garbage'),
        msg(binTopic, { messageId: 'mix-1', ts: '2026-11-20T08:30:00+07:00', fillPercent: 50 }),
        msg(binTopic, { messageId: 'mix-1', ts: '2026-11-20T08:30:00+07:00', fillPercent: 50 }),
      ],
      { store: local.store, clock },
    );
    expect(summary.results.map((r) => r.status)).toEqual(['rejected', 'stored', 'duplicate']);
    expect(summary).toMatchObject({ stored: 1, duplicates: 1, rejected: 1 });
  });
});

describe('parseIngestEvent', () => {
  it('accepts the local batch, an IoT rule message and an SQS batch of them', () => {
    const raw = msg(binTopic, { a: 1 });
    expect(parseIngestEvent({ records: [raw] })).toEqual([raw]);
    const rule = {
      topic: binTopic,
      payloadBase64: Buffer.from('{"a":1}').toString('base64'),
      receivedAtMs: NOW,
    };
    expect(parseIngestEvent(rule)).toEqual([{ topic: binTopic, payload: '{"a":1}', receivedAt }]);
    expect(parseIngestEvent({ Records: [{ body: JSON.stringify(rule) }] })).toHaveLength(1);
  });

  it('names the bad field of a malformed envelope', () => {
    expect(() => parseIngestEvent({ Records: [{ body: '{}' }] })).toThrow(/unsupported SQS record/);
    expect(() => parseIngestEvent({ nope: true })).toThrow(/unsupported ingest event/);
  });
});
