import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { telemetryTopic } from '@village/domain';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalVillage, startLocalVillage } from '../../scripts/local-village.ts';
import { tinyVillage } from '../support/tiny-village.ts';

/**
 * The acceptance path of the local village, end to end over TCP: MQTT (real mqtt client → aedes) →
 * ingest handler → dynalite → HTTP API (real fetch → node-server), with the demo tokens.
 */
const dataset = tinyVillage('bach-dang');
const V = dataset.village.id;
let dataDir: string;
let village: LocalVillage;

const connect = (deviceId: string, password: string) =>
  mqtt.connectAsync(village.mqttUrl, {
    clientId: deviceId,
    username: deviceId,
    password,
    reconnectPeriod: 0,
  });

async function api(pathname: string, token: string) {
  const res = await fetch(`${village.apiUrl}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const isoMinutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'village-it-'));
  village = await startLocalVillage({ dataDir, dataset, httpPort: 0, mqttPort: 0, quiet: true });
});
afterAll(async () => {
  await village?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('local village end to end', () => {
  it('serves /health without a token', async () => {
    const res = await fetch(`${village.apiUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('writes credentials and demo tokens to DATA_DIR', async () => {
    const credentials = JSON.parse(await readFile(path.join(dataDir, 'device-credentials.json'), 'utf8'));
    expect(Object.keys(credentials).sort()).toEqual(['BIN-1', 'BIN-2', 'MTR-1', 'MTR-2', 'MTR-TR']);
    const tokens = JSON.parse(await readFile(path.join(dataDir, 'demo-tokens.json'), 'utf8'));
    expect(Object.keys(tokens).sort()).toEqual(['crew', 'household', 'operator']);
    expect((await api('/api/me', tokens.household)).body).toMatchObject({
      role: 'household',
      householdId: 'HH-1',
    });
  });

  it('shows a published reading in GET /api/bins/{binId} within 2 s', async () => {
    const client = await connect('BIN-1', village.credentials['BIN-1'] ?? '');
    const ts = isoMinutesAgo(1);
    const topic = telemetryTopic({ villageId: V, deviceKind: 'bin', deviceId: 'BIN-1' });
    const sentAt = Date.now();
    await client.publishAsync(topic, JSON.stringify({ messageId: 'it-1', ts, fillPercent: 77 }), { qos: 1 });
    const latest = await until(async () => {
      const { body } = await api('/api/bins/BIN-1', village.tokens.crew);
      const l = body.latest as { fillPercent: number } | null;
      return l?.fillPercent === 77 ? l : undefined;
    }, 2_000);
    expect(Date.now() - sentAt).toBeLessThan(2_000);
    expect(latest.fillPercent).toBe(77);
    await client.endAsync();
  });

  it('stores a redelivered message once and keeps late readings in time order', async () => {
    const client = await connect('BIN-2', village.credentials['BIN-2'] ?? '');
    const topic = telemetryTopic({ villageId: V, deviceKind: 'bin', deviceId: 'BIN-2' });
    const send = (messageId: string, minutesAgo: number, fillPercent: number) =>
      client.publishAsync(topic, JSON.stringify({ messageId, ts: isoMinutesAgo(minutesAgo), fillPercent }), {
        qos: 1,
      });
    await send('late-b', 10, 20);
    await send('late-b', 10, 20); // redelivery
    await send('late-a', 30, 10); // older, arrives later
    await client.endAsync();
    const { body } = await api('/api/bins/BIN-2', village.tokens.operator);
    const history = (body.history as { readings: { fillPercent: number }[] }).readings;
    expect(history.map((r) => r.fillPercent)).toEqual([10, 20]);
    expect((body.latest as { fillPercent: number }).fillPercent).toBe(20);
  });

  it('refuses wrong credentials and publishing to another device topic', async () => {
    await expect(connect('BIN-1', 'wrong-secret')).rejects.toThrow();
    const client = await connect('BIN-2', village.credentials['BIN-2'] ?? '');
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const otherTopic = telemetryTopic({ villageId: V, deviceKind: 'bin', deviceId: 'BIN-1' });
    client.publish(otherTopic, JSON.stringify({ messageId: 'spoof', ts: isoMinutesAgo(0), fillPercent: 1 }), {
      qos: 1,
    });
    await closed;
    client.end(true);
    const { body } = await api('/api/bins/BIN-1', village.tokens.operator);
    expect((body.latest as { fillPercent: number }).fillPercent).not.toBe(1);
  });

  it('records a malformed payload with its reason for operators', async () => {
    const client = await connect('MTR-1', village.credentials['MTR-1'] ?? '');
    const topic = telemetryTopic({ villageId: V, deviceKind: 'meter', deviceId: 'MTR-1' });
    await client.publishAsync(topic, '{"messageId":"m-bad","ts":"not a time","kwhTotal":-1}', { qos: 1 });
    await client.endAsync();
    const { status, body } = await api('/api/rejections', village.tokens.operator);
    expect(status).toBe(200);
    const list = body.rejections as { payload: string; reason: string }[];
    const record = list.find((r) => r.payload.includes('m-bad'));
    expect(record?.reason).toBe('payload failed validation');
  });

  it("forbids a household from reading another household's usage", async () => {
    const from = encodeURIComponent(isoMinutesAgo(120));
    const to = encodeURIComponent(isoMinutesAgo(0));
    const own = await api(
      `/api/households/HH-1/usage?from=${from}&to=${to}&interval=hour`,
      village.tokens.household,
    );
    expect(own.status).toBe(200);
    const other = await api(
      `/api/households/HH-2/usage?from=${from}&to=${to}&interval=hour`,
      village.tokens.household,
    );
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('restart', () => {
  it('keeps stored readings, credentials and tokens valid across a restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'village-restart-'));
    try {
      const first = await startLocalVillage({ dataDir: dir, dataset, httpPort: 0, mqttPort: 0, quiet: true });
      const secret = first.credentials['BIN-1'] ?? '';
      const client = await mqtt.connectAsync(first.mqttUrl, {
        clientId: 'BIN-1',
        username: 'BIN-1',
        password: secret,
      });
      const topic = telemetryTopic({ villageId: V, deviceKind: 'bin', deviceId: 'BIN-1' });
      await client.publishAsync(
        topic,
        JSON.stringify({ messageId: 'r-1', ts: isoMinutesAgo(2), fillPercent: 55 }),
        {
          qos: 1,
        },
      );
      await client.endAsync();
      await first.stop();

      const second = await startLocalVillage({
        dataDir: dir,
        dataset,
        httpPort: 0,
        mqttPort: 0,
        quiet: true,
      });
      try {
        expect(second.credentials['BIN-1']).toBe(secret);
        const res = await fetch(`${second.apiUrl}/api/bins/BIN-1`, {
          headers: { authorization: `Bearer ${first.tokens.operator}` },
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { latest: { fillPercent: number } };
        expect(body.latest.fillPercent).toBe(55);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
