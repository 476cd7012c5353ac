import * as z from 'zod';
import { idSchema } from '../ids.ts';
import { isoDateTimeSchema } from '../time.ts';

/** Fields every device message carries. `messageId` is unique per device and makes delivery idempotent. */
const messageBase = {
  messageId: z.string().min(1).max(128),
  ts: isoDateTimeSchema,
};

export const binTelemetrySchema = z.object({
  ...messageBase,
  fillPercent: z.number().min(0).max(100),
  temperatureC: z.number().min(-40).max(125).optional(),
  batteryPercent: z.number().min(0).max(100).optional(),
});
export type BinTelemetry = z.infer<typeof binTelemetrySchema>;

export const meterTelemetrySchema = z.object({
  ...messageBase,
  /** Cumulative import register; never decreases on a healthy meter. */
  kwhTotal: z.number().nonnegative(),
  kw: z.number().optional(),
  voltageV: z.number().min(0).max(1000).optional(),
});
export type MeterTelemetry = z.infer<typeof meterTelemetrySchema>;

export const deviceKindSchema = z.enum(['bin', 'meter']);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

/** MQTT topics: `village/{villageId}/bins/{binId}/telemetry` and `village/{villageId}/meters/{meterId}/telemetry`. */
export interface TelemetryTopic {
  villageId: string;
  deviceKind: DeviceKind;
  deviceId: string;
}

const topicSegments = { bins: 'bin', meters: 'meter' } as const;

export function telemetryTopic(topic: TelemetryTopic): string {
  const segment = topic.deviceKind === 'bin' ? 'bins' : 'meters';
  return `village/${topic.villageId}/${segment}/${topic.deviceId}/telemetry`;
}

/** Parses a telemetry topic; returns an explanation instead of throwing so callers can record it. */
export function parseTelemetryTopic(
  topic: string,
): { ok: true; value: TelemetryTopic } | { ok: false; reason: string } {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== 'village' || parts[4] !== 'telemetry') {
    return { ok: false, reason: 'topic must be village/{villageId}/(bins|meters)/{deviceId}/telemetry' };
  }
  const [, villageId = '', kindSegment = '', deviceId = ''] = parts;
  const deviceKind = topicSegments[kindSegment as keyof typeof topicSegments];
  if (!deviceKind)
    return { ok: false, reason: `unknown device kind "${kindSegment}" (expected bins or meters)` };
  if (!idSchema.safeParse(villageId).success)
    return { ok: false, reason: `invalid villageId "${villageId}"` };
  if (!idSchema.safeParse(deviceId).success) return { ok: false, reason: `invalid deviceId "${deviceId}"` };
  return { ok: true, value: { villageId, deviceKind, deviceId } };
}

/** A message as it arrives from the broker, before validation: the raw bytes are kept for the record. */
export const rawTelemetrySchema = z.object({
  topic: z.string().min(1),
  /** The payload exactly as published, as UTF-8 text. */
  payload: z.string(),
  receivedAt: isoDateTimeSchema,
});
export type RawTelemetry = z.infer<typeof rawTelemetrySchema>;
