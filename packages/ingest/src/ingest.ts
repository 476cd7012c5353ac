import type { Clock, FieldIssue, RawTelemetry } from '@village/domain';
import {
  deviceRef,
  READING_RETENTION_DAYS,
  type RejectedMessage,
  type Store,
  type ValidReading,
} from '@village/store';
import { rejection, rejectionReasons } from './reject.ts';
import { checkMessage } from './validate.ts';

export type IngestStatus = 'stored' | 'duplicate' | 'rejected';

export interface IngestResult {
  /** Position in the input batch. */
  index: number;
  status: IngestStatus;
  deviceId: string | null;
  messageId: string | null;
  reason?: string;
  issues?: FieldIssue[];
}

export interface IngestSummary {
  results: IngestResult[];
  stored: number;
  duplicates: number;
  rejected: number;
}

export interface IngestDeps {
  store: Pick<Store, 'registry' | 'readings' | 'rejections'>;
  clock: Clock;
}

/**
 * Validates and stores a batch of raw telemetry. Never throws for bad input: every message gets a
 * result, and every rejected one is recorded with its reason and raw payload. Storage errors do
 * throw, so the transport redelivers the batch (ingestion is idempotent).
 */
export async function ingestTelemetry(
  batch: readonly RawTelemetry[],
  deps: IngestDeps,
): Promise<IngestSummary> {
  const maxAgeMs = READING_RETENTION_DAYS * 86_400_000;
  const results: IngestResult[] = new Array(batch.length);
  const rejections: RejectedMessage[] = [];
  const candidates: { index: number; reading: ValidReading }[] = [];

  const reject = (index: number, record: RejectedMessage, messageId: string | null) => {
    rejections.push(record);
    results[index] = {
      index,
      status: 'rejected',
      deviceId: record.deviceId,
      messageId,
      reason: record.reason,
      issues: record.issues,
    };
  };

  batch.forEach((raw, index) => {
    const receivedAtMs = Date.parse(raw.receivedAt);
    const checked = checkMessage(
      raw,
      Number.isNaN(receivedAtMs) ? deps.clock.nowMs() : receivedAtMs,
      maxAgeMs,
    );
    if (checked.ok) candidates.push({ index, reading: checked.reading });
    else reject(index, rejection(raw, checked.device, checked.reason, checked.issues), null);
  });

  const known = await registeredDevices(candidates, deps);
  const accepted: typeof candidates = [];
  for (const candidate of candidates) {
    const r = candidate.reading;
    if (known.has(`${r.villageId}/${deviceRef(r.deviceKind, r.deviceId)}`)) {
      accepted.push(candidate);
      continue;
    }
    const raw = batch[candidate.index] as RawTelemetry;
    const device = { villageId: r.villageId, deviceKind: r.deviceKind, deviceId: r.deviceId };
    const issue = {
      field: 'topic',
      message: `no ${r.deviceKind} "${r.deviceId}" in village "${r.villageId}"`,
    };
    reject(
      candidate.index,
      rejection(raw, device, rejectionReasons.unknownDevice, [issue]),
      r.message.messageId,
    );
  }

  const [statuses] = await Promise.all([
    accepted.length > 0 ? deps.store.readings.writeReadings(accepted.map((c) => c.reading)) : [],
    rejections.length > 0 ? deps.store.rejections.recordRejections(rejections) : undefined,
  ]);
  accepted.forEach(({ index, reading }, i) => {
    results[index] = {
      index,
      status: statuses[i] === 'duplicate' ? 'duplicate' : 'stored',
      deviceId: reading.deviceId,
      messageId: reading.message.messageId,
    };
  });

  return {
    results,
    stored: results.filter((r) => r.status === 'stored').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    rejected: rejections.length,
  };
}

/** Registered devices among the candidates, as `villageId/kind#id`; one lookup per village. */
async function registeredDevices(
  candidates: { reading: ValidReading }[],
  deps: IngestDeps,
): Promise<Set<string>> {
  const byVillage = new Map<string, ValidReading[]>();
  for (const { reading } of candidates) {
    const list = byVillage.get(reading.villageId) ?? [];
    list.push(reading);
    byVillage.set(reading.villageId, list);
  }
  const known = new Set<string>();
  await Promise.all(
    [...byVillage].map(async ([villageId, readings]) => {
      const found = await deps.store.registry.findDevices(villageId, readings);
      for (const ref of found) known.add(`${villageId}/${ref}`);
    }),
  );
  return known;
}
