import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DeviceKind } from '@village/domain';
import { batchGet, batchPut, type Item, mapConcurrent, queryAll } from '../batch.ts';
import type {
  ReadingsRepository,
  StoredBinReading,
  StoredMeterReading,
  TimeRange,
  ValidReading,
  WriteStatus,
} from '../ports.ts';
import { GSI1, keys, padMs, READING_RETENTION_DAYS } from '../table.ts';

const STATE_WRITE_CONCURRENCY = 16;
const MEASUREMENT_FIELDS = [
  'fillPercent',
  'temperatureC',
  'batteryPercent',
  'kwhTotal',
  'kw',
  'voltageV',
] as const;

const itemKey = (item: { pk: unknown; sk: unknown }) => `${item.pk}\u0000${item.sk}`;

function readingItem(r: ValidReading): Item {
  const { messageId, ts, ...measurements } = r.message;
  return {
    ...keys.reading(r.deviceKind, r.deviceId, messageId),
    gsi1pk: keys.devicePartition(r.deviceKind, r.deviceId),
    gsi1sk: keys.readingTimeKey(r.measuredAtMs, messageId),
    type: 'READING',
    villageId: r.villageId,
    deviceKind: r.deviceKind,
    deviceId: r.deviceId,
    messageId,
    measuredAt: ts,
    measuredAtMs: r.measuredAtMs,
    receivedAt: r.receivedAt,
    expiresAt: Math.floor(r.measuredAtMs / 1000) + READING_RETENTION_DAYS * 86_400,
    ...measurements,
  };
}

function stateItem(reading: Item): Item {
  const state: Item = {
    ...keys.deviceState(
      reading.villageId as string,
      reading.deviceKind as DeviceKind,
      reading.deviceId as string,
    ),
    type: 'STATE',
    deviceId: reading.deviceId,
    messageId: reading.messageId,
    measuredAt: reading.measuredAt,
    measuredAtMs: reading.measuredAtMs,
  };
  for (const field of MEASUREMENT_FIELDS) if (reading[field] !== undefined) state[field] = reading[field];
  return state;
}

export function createReadingsRepository(client: DynamoDBDocumentClient, table: string): ReadingsRepository {
  /**
   * Moves a device's latest state forward, never backwards: a conditional put that only wins when
   * the reading is newer, so out-of-order and concurrent deliveries converge on the newest reading.
   */
  async function advanceLatestStates(candidates: Item[]): Promise<void> {
    const newestPerDevice = new Map<string, Item>();
    for (const item of candidates) {
      const current = newestPerDevice.get(item.pk as string);
      if (!current || (current.measuredAtMs as number) < (item.measuredAtMs as number)) {
        newestPerDevice.set(item.pk as string, item);
      }
    }
    const states = [...newestPerDevice.values()].map(stateItem);
    // One strongly consistent read skips the writes that would lose anyway (most of a replay).
    const stored = new Map(
      (
        await batchGet(
          client,
          table,
          states.map((s) => ({ pk: s.pk as string, sk: s.sk as string })),
        )
      ).map((s) => [itemKey(s as { pk: string; sk: string }), s.measuredAtMs as number]),
    );
    const newer = states.filter(
      (s) => (stored.get(itemKey(s as { pk: string; sk: string })) ?? -1) < (s.measuredAtMs as number),
    );
    await mapConcurrent(newer, STATE_WRITE_CONCURRENCY, async (state) => {
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: state,
            ConditionExpression: 'attribute_not_exists(pk) OR measuredAtMs < :ms',
            ExpressionAttributeValues: { ':ms': state.measuredAtMs },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    });
  }

  async function listReadings(kind: DeviceKind, deviceId: string, range: TimeRange, limit?: number) {
    if (range.toMs <= range.fromMs) return [];
    return queryAll(
      client,
      {
        TableName: table,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.devicePartition(kind, deviceId),
          ':from': padMs(range.fromMs),
          // `#\uffff` sorts after every `#{messageId}` suffix of the last included millisecond.
          ':to': `${padMs(range.toMs - 1)}#\uffff`,
        },
      },
      limit,
    );
  }

  return {
    async writeReadings(readings) {
      const items = readings.map(readingItem);
      const existing = new Map(
        (
          await batchGet(
            client,
            table,
            items.map((i) => ({ pk: i.pk as string, sk: i.sk as string })),
          )
        ).map((item) => [itemKey(item as { pk: string; sk: string }), item]),
      );
      const statuses: WriteStatus[] = [];
      const fresh: Item[] = [];
      const seenInBatch = new Set<string>();
      const latestCandidates: Item[] = [];
      for (const item of items) {
        const key = itemKey(item as { pk: string; sk: string });
        const stored = existing.get(key);
        if (stored || seenInBatch.has(key)) {
          statuses.push('duplicate');
          // A redelivery may follow a crash between storing a reading and advancing the state,
          // so duplicates still take part in the (idempotent) state update — with the stored copy.
          if (stored) latestCandidates.push(stored);
          continue;
        }
        seenInBatch.add(key);
        statuses.push('stored');
        fresh.push(item);
        latestCandidates.push(item);
      }
      await batchPut(client, table, fresh);
      await advanceLatestStates(latestCandidates);
      return statuses;
    },

    async listBinReadings(binId, range, limit) {
      const items = await listReadings('bin', binId, range, limit);
      return items.map(
        (i): StoredBinReading => ({
          messageId: i.messageId as string,
          measuredAt: i.measuredAt as string,
          fillPercent: i.fillPercent as number,
          ...(i.temperatureC !== undefined ? { temperatureC: i.temperatureC as number } : {}),
          ...(i.batteryPercent !== undefined ? { batteryPercent: i.batteryPercent as number } : {}),
        }),
      );
    },

    async listMeterReadings(meterId, range, limit) {
      const items = await listReadings('meter', meterId, range, limit);
      return items.map(
        (i): StoredMeterReading => ({
          messageId: i.messageId as string,
          measuredAt: i.measuredAt as string,
          kwhTotal: i.kwhTotal as number,
          ...(i.kw !== undefined ? { kw: i.kw as number } : {}),
          ...(i.voltageV !== undefined ? { voltageV: i.voltageV as number } : {}),
        }),
      );
    },
  };
}
