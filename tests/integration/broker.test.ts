import { type RawTelemetry, telemetryTopic } from '@village/domain';
import { type BrokerLogger, commandsTopic, type MqttBroker, startMqttBroker } from '@village/local';
import { connectAsync, type ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const VILLAGE = 'bach-dang';
const FIXED_NOW = Date.UTC(2026, 10, 29, 0, 0, 0); // 07:00 in Vietnam
const LOAD_DEVICES = Array.from({ length: 10 }, (_, i) => `bin-load-${i}`);

const secrets: Record<string, string> = {
  'bin-001': 'bin-001-secret-aaaaaaaaaaaaaaaaaaaa',
  'meter-001': 'meter-001-secret-bbbbbbbbbbbbbbbbbb',
  ...Object.fromEntries(LOAD_DEVICES.map((id) => [id, `${id}-secret-cccccccccccccccccc`])),
};
const kinds = Object.fromEntries(
  Object.keys(secrets).map((id) => [
    id,
    { villageId: VILLAGE, deviceKind: id.startsWith('meter') ? ('meter' as const) : ('bin' as const) },
  ]),
);
const binTopic = (id: string) => telemetryTopic({ villageId: VILLAGE, deviceKind: 'bin', deviceId: id });
const SERVICE_PASSWORD = 'service-password-dddddddddddddddd';

const silent: BrokerLogger = { info: () => {}, warn: () => {}, error: () => {} };
const defaultSink = async (batch: RawTelemetry[]) => {
  batches.push(batch);
};
let batches: RawTelemetry[][] = [];
let sink = defaultSink;
let broker: MqttBroker;
const clients: MqttClient[] = [];

const received = () => batches.flat();

async function connect(username: string, password: string, extra: IClientOptions = {}) {
  const client = await connectAsync(broker.url, {
    clientId: username,
    username,
    password,
    protocolVersion: 4,
    reconnectPeriod: 0,
    ...extra,
  });
  clients.push(client);
  return client;
}

async function connackError(options: IClientOptions): Promise<number | undefined> {
  try {
    const client = await connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0, ...options });
    clients.push(client);
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  broker = await startMqttBroker({
    port: 0,
    credentials: secrets,
    deviceKinds: kinds,
    servicePassword: SERVICE_PASSWORD,
    onTelemetry: (batch) => sink(batch),
    batch: { maxMessages: 200, maxDelayMs: 50 },
    logger: silent,
    clock: { nowMs: () => FIXED_NOW },
  });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  batches = [];
  sink = defaultSink;
});

afterAll(async () => {
  await broker.close();
});

describe('MQTT broker: authentication', () => {
  it('accepts a device whose username, clientId and password match', async () => {
    const client = await connect('bin-001', secrets['bin-001']!);
    expect(client.connected).toBe(true);
  });

  it('refuses a wrong password with CONNACK 4', async () => {
    const code = await connackError({ clientId: 'bin-001', username: 'bin-001', password: 'wrong-password' });
    expect(code).toBe(4);
  });

  it('refuses an unknown device with CONNACK 4 (same answer as a wrong password)', async () => {
    const code = await connackError({ clientId: 'bin-999', username: 'bin-999', password: 'whatever' });
    expect(code).toBe(4);
  });

  it('refuses a clientId that differs from the username with CONNACK 5', async () => {
    const code = await connackError({
      clientId: 'meter-001',
      username: 'bin-001',
      password: secrets['bin-001']!,
    });
    expect(code).toBe(5);
  });

  it('refuses a missing password', async () => {
    expect(await connackError({ clientId: 'bin-001', username: 'bin-001' })).toBe(4);
  });
});

describe('MQTT broker: publishing', () => {
  it('delivers the exact topic and payload of a device publishing to its own topic', async () => {
    const client = await connect('bin-001', secrets['bin-001']!);
    const payload = JSON.stringify({ messageId: 'm-1', ts: '2026-11-29T07:00:00+07:00', fillPercent: 42 });
    await client.publishAsync(binTopic('bin-001'), `${payload} Bạch Đằng`, { qos: 1 });
    expect(received()).toEqual([
      {
        topic: binTopic('bin-001'),
        payload: `${payload} Bạch Đằng`,
        receivedAt: '2026-11-29T07:00:00+07:00',
      },
    ]);
  });

  it('sends the QoS 1 PUBACK only after onTelemetry stored the batch', async () => {
    let stored = 0;
    sink = async (batch) => {
      await sleep(150);
      stored += batch.length;
    };
    const client = await connect('bin-001', secrets['bin-001']!);
    await client.publishAsync(binTopic('bin-001'), 'x', { qos: 1 });
    expect(stored).toBe(1);
  });

  it.each([
    ['another device', binTopic('bin-load-0')],
    [
      'its own id under the wrong kind',
      telemetryTopic({ villageId: VILLAGE, deviceKind: 'meter', deviceId: 'bin-001' }),
    ],
    ['another village', telemetryTopic({ villageId: 'other', deviceKind: 'bin', deviceId: 'bin-001' })],
    ['a non-telemetry topic', `village/${VILLAGE}/bins/bin-001/commands`],
  ])('closes the connection of a device publishing to %s and ingests nothing', async (_case, topic) => {
    const client = await connect('bin-001', secrets['bin-001']!);
    const closed = new Promise<'closed'>((resolve) => client.once('close', () => resolve('closed')));
    const refusedBefore = broker.stats.publishesRefused;
    const acked = client.publishAsync(topic, 'forged', { qos: 1 }).then(
      () => 'acked' as const,
      () => 'failed' as const,
    );
    // aedes answers a refused publish by destroying the socket: no PUBACK ever arrives.
    expect(await Promise.race([closed, acked])).toBe('closed');
    expect(await Promise.race([acked, sleep(200).then(() => 'no puback')])).not.toBe('acked');
    await sleep(100); // longer than maxDelayMs: any wrongly queued message would have been flushed
    expect(received()).toEqual([]);
    expect(broker.stats.publishesRefused).toBe(refusedBefore + 1);
  });
});

describe('MQTT broker: subscriptions', () => {
  it("grants a device its own commands topic and refuses other devices' topics with SUBACK 128", async () => {
    const client = await connect('bin-001', secrets['bin-001']!);
    const own = await client.subscribeAsync(commandsTopic(VILLAGE, 'bin', 'bin-001'), { qos: 1 });
    expect(own.map((g) => g.qos)).toEqual([1]);
    // mqtt.js rejects when any grant is a failure; the SUBACK rides along on the error.
    const refused = await client
      .subscribeAsync([commandsTopic(VILLAGE, 'bin', 'bin-load-0'), '#', binTopic('bin-load-0')], { qos: 1 })
      .then(
        () => undefined,
        (error: ErrorWithSubackPacket) => error.packet.granted,
      );
    expect(refused).toEqual([128, 128, 128]);
    expect(client.connected).toBe(true);
  });

  it('lets the service principal watch device telemetry', async () => {
    const service = await connect('service', SERVICE_PASSWORD, { clientId: 'tooling-1' });
    await service.subscribeAsync(`village/${VILLAGE}/bins/+/telemetry`, { qos: 1 });
    const seen = new Promise<string>((resolve) => service.once('message', (topic) => resolve(topic)));
    const device = await connect('bin-001', secrets['bin-001']!);
    await device.publishAsync(binTopic('bin-001'), 'hello', { qos: 1 });
    expect(await seen).toBe(binTopic('bin-001'));
  });
});

describe('MQTT broker: batching and failures', () => {
  it('groups 500 messages from 10 parallel clients into far fewer batches without losing any', async () => {
    const devices = await Promise.all(LOAD_DEVICES.map((id) => connect(id, secrets[id]!)));
    await Promise.all(
      devices.flatMap((client, d) =>
        Array.from({ length: 50 }, (_, i) =>
          client.publishAsync(binTopic(LOAD_DEVICES[d]!), `${LOAD_DEVICES[d]}:${i}`, { qos: 1 }),
        ),
      ),
    );
    const payloads = received().map((m) => m.payload);
    expect(payloads).toHaveLength(500);
    expect(new Set(payloads).size).toBe(500);
    expect(batches.length).toBeLessThanOrEqual(50);
    expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(10);
  });

  it('survives an onTelemetry that throws; the unacknowledged QoS 1 message is re-sent and stored', async () => {
    let calls = 0;
    sink = async (batch) => {
      calls += 1;
      if (calls === 1) throw new Error('DynamoDB unavailable');
      batches.push(batch);
    };
    const failedBefore = broker.stats.batchesFailed;
    const client = await connect('bin-001', secrets['bin-001']!, { reconnectPeriod: 50, clean: true });
    await client.publishAsync(binTopic('bin-001'), 'retry-me', { qos: 1 });
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(received().map((m) => m.payload)).toContain('retry-me');
    expect(broker.stats.batchesFailed).toBe(failedBefore + 1);
    // The broker still serves new connections.
    const other = await connect('meter-001', secrets['meter-001']!);
    const meterTopic = telemetryTopic({ villageId: VILLAGE, deviceKind: 'meter', deviceId: 'meter-001' });
    await other.publishAsync(meterTopic, 'still-alive', { qos: 1 });
    expect(received().map((m) => m.payload)).toContain('still-alive');
  });
});
