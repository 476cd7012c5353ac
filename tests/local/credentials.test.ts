import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDeviceCredentials, loadOrCreateSecret, secretsMatch } from '@village/local';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'village-credentials-'));
  file = join(dir, 'nested', 'device-credentials.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('loadOrCreateDeviceCredentials', () => {
  it('creates a distinct base64url secret of at least 128 bits per device, in a 0600 file', async () => {
    const creds = await loadOrCreateDeviceCredentials(file, ['bin-1', 'meter-1']);
    expect(Object.keys(creds).sort()).toEqual(['bin-1', 'meter-1']);
    for (const secret of Object.values(creds)) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(16);
    }
    expect(creds['bin-1']).not.toBe(creds['meter-1']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(creds);
    expect(await modeOf(file)).toBe(0o600);
  });

  it('returns the same secrets after a reload', async () => {
    const first = await loadOrCreateDeviceCredentials(file, ['bin-1', 'meter-1']);
    const second = await loadOrCreateDeviceCredentials(file, ['bin-1', 'meter-1']);
    expect(second).toEqual(first);
  });

  it('adds new devices without changing existing secrets, and keeps devices not requested', async () => {
    const first = await loadOrCreateDeviceCredentials(file, ['bin-1', 'meter-1']);
    const second = await loadOrCreateDeviceCredentials(file, ['bin-1', 'bin-2']);
    expect(second['bin-1']).toBe(first['bin-1']);
    expect(second['bin-2']).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(second).not.toHaveProperty('meter-1');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored['meter-1']).toBe(first['meter-1']);
    expect(await modeOf(file)).toBe(0o600);
  });

  it('refuses a file that is not JSON, naming the file and leaving it untouched', async () => {
    await loadOrCreateDeviceCredentials(file, ['bin-1']);
    await writeFile(file, '{ "bin-1": ');
    await expect(loadOrCreateDeviceCredentials(file, ['bin-1'])).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{ "bin-1": ');
  });

  it('refuses a file whose entries are invalid, naming the offending device', async () => {
    await loadOrCreateDeviceCredentials(file, ['bin-1']);
    await writeFile(file, JSON.stringify({ 'bin-1': 'short' }));
    await expect(loadOrCreateDeviceCredentials(file, ['bin-1'])).rejects.toThrow(
      /device-credentials\.json.*bin-1/,
    );
  });

  it('rejects device ids that cannot appear in an MQTT topic', async () => {
    await expect(loadOrCreateDeviceCredentials(file, ['bin/1'])).rejects.toThrow('bin/1');
  });

  it('tightens a hand-copied world-readable file to 0600', async () => {
    const creds = await loadOrCreateDeviceCredentials(file, ['bin-1']);
    await chmod(file, 0o644);
    expect(await loadOrCreateDeviceCredentials(file, ['bin-1'])).toEqual(creds);
    expect(await modeOf(file)).toBe(0o600);
  });
});

describe('loadOrCreateSecret', () => {
  it('creates a 0600 secret once and returns it unchanged afterwards', async () => {
    const path = join(dir, 'jwt-secret');
    const secret = await loadOrCreateSecret(path);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await modeOf(path)).toBe(0o600);
    expect(await loadOrCreateSecret(path)).toBe(secret);
  });

  it('refuses a corrupt secret file instead of replacing it', async () => {
    const path = join(dir, 'jwt-secret');
    await writeFile(path, 'too short');
    await expect(loadOrCreateSecret(path)).rejects.toThrow(path);
    expect(await readFile(path, 'utf8')).toBe('too short');
  });
});

describe('secretsMatch', () => {
  it('matches only the identical secret, whatever the lengths', () => {
    expect(secretsMatch('s3cret-value', Buffer.from('s3cret-value'))).toBe(true);
    expect(secretsMatch('s3cret-value', 's3cret-valuX')).toBe(false);
    expect(secretsMatch('s3cret-value', 's3cret')).toBe(false);
    expect(secretsMatch('s3cret-value', undefined)).toBe(false);
  });
});
