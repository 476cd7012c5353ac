import { systemClock } from '@village/domain';
import { type IngestSummary, ingestTelemetry, parseIngestEvent } from '@village/ingest';
import { createDynamoDbClient, createStore } from '@village/store';

/** Built once per Lambda container (or local process) from the environment. */
const store = createStore({
  client: createDynamoDbClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName: process.env.TABLE_NAME ?? 'village',
});

/** Thin adapter: event → raw messages → ingest → per-message results. */
export async function handler(event: unknown): Promise<IngestSummary> {
  return ingestTelemetry(parseIngestEvent(event), { store, clock: systemClock });
}
