import { type App, type AppDeps, createApp, createHs256Authenticator, signDemoToken } from '@village/api';
import type { Clock } from '@village/domain';
import type { RejectedMessage, Store, ValidReading } from '@village/store';
import { startLocalStore } from '../../support/local-store.ts';
import { fixture, VILLAGE_ID } from './fixture.ts';

/** "Now" for every API test: noon village time. */
export const NOW_MS = Date.parse('2026-11-29T12:00:00+07:00');
export const fixedClock: Clock = { nowMs: () => NOW_MS };
export const SECRET = 'api-test-secret-0123456789abcdef-xyz';

const HOUR_MS = 3_600_000;

export function binReading(binId: string, measuredAtMs: number, fillPercent: number): ValidReading {
  return {
    deviceKind: 'bin',
    villageId: VILLAGE_ID,
    deviceId: binId,
    receivedAt: new Date(measuredAtMs).toISOString(),
    measuredAtMs,
    // Devices report in UTC: the API must re-render it as +07:00.
    message: { messageId: `${binId}-${measuredAtMs}`, ts: new Date(measuredAtMs).toISOString(), fillPercent },
  };
}

export function meterReading(meterId: string, ts: string, kwhTotal: number): ValidReading {
  const measuredAtMs = Date.parse(ts);
  return {
    deviceKind: 'meter',
    villageId: VILLAGE_ID,
    deviceId: meterId,
    receivedAt: ts,
    measuredAtMs,
    message: { messageId: `${meterId}-${measuredAtMs}`, ts, kwhTotal },
  };
}

/**
 * The readings every API test sees:
 * - bin-market-1: 40 % / 55 % / 70 % at now-3h, now-2h, now-1h;
 * - bin-school-1: 90 % at now-30h (outside the default 24 h history);
 * - bin-lane-1: never reported;
 * - mtr-hh-001: a register rising 100 → 121.5 kWh over 28–29 Nov, village time.
 */
export const seededReadings: ValidReading[] = [
  binReading('bin-market-1', NOW_MS - 3 * HOUR_MS, 40),
  binReading('bin-market-1', NOW_MS - 2 * HOUR_MS, 55),
  binReading('bin-market-1', NOW_MS - 1 * HOUR_MS, 70),
  binReading('bin-school-1', NOW_MS - 30 * HOUR_MS, 90),
  meterReading('mtr-hh-001', '2026-11-28T00:00:00+07:00', 100),
  meterReading('mtr-hh-001', '2026-11-28T06:00:00+07:00', 103),
  meterReading('mtr-hh-001', '2026-11-28T12:00:00+07:00', 110),
  meterReading('mtr-hh-001', '2026-11-28T18:00:00+07:00', 118),
  meterReading('mtr-hh-001', '2026-11-29T00:00:00+07:00', 120),
  meterReading('mtr-hh-001', '2026-11-29T03:00:00+07:00', 121.5),
  meterReading('mtr-hh-002', '2026-11-28T00:00:00+07:00', 50),
];

export const seededRejections: RejectedMessage[] = [
  rejection('rej-old', '2026-11-29T03:00:00Z', 'payload is not JSON'),
  rejection('rej-new', '2026-11-29T04:00:00Z', 'unknown device'),
];

function rejection(id: string, receivedAt: string, reason: string): RejectedMessage {
  return {
    id,
    villageId: VILLAGE_ID,
    deviceKind: 'bin',
    deviceId: 'bin-ghost',
    topic: `village/${VILLAGE_ID}/bins/bin-ghost/telemetry`,
    payload: '{not json',
    reason,
    issues: [{ field: 'payload', message: reason }],
    receivedAt,
  };
}

export interface LoggedError {
  message: string;
  fields: Record<string, unknown>;
}

export interface ApiHarness {
  store: Store;
  app: App;
  tokens: { operator: string; crew: string; household: string; otherHousehold: string };
  loggedErrors: LoggedError[];
  /** A second app over the same store with some dependencies replaced. */
  appWith(overrides: Partial<AppDeps>): App;
  get(path: string, token?: string): Promise<Response>;
  /** Any method, with an optional JSON body and headers, against `app` (default: the harness app). */
  send(method: string, path: string, options?: SendOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface SendOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  app?: App;
}

/** A real store on dynalite, seeded with the fixture, and the app on top of it. */
export async function startApiHarness(): Promise<ApiHarness> {
  const local = await startLocalStore('api-test');
  const { store } = local;
  await store.registry.putDataset(fixture);
  await store.readings.writeReadings(seededReadings);
  await store.rejections.recordRejections(seededRejections);

  const loggedErrors: LoggedError[] = [];
  const deps: AppDeps = {
    store,
    auth: createHs256Authenticator(SECRET, { clock: fixedClock }),
    clock: fixedClock,
    villageId: VILLAGE_ID,
    logger: { error: (message, fields) => loggedErrors.push({ message, fields }) },
  };
  const app = createApp(deps);
  const sign = (principal: Parameters<typeof signDemoToken>[1]) =>
    signDemoToken(SECRET, principal, 3600, fixedClock);
  const tokens = {
    operator: await sign({ subject: 'op-1', role: 'operator' }),
    crew: await sign({ subject: 'crew-1', role: 'crew' }),
    household: await sign({ subject: 'resident-1', role: 'household', householdId: 'hh-001' }),
    otherHousehold: await sign({ subject: 'resident-2', role: 'household', householdId: 'hh-002' }),
  };

  return {
    store,
    app,
    tokens,
    loggedErrors,
    appWith: (overrides) => createApp({ ...deps, ...overrides }),
    get: async (path, token) =>
      app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    send: async (method, path, options = {}) =>
      (options.app ?? app).request(path, {
        method,
        headers: {
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      }),
    async close() {
      await local.close();
    },
  };
}

/** Parses a JSON body as the shape a test expects (the assertions check it). */
export async function json<T = ErrorResponse>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface ErrorResponse {
  error: {
    code: string;
    message: string;
    details: Array<{ field: string; message: string }>;
    requestId: string;
  };
}
