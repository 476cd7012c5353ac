import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StopReport } from '@village/domain';
import { type Item, queryAll } from '../batch.ts';
import type { StopReportsRepository, StoredStopReport } from '../planning-ports.ts';
import { keys } from '../table.ts';

function toStoredReport(item: Item): StoredStopReport {
  return {
    reportId: item.reportId as string,
    vehicleId: item.vehicleId as string,
    binId: item.binId as string,
    status: item.status as StoredStopReport['status'],
    ...(item.reason !== undefined ? { reason: item.reason as StoredStopReport['reason'] } : {}),
    ...(item.note !== undefined ? { note: item.note as string } : {}),
    reportedAt: item.reportedAt as string,
    date: item.date as string,
    receivedAt: item.receivedAt as string,
  };
}

/** A date's crew reports, oldest first; also read by the plans repository to merge statuses. */
export async function queryStopReports(
  client: DynamoDBDocumentClient,
  table: string,
  villageId: string,
  date: string,
): Promise<StoredStopReport[]> {
  const items = await queryAll(client, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.stopReportPartition(villageId, date), ':prefix': 'R#' },
    ConsistentRead: true,
  });
  return items
    .map(toStoredReport)
    .sort(
      (a, b) =>
        Date.parse(a.reportedAt) - Date.parse(b.reportedAt) ||
        Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
    );
}

export function createStopReportsRepository(
  client: DynamoDBDocumentClient,
  table: string,
): StopReportsRepository {
  async function getStopReport(villageId: string, date: string, reportId: string) {
    const out = await client.send(
      new GetCommand({
        TableName: table,
        Key: keys.stopReport(villageId, date, reportId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? toStoredReport(out.Item) : undefined;
  }

  /** Moves a bin's last collection forward only: a late or repeated report never moves it back. */
  async function advanceLastCollected(villageId: string, report: StoredStopReport): Promise<void> {
    const collectedAtMs = Date.parse(report.reportedAt);
    try {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.lastCollected(villageId, report.binId),
            type: 'LAST_COLLECTED',
            binId: report.binId,
            collectedAtMs,
            reportId: report.reportId,
            vehicleId: report.vehicleId,
            date: report.date,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR collectedAtMs < :t',
          ExpressionAttributeValues: { ':t': collectedAtMs },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return {
    async recordStopReport(villageId, date, report: StopReport, receivedAt) {
      const stored: StoredStopReport = { ...report, date, receivedAt };
      let status: 'stored' | 'duplicate' = 'stored';
      let result = stored;
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.stopReport(villageId, date, report.reportId), type: 'STOP_REPORT', ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        status = 'duplicate';
        // First delivery wins, whatever a redelivery carries.
        result = (await getStopReport(villageId, date, report.reportId)) ?? stored;
      }
      // Also on a duplicate: a crash after the report was stored must not lose the collection time.
      if (result.status === 'collected') await advanceLastCollected(villageId, result);
      return { status, report: result };
    },

    getStopReport,

    listStopReports: (villageId, date) => queryStopReports(client, table, villageId, date),

    async lastCollectedAt(villageId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.lastCollectedPartition(villageId) },
      });
      return new Map(items.map((item) => [item.binId as string, item.collectedAtMs as number]));
    },
  };
}
