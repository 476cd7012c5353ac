import type { DeviceKind } from '@village/domain';
import type { PlanKind } from './planning-ports.ts';

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
 * | plan index entry | V#{v}#PLAN#{kind}     | {date}#{sequence:6}       |                     |                           |
 * | plan sequence    | V#{v}#PLANSEQ#{kind}  | {date}                    |                     |                           |
 * | plan summary     | V#{v}#PLAN#{kind}#{id}| SUMMARY                   |                     |                           |
 * | plan part        | V#{v}#PLAN#{kind}#{id}| ROUTE#{vehicleId}|HH#{hh} |                     |                           |
 * | settings         | V#{v}#SETTINGS        | CURRENT                   |                     |                           |
 * | settings change  | V#{v}#SETTINGS        | AUDIT#{version:10}        |                     |                           |
 * | stop report      | V#{v}#STOPS#{date}    | R#{reportId}              |                     |                           |
 * | last collection  | V#{v}#COLLECTED       | BIN#{binId}               |                     |                           |
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
  planIndexPartition: (villageId: string, kind: PlanKind) => `V#${villageId}#PLAN#${kind}`,
  planIndexSortKey: (date: string, sequence: number) => `${date}#${String(sequence).padStart(6, '0')}`,
  planSequence: (villageId: string, kind: PlanKind, date: string) => ({
    pk: `V#${villageId}#PLANSEQ#${kind}`,
    sk: date,
  }),
  planPartition: (villageId: string, kind: PlanKind, planId: string) =>
    `V#${villageId}#PLAN#${kind}#${planId}`,
  planSummarySortKey: 'SUMMARY',
  planPartSortKey: (kind: PlanKind, partId: string) => `${kind === 'waste' ? 'ROUTE' : 'HH'}#${partId}`,
  settings: (villageId: string) => ({ pk: `V#${villageId}#SETTINGS`, sk: 'CURRENT' }),
  settingsAudit: (villageId: string, version: number) => ({
    pk: `V#${villageId}#SETTINGS`,
    sk: `${SETTINGS_AUDIT_PREFIX}${String(version).padStart(10, '0')}`,
  }),
  stopReportPartition: (villageId: string, date: string) => `V#${villageId}#STOPS#${date}`,
  stopReport: (villageId: string, date: string, reportId: string) => ({
    pk: `V#${villageId}#STOPS#${date}`,
    sk: `R#${reportId}`,
  }),
  lastCollectedPartition: (villageId: string) => `V#${villageId}#COLLECTED`,
  lastCollected: (villageId: string, binId: string) => ({
    pk: `V#${villageId}#COLLECTED`,
    sk: `BIN#${binId}`,
  }),
};

export const SETTINGS_AUDIT_PREFIX = 'AUDIT#';

/** Zero-padded epoch milliseconds so string order equals time order (valid until year 2286). */
export function padMs(ms: number): string {
  return String(Math.max(0, Math.floor(ms))).padStart(13, '0');
}

/** Raw readings are kept this long; in AWS the table's TTL attribute `expiresAt` removes them. */
export const READING_RETENTION_DAYS = 400;
