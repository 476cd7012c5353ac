import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { signDemoToken } from '@village/api';
import type { VillageDataset } from '@village/domain';
import {
  loadOrCreateDeviceCredentials,
  loadOrCreateSecret,
  type MqttBroker,
  startDynamoDbLocal,
  startMqttBroker,
} from '@village/local';
import { createDynamoDbClient, createStore, ensureTable } from '@village/store';
import { createApiApp } from '../functions/api/handler.ts';
import { createIngestHandler } from '../functions/ingest-telemetry/handler.ts';
import { createPlanEnergyHandler } from '../functions/plan-energy/handler.ts';
import { createPlanWasteHandler, type PlanRunResult } from '../functions/plan-waste/handler.ts';
import { createStorePlanner } from '../functions/shared/planner.ts';
import type { RuntimeConfig } from '../functions/shared/runtime-config.ts';
import { startPlanScheduler } from './local/plan-scheduler.ts';

/**
 * Composes the local village from the same handlers that run in AWS: dynalite stands in for
 * DynamoDB, aedes for IoT Core, @hono/node-server for API Gateway. Used by `npm start`, the
 * integration tests and the benchmarks, so all three exercise one wiring.
 */
export interface LocalVillageOptions {
  dataDir: string;
  dataset: VillageDataset;
  /** 0 = ephemeral (tests); `npm start` passes PORT / MQTT_PORT. */
  httpPort: number;
  mqttPort: number;
  /** In-memory database (tests, benchmarks) instead of persisting under dataDir. */
  inMemory?: boolean;
  tableName?: string;
  quiet?: boolean;
  /** Run the daily plans at the operator's times (`npm start`); tests call `runPlan` instead. */
  schedulePlans?: boolean;
}

export interface DemoTokens {
  operator: string;
  crew: string;
  household: string;
}

export interface LocalVillage {
  apiUrl: string;
  mqttUrl: string;
  dynamoDbEndpoint: string;
  credentials: Record<string, string>;
  tokens: DemoTokens;
  broker: MqttBroker;
  /** Runs a plan now through the scheduled handler (what EventBridge Scheduler invokes in AWS). */
  runPlan(kind: 'waste' | 'energy', event?: { date?: string }): Promise<PlanRunResult>;
  stop(): Promise<void>;
}

const DEMO_TOKEN_TTL_SECONDS = 30 * 86_400;

export async function startLocalVillage(options: LocalVillageOptions): Promise<LocalVillage> {
  const { dataDir, dataset } = options;
  const villageId = dataset.village.id;
  await mkdir(dataDir, { recursive: true });

  const db = await startDynamoDbLocal(options.inMemory ? {} : { dataDir: path.join(dataDir, 'dynamodb') });
  const config: RuntimeConfig = {
    TABLE_NAME: options.tableName ?? 'village',
    DYNAMODB_ENDPOINT: db.endpoint,
    VILLAGE_ID: villageId,
    JWT_SECRET: await loadOrCreateSecret(path.join(dataDir, 'jwt-secret')),
  };

  // Seed the registry on first start only: later starts keep whatever the store holds.
  const client = createDynamoDbClient({ endpoint: db.endpoint });
  await ensureTable(client, config.TABLE_NAME);
  const store = createStore({ client, tableName: config.TABLE_NAME });
  if (!(await store.registry.getVillage(villageId))) await store.registry.putDataset(dataset);

  const devices = [
    ...dataset.bins.map((b) => [b.id, { villageId, deviceKind: 'bin' as const, deviceId: b.id }] as const),
    ...dataset.meters.map(
      (m) => [m.id, { villageId, deviceKind: 'meter' as const, deviceId: m.id }] as const,
    ),
  ];
  const credentials = await loadOrCreateDeviceCredentials(
    path.join(dataDir, 'device-credentials.json'),
    devices.map(([id]) => id),
  );

  const ingest = createIngestHandler(config);
  const quietLogger = {
    info: () => {},
    warn: () => {},
    error: (m: string, c?: unknown) => console.error(m, c),
  };
  const broker = await startMqttBroker({
    port: options.mqttPort,
    credentials,
    deviceKinds: Object.fromEntries(devices),
    onTelemetry: async (records) => {
      await ingest({ records });
    },
    ...(options.quiet ? { logger: quietLogger } : {}),
  });

  const app = createApiApp(config, { planner: (apiStore) => createStorePlanner(apiStore) });
  // The same handlers EventBridge Scheduler invokes in AWS, at the operator's times (village time).
  const planWaste = createPlanWasteHandler(config, { store });
  const planEnergy = createPlanEnergyHandler(config, { store });
  const settingsTime = async (key: 'wastePlanTime' | 'energyPlanTime') =>
    (await store.settings.getSettings(villageId)).settings[key];
  const scheduler = options.schedulePlans
    ? startPlanScheduler([
        { name: 'plan-waste', at: () => settingsTime('wastePlanTime'), run: () => planWaste({}) },
        { name: 'plan-energy', at: () => settingsTime('energyPlanTime'), run: () => planEnergy({}) },
      ])
    : undefined;
  const server = serve({ fetch: app.fetch, port: options.httpPort, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const firstHousehold = dataset.households[0];
  if (!firstHousehold) throw new Error('the dataset has no households');
  const sign = (principal: Parameters<typeof signDemoToken>[1]) =>
    signDemoToken(config.JWT_SECRET as string, principal, DEMO_TOKEN_TTL_SECONDS);
  const tokens: DemoTokens = {
    operator: await sign({ subject: 'demo-operator', role: 'operator' }),
    crew: await sign({ subject: 'demo-crew', role: 'crew' }),
    household: await sign({ subject: 'demo-household', role: 'household', householdId: firstHousehold.id }),
  };
  await writeFile(path.join(dataDir, 'demo-tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`, {
    mode: 0o600,
  });

  return {
    apiUrl,
    mqttUrl: broker.url,
    dynamoDbEndpoint: db.endpoint,
    credentials,
    tokens,
    broker,
    runPlan: (kind, event = {}) => (kind === 'waste' ? planWaste(event) : planEnergy(event)),
    async stop() {
      scheduler?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await broker.close();
      client.destroy();
      await db.close();
    },
  };
}
