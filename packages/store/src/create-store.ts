import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Store } from './ports.ts';
import { createReadingsRepository } from './repositories/readings.ts';
import { createRegistryRepository } from './repositories/registry.ts';
import { createRejectionsRepository } from './repositories/rejections.ts';

export interface StoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export function createStore({ client, tableName }: StoreOptions): Store {
  return {
    registry: createRegistryRepository(client, tableName),
    readings: createReadingsRepository(client, tableName),
    rejections: createRejectionsRepository(client, tableName),
  };
}
