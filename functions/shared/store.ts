import { createDynamoDbClient, createStore, type Store } from '@village/store';
import type { RuntimeConfig } from './runtime-config.ts';

/** The store for a function's configuration (local endpoint when DYNAMODB_ENDPOINT is set). */
export function storeFor(config: RuntimeConfig): Store {
  return createStore({
    client: createDynamoDbClient({ endpoint: config.DYNAMODB_ENDPOINT }),
    tableName: config.TABLE_NAME,
  });
}
