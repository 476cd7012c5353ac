import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Owner read/write only: these files hold credentials. */
export const SECRET_FILE_MODE = 0o600;

/** 256 random bits, base64url (43 characters): far above the 128-bit floor and safe in JSON and env vars. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A secret must be one printable token of at least 22 characters (128 bits as base64url). */
export const SECRET_PATTERN = /^[\x21-\x7e]{22,512}$/;

/**
 * Writes `contents` to `filePath` atomically: a crash leaves either the old file or the new one, never a
 * truncated mix, because a rename within one directory is atomic on POSIX file systems.
 */
export async function writeSecretFileAtomic(filePath: string, contents: string): Promise<void> {
  await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
  const tmpPath = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // `mode` applies at creation, so the secret is never readable by others, not even briefly.
    await writeFile(tmpPath, contents, { mode: SECRET_FILE_MODE, flag: 'wx' });
    await rename(tmpPath, filePath);
  } catch (error) {
    await rm(tmpPath, { force: true });
    throw error;
  }
}

/** Reads a file, returning undefined only when it does not exist (other I/O errors propagate). */
export async function readIfExists(filePath: string): Promise<string | undefined> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Tightens a pre-existing file (e.g. copied in by hand) to 0600 instead of leaving it world-readable. */
export async function restrictFileMode(filePath: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(filePath);
  if ((mode & 0o077) !== 0) await chmod(filePath, SECRET_FILE_MODE);
}

/**
 * Returns the secret stored in `filePath` (e.g. the local JWT signing key), creating it on first use so
 * the value survives restarts. A file that exists but does not hold a valid secret is an error, never
 * silently replaced: replacing it would invalidate every token already issued.
 */
export async function loadOrCreateSecret(filePath: string): Promise<string> {
  const existing = await readIfExists(filePath);
  if (existing !== undefined) {
    const secret = existing.trim();
    if (!SECRET_PATTERN.test(secret)) {
      throw new Error(
        `Secret file ${filePath} is corrupt: expected one token of 22–512 printable characters. ` +
          'Fix or delete the file (deleting it generates a new secret).',
      );
    }
    await restrictFileMode(filePath);
    return secret;
  }
  const secret = generateSecret();
  await writeSecretFileAtomic(filePath, `${secret}\n`);
  return secret;
}
