import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createStore } from '@village/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { energyPlan, householdIds, vehicleRoute, wastePlan } from './support/plan-builders.ts';

const V = 'plan-village';
const DATE = '2026-11-30';

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
});
afterAll(() => local.close());

const morning = `${DATE}T06:00:00+07:00`;

describe('plans repository: waste', () => {
  const first = wastePlan({
    planId: 'w-first',
    villageId: V,
    date: DATE,
    routes: [vehicleRoute('truck-2', ['b3'], morning), vehicleRoute('truck-1', ['b1', 'b2'], morning)],
    unassigned: [{ binId: 'b9', reason: 'nearly empty', code: 'NEARLY_EMPTY' }],
  });

  it('round-trips a plan, routes in the plan’s own order', async () => {
    const ref = await local.store.plans.putWastePlan(first);
    expect(ref).toEqual({
      kind: 'waste',
      planId: 'w-first',
      date: DATE,
      createdAt: first.createdAt,
      sequence: 1,
    });
    expect(await local.store.plans.getWastePlan(V, { by: 'date', date: DATE })).toEqual({
      ...first,
      sequence: 1,
    });
    expect(await local.store.plans.getWastePlan(V, { by: 'id', planId: 'w-first' })).toEqual({
      ...first,
      sequence: 1,
    });
  });

  it('reads one vehicle’s route, and says when the plan has none for a vehicle', async () => {
    const found = await local.store.plans.getVehicleRoute(V, { by: 'date', date: DATE }, 'truck-1');
    expect(found?.route).toEqual(first.routes[1]);
    expect(found?.plan).toMatchObject({ planId: 'w-first', vehicleIds: ['truck-2', 'truck-1'], sequence: 1 });
    expect(found?.plan).not.toHaveProperty('routes');
    const none = await local.store.plans.getVehicleRoute(V, { by: 'date', date: DATE }, 'truck-9');
    expect(none).toEqual({ plan: found?.plan });
    expect(await local.store.plans.getVehicleRoute(V, { by: 'date', date: '2026-12-01' }, 'truck-1')).toBe(
      undefined,
    );
    expect(await local.store.plans.getWastePlan('other-village', { by: 'id', planId: 'w-first' })).toBe(
      undefined,
    );
  });

  it('re-planning a date makes the new plan the latest; the old one stays readable by id', async () => {
    const second = wastePlan({
      planId: 'w-second',
      villageId: V,
      date: DATE,
      // Same createdAt as the first: order comes from the store, not from clocks.
      createdAt: first.createdAt,
      routes: [vehicleRoute('truck-2', ['b1', 'b2', 'b3'], morning)],
    });
    expect((await local.store.plans.putWastePlan(second)).sequence).toBe(2);
    expect((await local.store.plans.getWastePlan(V, { by: 'date', date: DATE }))?.planId).toBe('w-second');
    expect((await local.store.plans.getWastePlan(V, { by: 'id', planId: 'w-first' }))?.routes).toHaveLength(
      2,
    );
    const versions = await local.store.plans.listPlanVersions(V, 'waste', DATE);
    expect(versions.map((v) => [v.planId, v.sequence])).toEqual([
      ['w-second', 2],
      ['w-first', 1],
    ]);
  });

  it('never rewrites a stored plan: storing its planId again is a CONFLICT', async () => {
    const again = wastePlan({ planId: 'w-first', villageId: V, date: DATE, routes: [] });
    await expect(local.store.plans.putWastePlan(again)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await local.store.plans.getWastePlan(V, { by: 'id', planId: 'w-first' }))?.routes).toHaveLength(
      2,
    );
    expect((await local.store.plans.findPlan(V, 'waste', { by: 'date', date: DATE }))?.planId).toBe(
      'w-second',
    );
  });

  it('latest is the newest plan of the latest date, whatever order they were stored in', async () => {
    await local.store.plans.putWastePlan(
      wastePlan({ planId: 'w-earlier-day', villageId: V, date: '2026-11-29', routes: [] }),
    );
    expect((await local.store.plans.findPlan(V, 'waste', { by: 'latest' }))?.planId).toBe('w-second');
    expect(await local.store.plans.findPlan(V, 'energy', { by: 'latest' })).toBeUndefined();
  });

  it('never serves a plan whose summary was not written (a crash after the parts)', async () => {
    const crashing = createStore({
      client: new Proxy(local.client, {
        get(target, property, receiver) {
          if (property !== 'send') return Reflect.get(target, property, receiver);
          return (command: Parameters<typeof target.send>[0]) => {
            const item = (command as { input?: { Item?: { type?: string } } }).input?.Item;
            if (command instanceof PutCommand && item?.type === 'PLAN_SUMMARY') {
              return Promise.reject(new Error('simulated crash'));
            }
            return target.send(command);
          };
        },
      }),
      tableName: local.tableName,
    });
    const crashed = wastePlan({
      planId: 'w-crashed',
      villageId: V,
      date: DATE,
      routes: [vehicleRoute('truck-1', ['b1'], morning)],
    });
    await expect(crashing.plans.putWastePlan(crashed)).rejects.toThrow('simulated crash');
    expect(await local.store.plans.getWastePlan(V, { by: 'id', planId: 'w-crashed' })).toBeUndefined();
    expect((await local.store.plans.findPlan(V, 'waste', { by: 'date', date: DATE }))?.planId).toBe(
      'w-second',
    );
  });
});

describe('plans repository: energy, split under the 400 KB item limit', () => {
  const ids = householdIds(1500);
  const plan = energyPlan({ planId: 'e-village', villageId: V, date: DATE, householdIds: ids });

  it('a village plan (1,500 households × 96 slots) is too big for one item', async () => {
    expect(Buffer.byteLength(JSON.stringify(plan))).toBeGreaterThan(1_000_000);
    await expect(
      local.client.send(
        new PutCommand({
          TableName: local.tableName,
          Item: { pk: 'x', sk: 'y', json: JSON.stringify(plan) },
        }),
      ),
    ).rejects.toThrow(/size/i);
  });

  it('round-trips it as a summary plus one item per household', async () => {
    await local.store.plans.putEnergyPlan(plan);
    expect(await local.store.plans.getEnergyPlan(V, { by: 'date', date: DATE })).toEqual(plan);
  });

  it('serves the summary with village totals without reading the households', async () => {
    const summary = await local.store.plans.getEnergyPlanSummary(V, { by: 'latest' });
    expect(summary).toMatchObject({
      planId: 'e-village',
      householdCount: 1500,
      villagePeakKw: 180,
      transformerLimitKw: 200,
      totalExpectedCostVnd: plan.households.reduce((s, h) => s + h.expectedCostVnd, 0),
      totalUnmanagedCostVnd: plan.households.reduce((s, h) => s + h.unmanagedCostVnd, 0),
      sequence: 1,
    });
    expect(summary).not.toHaveProperty('households');
  });

  it('reads one household’s plan', async () => {
    const found = await local.store.plans.getHouseholdPlan(V, { by: 'id', planId: 'e-village' }, 'hh-0742');
    expect(found?.household).toEqual(plan.households[741]);
    expect(found?.plan.planId).toBe('e-village');
    const none = await local.store.plans.getHouseholdPlan(V, { by: 'id', planId: 'e-village' }, 'hh-9999');
    expect(none?.household).toBeUndefined();
  });
});
