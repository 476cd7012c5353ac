import { createHash } from 'node:crypto';
import type { DeviceKind, FieldIssue, RawTelemetry } from '@village/domain';
import type { RejectedMessage } from '@village/store';

/** Why a message was refused; each reason is stable text an operator can filter on. */
export const rejectionReasons = {
  badTopic: 'invalid topic',
  tooLarge: 'payload too large',
  notJson: 'payload is not valid JSON',
  invalidPayload: 'payload failed validation',
  futureTimestamp: 'ts is in the future',
  tooOld: 'ts is older than the retention period',
  unknownDevice: 'unknown device',
} as const;

export type RejectionReason = (typeof rejectionReasons)[keyof typeof rejectionReasons];

export interface DeviceOfTopic {
  villageId: string | null;
  deviceKind: DeviceKind | null;
  deviceId: string | null;
}

/** Builds the stored record; the id hashes topic + payload so a redelivered bad message is kept once. */
export function rejection(
  raw: RawTelemetry,
  device: DeviceOfTopic,
  reason: RejectionReason,
  issues: FieldIssue[] = [],
): RejectedMessage {
  const id = createHash('sha256')
    .update(raw.topic)
    .update('\n')
    .update(raw.payload)
    .digest('hex')
    .slice(0, 32);
  return {
    id,
    ...device,
    topic: raw.topic,
    payload: raw.payload,
    reason,
    issues,
    receivedAt: raw.receivedAt,
  };
}
