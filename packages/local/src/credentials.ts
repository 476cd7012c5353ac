import { createHash, timingSafeEqual } from 'node:crypto';
import { idSchema } from '@village/domain';
import * as z from 'zod';
import {
  generateSecret,
  readIfExists,
  restrictFileMode,
  SECRET_PATTERN,
  writeSecretFileAtomic,
} from './secret-file.ts';

/** deviceId → shared secret (the MQTT password), as stored in `DATA_DIR/device-credentials.json`. */
export type DeviceCredentials = Record<string, string>;

const credentialsFileSchema = z.record(
  idSchema,
  z.string().regex(SECRET_PATTERN, 'must be one token of 22–512 printable characters'),
);

async function readCredentialsFile(filePath: string): Promise<DeviceCredentials | undefined> {
  const text = await readIfExists(filePath);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Device credentials file ${filePath} is not valid JSON; fix or delete it.`, {
      cause: error,
    });
  }
  const parsed = credentialsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(
      `Device credentials file ${filePath} is invalid (${issues.join('; ')}); expected { "<deviceId>": "<secret>" }.`,
    );
  }
  return parsed.data;
}

/**
 * Returns the secrets of `deviceIds`, creating one for each device that has none yet. Existing secrets
 * are never changed (devices in the field keep working across restarts), and entries for devices not
 * requested this time are kept in the file, so a device that comes back keeps its secret. A corrupt
 * file is an error naming the file, never overwritten: that would lock every device out.
 */
export async function loadOrCreateDeviceCredentials(
  filePath: string,
  deviceIds: readonly string[],
): Promise<DeviceCredentials> {
  for (const deviceId of deviceIds) {
    if (!idSchema.safeParse(deviceId).success) throw new Error(`Invalid deviceId "${deviceId}"`);
  }
  const existing = await readCredentialsFile(filePath);
  const stored: DeviceCredentials = { ...existing };
  const missing = deviceIds.filter((id) => !Object.hasOwn(stored, id));
  for (const deviceId of missing) stored[deviceId] = generateSecret();
  if (existing === undefined || missing.length > 0) {
    await writeSecretFileAtomic(filePath, `${JSON.stringify(stored, null, 2)}\n`);
  } else {
    await restrictFileMode(filePath);
  }
  const result: DeviceCredentials = {};
  for (const deviceId of deviceIds) result[deviceId] = stored[deviceId] as string;
  return result;
}

const digest = (value: string | Uint8Array) => createHash('sha256').update(value).digest();

/**
 * Constant-time comparison of a presented secret with the expected one. Hashing first gives both sides
 * the same length, which `timingSafeEqual` requires, without leaking the expected length.
 */
export function secretsMatch(expected: string, presented: string | Uint8Array | undefined): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}
