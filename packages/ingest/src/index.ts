export {
  type IngestDeps,
  type IngestResult,
  type IngestStatus,
  type IngestSummary,
  ingestTelemetry,
} from './ingest.ts';
export { parseIngestEvent } from './ingest-event.ts';
export { type RejectionReason, rejectionReasons } from './reject.ts';
export { MAX_FUTURE_SKEW_MS, MAX_PAYLOAD_BYTES } from './validate.ts';
