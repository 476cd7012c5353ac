import * as z from 'zod';

/**
 * Identifiers travel inside MQTT topics and DynamoDB keys, so they must not contain the MQTT
 * wildcards `+`/`#`, the topic separator `/`, or the key separator `#`.
 */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 characters of letters, digits, "-" or "_"');

export const villageIdSchema = idSchema;
export const hamletIdSchema = idSchema;
export const householdIdSchema = idSchema;
export const binIdSchema = idSchema;
export const meterIdSchema = idSchema;
export const vehicleIdSchema = idSchema;
export const siteIdSchema = idSchema;

export type VillageId = z.infer<typeof villageIdSchema>;
export type BinId = z.infer<typeof binIdSchema>;
export type MeterId = z.infer<typeof meterIdSchema>;
export type HouseholdId = z.infer<typeof householdIdSchema>;
export type DeviceId = BinId | MeterId;
