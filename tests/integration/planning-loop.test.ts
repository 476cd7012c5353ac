import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { telemetryTopic, zonedDate } from '@village/domain';
import { generateDemoVillage } from '@village/simulation';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalVillage, startLocalVillage } from '../../scripts/local-village.ts';

/**
 * The planning loop end to end over TCP: bins report over MQTT (real client → aedes → ingest →
 * dynalite), an operator asks for today's plan over HTTP, a crew reports a stop collected, and the
 * next plan of the day no longer sends a truck to that bin.
 */
const dataset = generateDemoVillage({ seed: 7, households: 40, bins: 14, vehicles: 2 });
const V = dataset.village.id;
const HOUR = 3_600_000;
let dataDir: string;
let village: LocalVillage;

async function call(method: string, pathname: string, token: string, body?: unknown) {
  const res = await fetch(`${village.apiUrl}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface Stop {
  kind: string;
  siteId: string;
  status: string;
}
interface Route {
  vehicleId: string;
  stops: Stop[];
}
const binStops = (routes: Route[]) => routes.flatMap((r) => r.stops.filter((s) => s.kind === 'bin'));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'village-plan-'));
  village = await startLocalVillage({
    dataDir,
    dataset,
    httpPort: 0,
    mqttPort: 0,
    inMemory: true,
    quiet: true,
  });
  // Two days of hourly readings per bin: half the bins fill fast (due today), half slowly.
  const now = Date.now();
  await Promise.all(
    dataset.bins.map(async (bin, i) => {
      const client = await mqtt.connectAsync(village.mqttUrl, {
        clientId: bin.id,
        username: bin.id,
        password: village.credentials[bin.id] ?? '',
        reconnectPeriod: 0,
      });
      const topic = telemetryTopic({ villageId: V, deviceKind: 'bin', deviceId: bin.id });
      const ratePerHour = i % 2 === 0 ? 1.8 : 0.3;
      for (let h = 48; h >= 1; h--) {
        const fillPercent = Math.min(100, 5 + ratePerHour * (48 - h));
        const ts = new Date(now - h * HOUR).toISOString();
        await client.publishAsync(topic, JSON.stringify({ messageId: `${bin.id}-${h}`, ts, fillPercent }), {
          qos: 1,
        });
      }
      await client.endAsync();
    }),
  );
}, 120_000);

afterAll(async () => {
  await village?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('planning loop end to end', () => {
  it('plans from telemetry, takes a crew report, and re-plans without the collected bin', async () => {
    const date = zonedDate(Date.now());
    const first = await call('POST', '/api/plans/waste', village.tokens.operator, { date });
    expect(first.status).toBe(201);
    const routes = first.body.routes as Route[];
    const planned = binStops(routes);
    // The fast bins (~90 % now) must go today; slow ones (~20 %) only if a truck passes close by.
    expect(planned.length).toBeGreaterThan(0);
    const plannedIds = new Set(planned.map((s) => s.siteId));
    const fast = dataset.bins.filter((_, i) => i % 2 === 0).map((b) => b.id);
    for (const binId of fast) expect(plannedIds.has(binId), `${binId} must be collected`).toBe(true);
    expect(planned.length).toBeLessThan(dataset.bins.length);

    const route = routes.find((r) => binStops([r]).length > 0);
    const stop = route ? binStops([route]).find((s) => fast.includes(s.siteId)) : undefined;
    if (!route || !stop) throw new Error('no bin stop planned');
    const crewRoute = await call(
      'GET',
      `/api/plans/waste/${date}/vehicles/${route.vehicleId}`,
      village.tokens.crew,
    );
    expect(crewRoute.status).toBe(200);

    const report = {
      reportId: 'r-1',
      vehicleId: route.vehicleId,
      binId: stop.siteId,
      status: 'collected',
      reportedAt: new Date().toISOString(),
    };
    expect((await call('POST', `/api/plans/waste/${date}/stops`, village.tokens.crew, report)).status).toBe(
      201,
    );
    // At-least-once from phones: the same report again is accepted, not doubled.
    const again = await call('POST', `/api/plans/waste/${date}/stops`, village.tokens.crew, report);
    expect(again.status).toBe(200);

    const next = await call('POST', '/api/plans/waste', village.tokens.operator, { date, replan: {} });
    expect(next.status).toBe(201);
    const replanned = binStops(next.body.routes as Route[]);
    expect(replanned.some((s) => s.siteId === stop.siteId && s.status !== 'collected')).toBe(false);
    expect(replanned.length).toBeGreaterThan(0);
  }, 120_000);

  it('runs the scheduled plan handler, and the API serves its plan as the latest', async () => {
    const run = await village.runPlan('waste');
    const latest = await call('GET', '/api/plans/waste/latest', village.tokens.crew);
    expect(latest.status).toBe(200);
    expect(latest.body.planId).toBe(run.plan.planId);
  }, 120_000);
});
