import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '@village/local';
import { createDynamoDbClient, createStore, ensureTable, type Store } from '@village/store';

export interface LocalStore {
  endpoint: string;
  client: DynamoDBDocumentClient;
  tableName: string;
  store: Store;
  close(): Promise<void>;
}

/** A real dynalite server over TCP with the real AWS SDK: no mock between the code and the protocol. */
export async function startLocalStore(tableName = 'village-test'): Promise<LocalStore> {
  const db = await startDynamoDbLocal();
  const client = createDynamoDbClient({ endpoint: db.endpoint });
  await ensureTable(client, tableName);
  return {
    endpoint: db.endpoint,
    client,
    tableName,
    store: createStore({ client, tableName }),
    close: async () => {
      client.destroy();
      await db.close();
    },
  };
}
