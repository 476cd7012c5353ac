import type { App } from '@village/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakePlanner } from './support/fake-planner.ts';
import { type ApiHarness, json, startApiHarness } from './support/harness.ts';

const TODAY = '2026-11-29';
const STOPS = `/api/plans/waste/${TODAY}/stops`;

interface ReportBody {
  duplicate: boolean;
  report: { reportId: string; status: string; reason: string | null; receivedAt: string; reportedAt: string };
  stop: { sequence: number; binId: string; status: string } | null;
}
interface RouteBody {
  route: { progress: Record<string, number>; stops: Array<{ binId: string | null; status: string }> };
}

let api: ApiHarness;
let app: App;
beforeAll(async () => {
  api = await startApiHarness();
  app = api.appWith({ planner: fakePlanner() });
  const made = await api.send('POST', '/api/plans/waste', { app, token: api.tokens.operator });
  expect(made.status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

const report = (body: Record<string, unknown>, token = api.tokens.crew, path = STOPS) =>
  api.send('POST', path, {
    token,
    body: {
      reportId: 'r-1',
      vehicleId: 'truck-1',
      binId: 'bin-market-1',
      status: 'collected',
      reportedAt: '2026-11-29T06:11:00+07:00',
      ...body,
    },
  });

const statuses = async () => {
  const body = await json<RouteBody>(
    await api.get(`/api/plans/waste/${TODAY}/vehicles/truck-1`, api.tokens.crew),
  );
  return Object.fromEntries(body.route.stops.filter((s) => s.binId).map((s) => [s.binId, s.status]));
};

describe('POST /api/plans/waste/{date}/stops', () => {
  it('stores a crew report (201) and the route shows the stop collected', async () => {
    const response = await report({});
    expect(response.status).toBe(201);
    const body = await json<ReportBody>(response);
    expect(body).toMatchObject({
      duplicate: false,
      report: { reportId: 'r-1', status: 'collected', reason: null, receivedAt: '2026-11-29T12:00:00+07:00' },
      stop: { sequence: 1, binId: 'bin-market-1', status: 'collected' },
    });
    expect(await statuses()).toEqual({
      'bin-market-1': 'collected',
      'bin-school-1': 'planned',
      'bin-lane-1': 'planned',
    });
  });

  it('is idempotent by reportId: a redelivery answers 200 with the first report', async () => {
    const again = await report({ status: 'skipped', reason: 'blocked' });
    expect(again.status).toBe(200);
    const body = await json<ReportBody>(again);
    expect(body.duplicate).toBe(true);
    expect(body.report.status).toBe('collected');
    expect(await statuses()).toMatchObject({ 'bin-market-1': 'collected' });
  });

  it('records a skip with its reason', async () => {
    const response = await report({
      reportId: 'r-2',
      binId: 'bin-school-1',
      status: 'skipped',
      reason: 'not-out',
    });
    expect(response.status).toBe(201);
    const route = await json<RouteBody>(
      await api.get(`/api/plans/waste/${TODAY}/vehicles/truck-1`, api.tokens.operator),
    );
    expect(route.route.progress).toEqual({ planned: 1, collected: 1, skipped: 1 });
  });

  it('names invalid fields', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ reportId: 'r-x', status: 'skipped' }, ['body.reason']],
      [{ reportId: 'r-x', reason: 'blocked' }, ['body.reason']],
      [{ reportId: 'r-x', status: 'skipped', reason: 'other' }, ['body.note']],
      [{ reportId: 'has space', status: 'lost' }, ['body.reportId', 'body.status']],
      [{ reportId: 'r-x', reportedAt: '06:11' }, ['body.reportedAt']],
      [{ reportId: 'r-x', reportedAt: '2026-11-29T13:00:00+07:00' }, ['body.reportedAt']],
    ];
    for (const [body, fields] of cases) {
      const response = await report(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await json(response)).error.details.map((d) => d.field).sort(), JSON.stringify(body)).toEqual(
        fields,
      );
    }
    const bad = await report({ reportId: 'r-x' }, api.tokens.crew, '/api/plans/waste/not-a-date/stops');
    expect((await json(bad)).error.details.map((d) => d.field)).toEqual(['path.date']);
  });

  it('404 naming the field for a bin not on that vehicle’s route, a vehicle without a route, a day without a plan', async () => {
    const notOnRoute = await report({ reportId: 'r-3', binId: 'bin-elsewhere' });
    expect(notOnRoute.status).toBe(404);
    expect((await json(notOnRoute)).error.details.map((d) => d.field)).toEqual(['body.binId']);
    const noRoute = await report({ reportId: 'r-4', vehicleId: 'truck-9' });
    expect(noRoute.status).toBe(404);
    expect((await json(noRoute)).error.details.map((d) => d.field)).toEqual(['body.vehicleId']);
    const noPlan = await report({ reportId: 'r-5' }, api.tokens.crew, '/api/plans/waste/2026-11-30/stops');
    expect(noPlan.status).toBe(404);
  });

  it('restarts a collected bin’s cycle for the forecaster, and the next plan of the day shows it', async () => {
    const last = await api.store.stopReports.lastCollectedAt('test-village');
    expect(Object.fromEntries(last)).toEqual({ 'bin-market-1': Date.parse('2026-11-29T06:11:00+07:00') });
    const replanned = await api.send('POST', '/api/plans/waste', {
      app,
      token: api.tokens.operator,
      body: { replan: {} },
    });
    expect(replanned.status).toBe(201);
    const stops = (await json<{ routes: RouteBody['route'][] }>(replanned)).routes[0]?.stops ?? [];
    expect(stops.filter((s) => s.binId).map((s) => s.status)).toEqual(['collected', 'skipped', 'planned']);
  });

  it('is for crews and operators, not households', async () => {
    expect((await report({ reportId: 'r-6' }, api.tokens.household)).status).toBe(403);
    expect((await report({ reportId: 'r-6' }, api.tokens.operator)).status).toBe(201);
  });
});
