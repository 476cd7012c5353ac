import type { DeviceKind } from '@village/domain';

/**
 * Single-table layout (see docs/data-model.md). Keys are built only here so every access pattern
 * is visible in one place.
 *
 * | item             | pk                    | sk                        | gsi1pk              | gsi1sk                    |
 * |------------------|-----------------------|---------------------------|---------------------|---------------------------|
 * | village          | V#{villageId}         | VILLAGE                   |                     |                           |
 * | registry entity  | V#{villageId}         | {BIN|MTR|HH|VEH|...}#{id} |                     |                           |
 * | reading          | D#{kind}#{deviceId}   | M#{messageId}             | D#{kind}#{deviceId} | {measuredAtMs:13}#{msgId} |
 * | rejected message | REJ#{villageId|-}     | {rejectionId}             | REJ#{villageId|-}   | {receivedAtMs:13}#{id}    |
 */
export const GSI1 = 'gsi1';

export type EntityPrefix = 'BIN' | 'MTR' | 'HH' | 'VEH' | 'DEPOT' | 'DISP';

export const keys = {
  village: (villageId: string) => ({ pk: `V#${villageId}`, sk: 'VILLAGE' }),
  entity: (villageId: string, prefix: EntityPrefix, id: string) => ({
    pk: `V#${villageId}`,
    sk: `${prefix}#${id}`,
  }),
  entityPrefix: (prefix: EntityPrefix) => `${prefix}#`,
  devicePartition: (kind: DeviceKind, deviceId: string) => `D#${kind}#${deviceId}`,
  reading: (kind: DeviceKind, deviceId: string, messageId: string) => ({
    pk: `D#${kind}#${deviceId}`,
    sk: `M#${messageId}`,
  }),
  readingTimeKey: (measuredAtMs: number, messageId: string) => `${padMs(measuredAtMs)}#${messageId}`,
  rejectionPartition: (villageId: string | null) => `REJ#${villageId ?? '-'}`,
};

/** Zero-padded epoch milliseconds so string order equals time order (valid until year 2286). */
export function padMs(ms: number): string {
  return String(Math.max(0, Math.floor(ms))).padStart(13, '0');
}

/** Raw readings are kept this long; in AWS the table's TTL attribute `expiresAt` removes them. */
export const READING_RETENTION_DAYS = 400;
