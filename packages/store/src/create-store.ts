import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Store } from './ports.ts';
import { createPlansRepository } from './repositories/plans.ts';
import { createReadingsRepository } from './repositories/readings.ts';
import { createRegistryRepository } from './repositories/registry.ts';
import { createRejectionsRepository } from './repositories/rejections.ts';
import { createSettingsRepository } from './repositories/settings.ts';
import { createStopReportsRepository } from './repositories/stop-reports.ts';

export interface StoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export function createStore({ client, tableName }: StoreOptions): Store {
  return {
    registry: createRegistryRepository(client, tableName),
    readings: createReadingsRepository(client, tableName),
    rejections: createRejectionsRepository(client, tableName),
    plans: createPlansRepository(client, tableName),
    settings: createSettingsRepository(client, tableName),
    stopReports: createStopReportsRepository(client, tableName),
  };
}
