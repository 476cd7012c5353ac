import type { App } from '@village/api';
import { DomainError } from '@village/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePlanner, FIXTURE_BINS, fakePlanner } from './support/fake-planner.ts';
import { type ApiHarness, json, startApiHarness } from './support/harness.ts';

const TODAY = '2026-11-29';
const TOMORROW = '2026-11-30';

interface StopBody {
  sequence: number;
  kind: string;
  siteId: string;
  binId: string | null;
  eta: string;
  expectedLoadLitres: number;
  status: string;
  report: { reportId: string; reason: string | null } | null;
}
interface RouteBody {
  vehicleId: string;
  expectedCollectedLitres: number;
  progress: { planned: number; collected: number; skipped: number };
  stops: StopBody[];
}
interface PlanBody {
  planId: string;
  date: string;
  createdAt: string;
  sequence: number;
  unassigned: Array<{ binId: string; code: string | null }>;
  routes: RouteBody[];
}
interface CrewRouteBody {
  planId: string;
  date: string;
  route: RouteBody;
}

let api: ApiHarness;
let planner: FakePlanner;
let app: App;
beforeAll(async () => {
  api = await startApiHarness();
  planner = fakePlanner();
  app = api.appWith({ planner });
});
afterAll(async () => {
  await api?.close();
});

const plan = (body?: unknown, token = api.tokens.operator) =>
  api.send('POST', '/api/plans/waste', { app, token, ...(body === undefined ? {} : { body }) });

describe('POST /api/plans/waste', () => {
  it('answers 503 UNAVAILABLE when the deployment has no planner', async () => {
    const response = await api.send('POST', '/api/plans/waste', { token: api.tokens.operator, body: {} });
    expect(response.status).toBe(503);
    const body = await json(response);
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(body.error.message).toContain('planner');
  });

  it('has no plan to serve before the first one', async () => {
    const response = await api.get('/api/plans/waste/latest', api.tokens.crew);
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe('NOT_FOUND');
  });

  it('plans today by default (no body at all), stores the plan and returns it in village time', async () => {
    const response = await plan();
    expect(response.status).toBe(201);
    const body = await json<PlanBody>(response);
    expect(body).toMatchObject({
      planId: 'w-1',
      date: TODAY,
      createdAt: '2026-11-29T12:00:00+07:00',
      sequence: 1,
    });
    expect(body.routes[0]?.stops.map((s) => s.siteId)).toEqual([
      'depot-1',
      ...FIXTURE_BINS,
      'landfill-1',
      'depot-1',
    ]);
    expect(body.routes[0]?.stops[1]?.eta).toBe(`${TODAY}T06:10:00+07:00`);
    expect(planner.wasteRequests.at(-1)).toEqual({
      villageId: 'test-village',
      date: TODAY,
      requestedBy: { subject: 'op-1', role: 'operator' },
    });
  });

  it('names each invalid body field', async () => {
    const response = await plan({
      date: '29/11/2026',
      replan: { keepCommittedStops: -1, unavailableVehicleIds: 'truck-1' },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.details.map((d) => d.field).sort()).toEqual([
      'body.date',
      'body.replan.keepCommittedStops',
      'body.replan.unavailableVehicleIds',
    ]);
    const past = await plan({ date: '2026-11-28' });
    expect(past.status).toBe(400);
    expect((await json(past)).error.details).toEqual([
      { field: 'body.date', message: `must be today (${TODAY}) or later` },
    ]);
  });

  it('refuses to re-plan a date without a plan (409), or with an unknown vehicle (400)', async () => {
    const none = await plan({ date: TOMORROW, replan: { unavailableVehicleIds: ['truck-1'] } });
    expect(none.status).toBe(409);
    expect((await json(none)).error.details.map((d) => d.field)).toEqual(['body.replan']);
    const unknown = await plan({ replan: { unavailableVehicleIds: ['truck-1', 'truck-9'] } });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.details.map((d) => d.field)).toEqual([
      'body.replan.unavailableVehicleIds.1',
    ]);
  });

  it('re-plans: the planner learns the base plan; the new plan is the latest, the old one stays readable', async () => {
    const response = await plan({ replan: { unavailableVehicleIds: ['truck-1'], keepCommittedStops: 1 } });
    expect(response.status).toBe(201);
    const body = await json<PlanBody>(response);
    expect(body).toMatchObject({ planId: 'w-2', sequence: 2, routes: [] });
    expect(body.unassigned.map((u) => u.code)).toEqual(['NO_VEHICLE', 'NO_VEHICLE', 'NO_VEHICLE']);
    expect(planner.wasteRequests.at(-1)?.replan).toEqual({
      basePlanId: 'w-1',
      unavailableVehicleIds: ['truck-1'],
      keepCommittedStops: 1,
    });
    expect((await json<PlanBody>(await api.get('/api/plans/waste/latest', api.tokens.crew))).planId).toBe(
      'w-2',
    );
    expect((await json<PlanBody>(await api.get(`/api/plans/waste/${TODAY}`, api.tokens.crew))).planId).toBe(
      'w-2',
    );
    const old = await api.get(`/api/plans/waste/${TODAY}?planId=w-1`, api.tokens.operator);
    expect((await json<PlanBody>(old)).routes).toHaveLength(1);
    // Back to a plan with truck-1 for the rest of the tests.
    expect((await plan()).status).toBe(201);
  });

  it('maps the planner’s INFEASIBLE to 422, and a wrong plan from it to a logged 500', async () => {
    const infeasible = api.appWith({
      planner: {
        ...planner,
        planWaste: async () => {
          throw new DomainError('INFEASIBLE', 'No vehicle can reach the disposal site before it closes');
        },
      },
    });
    const refused = await api.send('POST', '/api/plans/waste', {
      app: infeasible,
      token: api.tokens.operator,
      body: {},
    });
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.code).toBe('INFEASIBLE');

    const wrongDate = api.appWith({
      planner: fakePlanner({ wasteOverride: (p) => ({ ...p, date: TOMORROW }), idPrefix: 'wrong-' }),
    });
    const before = api.loggedErrors.length;
    const broken = await api.send('POST', '/api/plans/waste', {
      app: wrongDate,
      token: api.tokens.operator,
      body: {},
    });
    expect(broken.status).toBe(500);
    expect(api.loggedErrors.slice(before).map((e) => JSON.stringify(e.fields))).toEqual([
      expect.stringContaining('asked for test-village 2026-11-29'),
    ]);
  });

  it('is for operators only', async () => {
    expect((await plan({}, api.tokens.crew)).status).toBe(403);
    expect((await plan({}, api.tokens.household)).status).toBe(403);
  });
});

describe('GET /api/plans/waste/{date} and /vehicles/{vehicleId}', () => {
  it('validates the date and says when a date has no plan', async () => {
    const bad = await api.get('/api/plans/waste/2026-02-30', api.tokens.crew);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details.map((d) => d.field)).toEqual(['path.date']);
    const none = await api.get(`/api/plans/waste/${TOMORROW}`, api.tokens.crew);
    expect(none.status).toBe(404);
    const wrongDate = await api.get(`/api/plans/waste/${TOMORROW}?planId=w-1`, api.tokens.crew);
    expect(wrongDate.status).toBe(404);
  });

  it('gives the crew its route: ordered stops, ETA in village time, expected load, statuses', async () => {
    const response = await api.get(`/api/plans/waste/${TODAY}/vehicles/truck-1`, api.tokens.crew);
    expect(response.status).toBe(200);
    const body = await json<CrewRouteBody>(response);
    expect(body).toMatchObject({ planId: 'w-3', date: TODAY });
    expect(body.route.progress).toEqual({ planned: 3, collected: 0, skipped: 0 });
    expect(body.route.expectedCollectedLitres).toBe(300);
    expect(body.route.stops.map((s) => [s.sequence, s.binId, s.eta, s.expectedLoadLitres, s.status])).toEqual(
      [
        [0, null, `${TODAY}T06:00:00+07:00`, 0, 'planned'],
        [1, 'bin-market-1', `${TODAY}T06:10:00+07:00`, 100, 'planned'],
        [2, 'bin-school-1', `${TODAY}T06:20:00+07:00`, 200, 'planned'],
        [3, 'bin-lane-1', `${TODAY}T06:30:00+07:00`, 300, 'planned'],
        [4, null, `${TODAY}T06:40:00+07:00`, 0, 'planned'],
        [5, null, `${TODAY}T06:55:00+07:00`, 0, 'planned'],
      ],
    );
  });

  it('404 naming the vehicle when it has no route in the plan', async () => {
    const response = await api.get(`/api/plans/waste/${TODAY}/vehicles/truck-9`, api.tokens.crew);
    expect(response.status).toBe(404);
    expect((await json(response)).error.details.map((d) => d.field)).toEqual(['path.vehicleId']);
  });

  it('keeps households out', async () => {
    expect((await api.get(`/api/plans/waste/${TODAY}/vehicles/truck-1`, api.tokens.household)).status).toBe(
      403,
    );
    expect((await api.get('/api/plans/waste/latest', api.tokens.household)).status).toBe(403);
  });
});
