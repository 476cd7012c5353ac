export { createDynamoDbClient, type DynamoDbClientOptions } from './client.ts';
export { createStore, type StoreOptions } from './create-store.ts';
export { ensureTable, tableDefinition } from './ensure-table.ts';
export type * from './planning-ports.ts';
export type * from './ports.ts';
export { deviceRef } from './ports.ts';
export { SettingsConflictError } from './settings-conflict-error.ts';
export { READING_RETENTION_DAYS } from './table.ts';
