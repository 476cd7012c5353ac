import type { App } from '@village/api';
import { toZonedIso } from '@village/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdIds } from '../store/support/plan-builders.ts';
import { type FakePlanner, fakePlanner } from './support/fake-planner.ts';
import { type ApiHarness, json, startApiHarness } from './support/harness.ts';

const TOMORROW = '2026-11-30';

interface SummaryBody {
  planId: string;
  date: string;
  sequence: number;
  householdCount: number;
  villagePeakKw: number;
  transformerLimitKw: number;
  withinTransformerLimit: boolean;
  headroomKw: number;
  totalExpectedCostVnd: number;
  totalUnmanagedCostVnd: number;
  totalSavingsVnd: number;
}
interface HouseholdPlanBody {
  householdId: string;
  planId: string;
  expectedCostVnd: number;
  unmanagedCostVnd: number;
  savingsVnd: number;
  loads: Array<{ loadId: string; kw: number[]; runs: Array<{ start: string; end: string; kwh: number }> }>;
  billEstimate: { totalExclVatVnd: number } | null;
}

let api: ApiHarness;
let planner: FakePlanner;
let app: App;
beforeAll(async () => {
  api = await startApiHarness();
  planner = fakePlanner({ withBill: true });
  app = api.appWith({ planner });
});
afterAll(async () => {
  await api?.close();
});

const planEnergy = (body?: unknown, target = app) =>
  api.send('POST', '/api/plans/energy', {
    app: target,
    token: api.tokens.operator,
    ...(body ? { body } : {}),
  });
const household = (path: string, token: string) => api.send('GET', path, { app, token });

describe('POST /api/plans/energy', () => {
  it('answers 503 without a planner', async () => {
    const response = await planEnergy({}, api.app);
    expect(response.status).toBe(503);
    expect((await json(response)).error.code).toBe('UNAVAILABLE');
  });

  it('plans tomorrow by default and answers the summary: peak against the transformer limit, costs', async () => {
    const response = await planEnergy();
    expect(response.status).toBe(201);
    const body = await json<SummaryBody>(response);
    expect(body).toMatchObject({
      planId: 'e-1',
      date: TOMORROW,
      sequence: 1,
      householdCount: 1,
      villagePeakKw: 180,
      transformerLimitKw: 200,
      withinTransformerLimit: true,
      headroomKw: 20,
      totalSavingsVnd: 2500,
    });
    expect(planner.energyRequests.at(-1)).toEqual({
      villageId: 'test-village',
      date: TOMORROW,
      requestedBy: { subject: 'op-1', role: 'operator' },
    });
  });

  it('names an invalid date', async () => {
    const response = await planEnergy({ date: '2026-11-31' });
    expect(response.status).toBe(400);
    expect((await json(response)).error.details.map((d) => d.field)).toEqual(['body.date']);
  });

  it('stores a 1,500-household plan (megabytes, split per household) and serves it back', async () => {
    const big = api.appWith({ planner: fakePlanner({ householdIds: householdIds(1500), idPrefix: 'big-' }) });
    const response = await planEnergy({ date: TOMORROW }, big);
    expect(response.status).toBe(201);
    const summary = await json<SummaryBody>(response);
    expect(summary).toMatchObject({ householdCount: 1500, sequence: 2 });
    const stored = await api.store.plans.getEnergyPlan('test-village', { by: 'id', planId: summary.planId });
    expect(stored?.households).toHaveLength(1500);
    expect(stored?.households[1499]?.loads[0]?.kw).toHaveLength(96);
    // Re-planning made it the date's latest; the first plan stays readable by id.
    const latest = await json<SummaryBody>(await api.get('/api/plans/energy/latest', api.tokens.operator));
    expect(latest.planId).toBe(summary.planId);
    const first = await api.get(`/api/plans/energy/${TOMORROW}?planId=e-1`, api.tokens.operator);
    expect((await json<SummaryBody>(first)).householdCount).toBe(1);
  });

  it('GET by date: 404 for a date without a plan; operators only', async () => {
    expect((await api.get('/api/plans/energy/2026-12-24', api.tokens.operator)).status).toBe(404);
    expect((await api.get(`/api/plans/energy/${TOMORROW}`, api.tokens.crew)).status).toBe(403);
    expect((await api.get('/api/plans/energy/latest', api.tokens.household)).status).toBe(403);
  });
});

describe('GET /api/households/{householdId}/plan', () => {
  beforeAll(async () => {
    // The latest plan of tomorrow again holds hh-001 only.
    expect((await planEnergy({ date: TOMORROW })).status).toBe(201);
  });

  it('gives a household its own plan: runs in village time, expected cost, unmanaged cost, savings', async () => {
    const response = await household(`/api/households/hh-001/plan?date=${TOMORROW}`, api.tokens.household);
    expect(response.status).toBe(200);
    const body = await json<HouseholdPlanBody>(response);
    expect(body).toMatchObject({
      householdId: 'hh-001',
      expectedCostVnd: 10_001,
      unmanagedCostVnd: 12_501,
      savingsVnd: 2500,
    });
    expect(body.billEstimate).toBeNull();
    const pump = body.loads.find((l) => l.loadId === 'pump');
    expect(pump?.kw).toHaveLength(96);
    const firstActive = pump?.kw.findIndex((kw) => kw > 0) ?? -1;
    const first = pump?.runs[0];
    expect(first?.start).toBe(
      toZonedIso(Date.parse(`${TOMORROW}T00:00:00+07:00`) + firstActive * 15 * 60_000),
    );
    expect(first?.start).toMatch(/^2026-11-30T\d\d:\d\d:00\+07:00$/);
  });

  it('times the runs from the horizon start of a noon-to-noon plan, and shows its reserve', async () => {
    const noon = api.appWith({
      planner: fakePlanner({
        idPrefix: 'noon-',
        energyOverride: (plan) => ({ ...plan, startMinuteOfDay: 720, transformerReserveKw: 6 }),
      }),
    });
    const date = '2026-12-20';
    const summary = await json<SummaryBody & { horizonStart: string; transformerReserveKw: number }>(
      await planEnergy({ date }, noon),
    );
    expect(summary.horizonStart).toBe(`${date}T12:00:00+07:00`);
    expect(summary.transformerReserveKw).toBe(6);
    const response = await api.send('GET', `/api/households/hh-001/plan?date=${date}`, {
      app: noon,
      token: api.tokens.household,
    });
    const body = await json<HouseholdPlanBody>(response);
    const pump = body.loads.find((l) => l.loadId === 'pump');
    const firstActive = pump?.kw.findIndex((kw) => kw > 0) ?? -1;
    expect(firstActive).toBeGreaterThanOrEqual(0);
    expect(pump?.runs[0]?.start).toBe(
      toZonedIso(Date.parse(`${date}T12:00:00+07:00`) + firstActive * 15 * 60_000),
    );
  });

  it('estimates the bill when asked and the planner can', async () => {
    const body = await json<HouseholdPlanBody>(
      await household('/api/households/hh-001/plan?monthKwh=100', api.tokens.household),
    );
    expect(body.billEstimate?.totalExclVatVnd).toBe(198_400);
    const bad = await household('/api/households/hh-001/plan?monthKwh=-1', api.tokens.household);
    expect((await json(bad)).error.details.map((d) => d.field)).toEqual(['query.monthKwh']);
  });

  it("403 for another household's plan; operators read any; crews none", async () => {
    expect((await household('/api/households/hh-002/plan', api.tokens.household)).status).toBe(403);
    expect((await household('/api/households/hh-404/plan', api.tokens.household)).status).toBe(403);
    expect((await household('/api/households/hh-001/plan', api.tokens.operator)).status).toBe(200);
    expect((await household('/api/households/hh-001/plan', api.tokens.crew)).status).toBe(403);
  });

  it('404 for an unknown household, a household without a part, a date without a plan', async () => {
    expect((await household('/api/households/hh-404/plan', api.tokens.operator)).status).toBe(404);
    const none = await household('/api/households/hh-002/plan', api.tokens.otherHousehold);
    expect(none.status).toBe(404);
    expect((await json(none)).error.message).toContain('nothing to schedule');
    expect(
      (await household('/api/households/hh-001/plan?date=2026-12-24', api.tokens.household)).status,
    ).toBe(404);
  });
});
