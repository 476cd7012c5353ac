import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { defaultOperatorSettings, operatorSettingsSchema } from '@village/domain';
import { batchPut, type Item, queryAll } from '../batch.ts';
import { fieldDiff } from '../field-diff.ts';
import type { Actor, SettingsChange, SettingsRecord, SettingsRepository } from '../planning-ports.ts';
import { SettingsConflictError } from '../settings-conflict-error.ts';
import { keys, SETTINGS_AUDIT_PREFIX } from '../table.ts';

/**
 * Operator settings: one item guarded by its `version` (optimistic concurrency through a conditional
 * put), and one audit item per version. Without transactions the audit item is written after the
 * settings; the change is also kept on the settings item (`lastChange`) and written again with the
 * next change, and listing merges it in, so a crash between the two writes loses no audit entry.
 */
export function createSettingsRepository(client: DynamoDBDocumentClient, table: string): SettingsRepository {
  async function readCurrent(villageId: string): Promise<Item | undefined> {
    const out = await client.send(
      new GetCommand({ TableName: table, Key: keys.settings(villageId), ConsistentRead: true }),
    );
    return out.Item;
  }

  function toRecord(item: Item | undefined): SettingsRecord {
    if (!item) return { settings: defaultOperatorSettings(), version: 0, updatedAt: null, updatedBy: null };
    return {
      // Parsing fills defaults of fields added since the settings were saved.
      settings: operatorSettingsSchema.parse(item.data),
      version: item.version as number,
      updatedAt: item.updatedAt as string,
      updatedBy: item.updatedBy as Actor,
    };
  }

  const auditItem = (villageId: string, change: SettingsChange): Item => ({
    ...keys.settingsAudit(villageId, change.version),
    type: 'SETTINGS_AUDIT',
    change,
  });

  return {
    async getSettings(villageId) {
      return toRecord(await readCurrent(villageId));
    },

    async putSettings(villageId, settings, { expectedVersion, changedBy, changedAt }) {
      const item = await readCurrent(villageId);
      const current = toRecord(item);
      if (current.version !== expectedVersion) {
        throw new SettingsConflictError(expectedVersion, current.version);
      }
      const changes = fieldDiff(current.settings, settings);
      if (changes.length === 0) return { record: current, change: null };

      const version = expectedVersion + 1;
      const change: SettingsChange = { version, changedAt, changedBy, changes };
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.settings(villageId),
              type: 'SETTINGS',
              version,
              data: settings,
              updatedAt: changedAt,
              updatedBy: changedBy,
              lastChange: change,
            },
            ...(expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#version = :expected',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // Someone else wrote between our read and our put.
        throw new SettingsConflictError(expectedVersion, toRecord(await readCurrent(villageId)).version);
      }
      const previous = item?.lastChange as SettingsChange | undefined;
      await batchPut(client, table, [
        ...(previous ? [auditItem(villageId, previous)] : []),
        auditItem(villageId, change),
      ]);
      return { record: { settings, version, updatedAt: changedAt, updatedBy: changedBy }, change };
    },

    async listSettingsAudit(villageId, limit = 50) {
      const [items, current] = await Promise.all([
        queryAll(
          client,
          {
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: {
              ':pk': keys.settings(villageId).pk,
              ':prefix': SETTINGS_AUDIT_PREFIX,
            },
            ScanIndexForward: false,
            ConsistentRead: true,
          },
          limit,
        ),
        readCurrent(villageId),
      ]);
      const changes = items.map((i) => i.change as SettingsChange);
      const last = current?.lastChange as SettingsChange | undefined;
      if (last && last.version > (changes[0]?.version ?? 0)) changes.unshift(last);
      return changes.slice(0, limit);
    },
  };
}
