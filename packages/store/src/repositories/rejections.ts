import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mapConcurrent, queryAll } from '../batch.ts';
import type { RejectedMessage, RejectionsRepository } from '../ports.ts';
import { GSI1, keys, padMs } from '../table.ts';

export function createRejectionsRepository(
  client: DynamoDBDocumentClient,
  table: string,
): RejectionsRepository {
  return {
    async recordRejections(rejections) {
      await mapConcurrent(rejections, 8, async (rejection) => {
        const partition = keys.rejectionPartition(rejection.villageId);
        try {
          // First sighting wins: a redelivered bad message keeps its original record.
          await client.send(
            new PutCommand({
              TableName: table,
              Item: {
                pk: partition,
                sk: rejection.id,
                gsi1pk: partition,
                gsi1sk: `${padMs(Date.parse(rejection.receivedAt))}#${rejection.id}`,
                type: 'REJECTION',
                ...rejection,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      });
    },

    async listRejections(villageId, limit = 100) {
      const items = await queryAll(
        client,
        {
          TableName: table,
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.rejectionPartition(villageId) },
          ScanIndexForward: false,
        },
        limit,
      );
      return items.map(
        (i): RejectedMessage => ({
          id: i.id as string,
          villageId: (i.villageId as string | null) ?? null,
          deviceKind: (i.deviceKind as RejectedMessage['deviceKind']) ?? null,
          deviceId: (i.deviceId as string | null) ?? null,
          topic: i.topic as string,
          payload: i.payload as string,
          reason: i.reason as string,
          issues: (i.issues as RejectedMessage['issues']) ?? [],
          receivedAt: i.receivedAt as string,
        }),
      );
    },
  };
}
