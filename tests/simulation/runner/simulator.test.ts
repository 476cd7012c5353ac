import { createServer, type Server } from 'node:net';
import {
  binTelemetrySchema,
  meterTelemetrySchema,
  parseTelemetryTopic,
  type VillageDataset,
} from '@village/domain';
import {
  type DeviceAuth,
  generateDemoVillage,
  listDevices,
  type PublishClient,
  runSimulator,
  type SimulatorProgress,
} from '@village/simulation';
import { Aedes } from 'aedes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const START = Date.parse('2026-03-11T05:00:00+07:00');
/** Six simulated hours per real second: a meter round every ~40 ms, a bin round every ~170 ms. */
const SPEED = 6 * 3600;
const village: VillageDataset = generateDemoVillage({ seed: 11, households: 12, bins: 8 });
const devices = listDevices(village);
const credentials = Object.fromEntries(devices.map((d) => [d.deviceId, `secret-${d.deviceId}`]));

interface Published {
  auth: DeviceAuth;
  topic: string;
  payload: string;
  qos: number;
}

function recordingFactory() {
  const published: Published[] = [];
  const state = { open: 0, maxOpen: 0 };
  const createClient = async (_url: string, auth: DeviceAuth): Promise<PublishClient> => {
    state.open += 1;
    state.maxOpen = Math.max(state.maxOpen, state.open);
    let connected = true;
    return {
      publish: async (topic, payload, options) => {
        published.push({ auth, topic, payload, qos: options.qos });
      },
      isConnected: () => connected,
      close: async () => {
        connected = false;
        state.open -= 1;
      },
    };
  };
  return { published, state, createClient };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runSimulator with an injected client', () => {
  it('publishes valid telemetry as each device, to its own topic, within the connection bound', async () => {
    const { published, state, createClient } = recordingFactory();
    const [withoutSecret] = devices;
    if (!withoutSecret) throw new Error('fixture has devices');
    const partialCredentials = { ...credentials };
    delete partialCredentials[withoutSecret.deviceId];
    const progress: SimulatorProgress[] = [];
    const handle = runSimulator({
      dataset: village,
      brokerUrl: 'mqtt://fake',
      credentials: partialCredentials,
      startMs: START,
      speed: SPEED,
      maxConnections: 5,
      createClient,
      onProgress: (p) => progress.push(p),
    });
    await sleep(250);
    await handle.stop();

    expect(state.open).toBe(0);
    expect(state.maxOpen).toBeLessThanOrEqual(5);
    const counters = handle.counters();
    expect(counters.published).toBe(published.length);
    expect(counters.failed).toBe(0);
    expect(counters.skipped).toBeGreaterThan(0);
    expect(published.some((p) => p.auth.clientId === withoutSecret.deviceId)).toBe(false);

    const kinds = new Set(progress.map((p) => p.deviceKind));
    expect(kinds).toEqual(new Set(['bin', 'meter']));
    const messageIds = new Set<string>();
    for (const message of published) {
      expect(message.qos).toBe(1);
      expect(message.auth.username).toBe(message.auth.clientId);
      expect(message.auth.password).toBe(credentials[message.auth.clientId]);
      const topic = parseTelemetryTopic(message.topic);
      if (!topic.ok) throw new Error(topic.reason);
      expect(topic.value).toMatchObject({ villageId: 'bach-dang', deviceId: message.auth.clientId });
      const body: unknown = JSON.parse(message.payload);
      const parsed =
        topic.value.deviceKind === 'bin' ? binTelemetrySchema.parse(body) : meterTelemetrySchema.parse(body);
      expect(parsed.ts).toMatch(/\+07:00$/);
      expect(Date.parse(parsed.ts)).toBeGreaterThanOrEqual(START);
      messageIds.add(`${message.auth.clientId}/${parsed.messageId}`);
    }
    expect(messageIds.size).toBe(published.length);
    // Meters report four times as often as bins.
    const meterMessages = published.filter((p) => p.topic.includes('/meters/')).length;
    const binMessages = published.length - meterMessages;
    expect(meterMessages / village.meters.length).toBeGreaterThan(binMessages / village.bins.length);
  });

  it('counts refused connections as failures and keeps going', async () => {
    const createClient = async (_url: string, auth: DeviceAuth): Promise<PublishClient> => {
      if (auth.clientId.startsWith('BIN-')) throw new Error('Connection refused: Not authorized');
      return { publish: async () => {}, isConnected: () => true, close: async () => {} };
    };
    const handle = runSimulator({
      dataset: village,
      brokerUrl: 'mqtt://fake',
      credentials,
      startMs: START,
      speed: SPEED,
      createClient,
    });
    await sleep(100);
    await handle.stop();
    const counters = handle.counters();
    expect(counters.failed).toBeGreaterThan(0);
    expect(counters.published).toBeGreaterThan(0);
  });
});

describe('runSimulator against a real MQTT broker', () => {
  let broker: Aedes;
  let server: Server;
  let url: string;
  const received: Array<{ clientId: string; topic: string }> = [];

  beforeAll(async () => {
    broker = await Aedes.createBroker({
      // Like the real broker: a device is its username and clientId, and may only publish to its own topic.
      authenticate: (client, username, password, done) => {
        const ok = username === client.id && password?.toString() === credentials[client.id];
        done(null, ok);
      },
      authorizePublish: (client, packet, done) => {
        const topic = parseTelemetryTopic(packet.topic);
        done(topic.ok && client && topic.value.deviceId === client.id ? null : new Error('not your topic'));
      },
    });
    broker.on('publish', (packet, client) => {
      if (client) received.push({ clientId: client.id, topic: packet.topic });
    });
    server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `mqtt://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers every first-round message with QoS 1 and disconnects cleanly', async () => {
    const rounds: SimulatorProgress[] = [];
    const handle = runSimulator({
      dataset: village,
      brokerUrl: url,
      credentials,
      startMs: START,
      // Slow enough that only the first round (every device at START) happens in the test window.
      speed: 1,
      maxConnections: 4,
      onProgress: (p) => rounds.push(p),
    });
    const deadline = Date.now() + 3_000;
    while (rounds.length < 2 && Date.now() < deadline) await sleep(10);
    await handle.stop();
    expect(rounds.map((r) => r.deviceKind)).toEqual(['meter', 'bin']);
    const counters = handle.counters();
    expect(counters.failed).toBe(0);
    // Meters never miss a report by default; a bin may (sensor glitch), so bins are "at most all".
    expect(counters.published).toBeGreaterThan(village.meters.length);
    expect(counters.published).toBeLessThanOrEqual(devices.length);
    expect(received).toHaveLength(counters.published);
    const senders = new Set(received.map((r) => r.clientId));
    for (const meter of village.meters) expect(senders).toContain(meter.id);
    expect(broker.connectedClients).toBe(0);
  });
});
