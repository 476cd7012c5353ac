import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeviceKind } from '@village/domain';
import { batchGet, batchPut, type Item, queryAll } from '../batch.ts';
import type {
  ReadingsRepository,
  StoredBinReading,
  StoredMeterReading,
  TimeRange,
  ValidReading,
  WriteStatus,
} from '../ports.ts';
import { GSI1, keys, padMs, READING_RETENTION_DAYS } from '../table.ts';

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

export function createReadingsRepository(client: DynamoDBDocumentClient, table: string): ReadingsRepository {
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
      for (const item of items) {
        const key = itemKey(item as { pk: string; sk: string });
        if (existing.has(key) || seenInBatch.has(key)) {
          statuses.push('duplicate');
          continue;
        }
        seenInBatch.add(key);
        statuses.push('stored');
        fresh.push(item);
      }
      // Two concurrent deliveries of one message may both get here; they write the same key and the
      // same content, so the reading is still stored once.
      await batchPut(client, table, fresh);
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
