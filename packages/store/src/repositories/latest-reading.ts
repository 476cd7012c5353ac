import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DeviceKind } from '@village/domain';
import type { Item } from '../batch.ts';
import { GSI1, keys } from '../table.ts';

/**
 * A device's latest state is its newest reading by measurement time: one descending Query on the
 * time index. Deriving it (instead of keeping a separate "latest" item) makes out-of-order and
 * concurrent deliveries correct by construction and keeps ingestion to batch writes only.
 */
export async function queryLatestReading(
  client: DynamoDBDocumentClient,
  table: string,
  kind: DeviceKind,
  deviceId: string,
): Promise<Item | undefined> {
  const out = await client.send(
    new QueryCommand({
      TableName: table,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.devicePartition(kind, deviceId) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return out.Items?.[0] as Item | undefined;
}
