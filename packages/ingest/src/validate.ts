import {
  binTelemetrySchema,
  type DeviceKind,
  type FieldIssue,
  issuesFromZod,
  meterTelemetrySchema,
  parseTelemetryTopic,
  type RawTelemetry,
} from '@village/domain';
import type { ValidReading } from '@village/store';
import { type DeviceOfTopic, type RejectionReason, rejectionReasons } from './reject.ts';

export const MAX_PAYLOAD_BYTES = 8 * 1024;
/** Device clocks drift; a reading a little ahead of the broker's clock is still believable. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export type Checked =
  | { ok: true; reading: ValidReading }
  | { ok: false; device: DeviceOfTopic; reason: RejectionReason; issues: FieldIssue[] };

const noDevice: DeviceOfTopic = { villageId: null, deviceKind: null, deviceId: null };

/** Validates one raw message without I/O: topic, size, JSON, schema and timestamp plausibility. */
export function checkMessage(raw: RawTelemetry, receivedAtMs: number, maxAgeMs: number): Checked {
  const topic = parseTelemetryTopic(raw.topic);
  if (!topic.ok) {
    return {
      ok: false,
      device: noDevice,
      reason: rejectionReasons.badTopic,
      issues: [{ field: 'topic', message: topic.reason }],
    };
  }
  const { villageId, deviceKind, deviceId } = topic.value;
  const device: DeviceOfTopic = { villageId, deviceKind, deviceId };
  const fail = (reason: RejectionReason, issues: FieldIssue[]): Checked => ({
    ok: false,
    device,
    reason,
    issues,
  });

  const bytes = Buffer.byteLength(raw.payload, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    return fail(rejectionReasons.tooLarge, [
      { field: 'payload', message: `${bytes} bytes > ${MAX_PAYLOAD_BYTES}` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.payload);
  } catch (error) {
    return fail(rejectionReasons.notJson, [{ field: 'payload', message: (error as Error).message }]);
  }
  const parsed =
    deviceKind === 'bin'
      ? tagged('bin' as const, binTelemetrySchema.safeParse(json))
      : tagged('meter' as const, meterTelemetrySchema.safeParse(json));
  if (!parsed.result.success) {
    return fail(rejectionReasons.invalidPayload, issuesFromZod(parsed.result.error.issues, 'payload'));
  }
  const ts = parsed.result.data.ts;
  const measuredAtMs = Date.parse(ts);
  if (measuredAtMs > receivedAtMs + MAX_FUTURE_SKEW_MS) {
    return fail(rejectionReasons.futureTimestamp, [
      { field: 'payload.ts', message: `${ts} is after the receive time ${raw.receivedAt}` },
    ]);
  }
  if (measuredAtMs < receivedAtMs - maxAgeMs) {
    return fail(rejectionReasons.tooOld, [{ field: 'payload.ts', message: `${ts} is too old to keep` }]);
  }
  const base = { villageId, deviceId, receivedAt: raw.receivedAt, measuredAtMs };
  const reading: ValidReading =
    parsed.kind === 'bin'
      ? { ...base, deviceKind: 'bin', message: parsed.result.data }
      : { ...base, deviceKind: 'meter', message: parsed.result.data };
  return { ok: true, reading };
}

/** Keeps the device kind next to its parse result so TypeScript narrows both together. */
function tagged<K extends DeviceKind, R>(kind: K, result: R): { kind: K; result: R } {
  return { kind, result };
}
