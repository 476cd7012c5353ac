import { systemClock } from '@village/domain';
import { type IngestSummary, ingestTelemetry, parseIngestEvent } from '@village/ingest';
import { createDynamoDbClient, createStore } from '@village/store';
import { type RuntimeConfig, readRuntimeConfig } from '../shared/runtime-config.ts';

/** Builds the handler for a configuration; the local runtime passes its own, Lambda uses the env. */
export function createIngestHandler(config: RuntimeConfig) {
  const store = createStore({
    client: createDynamoDbClient({ endpoint: config.DYNAMODB_ENDPOINT }),
    tableName: config.TABLE_NAME,
  });
  /** Thin adapter: event → raw messages → ingest → per-message results. */
  return (event: unknown): Promise<IngestSummary> =>
    ingestTelemetry(parseIngestEvent(event), { store, clock: systemClock });
}

let lambdaHandler: ReturnType<typeof createIngestHandler> | undefined;

/** Lambda entry: built on first invocation, so importing the module (locally, in tests) costs nothing. */
export const handler = (event: unknown): Promise<IngestSummary> => {
  lambdaHandler ??= createIngestHandler(readRuntimeConfig(process.env));
  return lambdaHandler(event);
};
