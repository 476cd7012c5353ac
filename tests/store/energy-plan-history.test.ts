import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EnergyPlan } from '@village/domain';
import { createStore } from '@village/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { energyPlan, householdIds } from './support/plan-builders.ts';

/**
 * The energy planner's history window: the latest stored plan of each past date, whole, read back
 * from the real table (dynalite over TCP) through every page DynamoDB hands out.
 */
const V = 'history-village';

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
});
afterAll(() => local.close());

function plan(planId: string, date: string, ids: readonly string[], villageId = V): EnergyPlan {
  const built = energyPlan({ planId, villageId, date, householdIds: ids });
  return {
    ...built,
    startMinuteOfDay: 720,
    // One home with a battery: charging at night, discharging in the evening.
    households: built.households.map((household, i) =>
      i === 0
        ? {
            ...household,
            batteryNetKw: household.loads[0]?.kw.map((kw, t) => (t < 48 || kw === 0 ? kw : -kw)),
          }
        : household,
    ),
  };
}

/** The store over the same table, counting Query calls; `limit` forces pages of that many items. */
function countingStore(limit?: number) {
  let queries = 0;
  const store = createStore({
    client: new Proxy(local.client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return (command: Parameters<typeof target.send>[0]) => {
          if (!(command instanceof QueryCommand)) return target.send(command);
          queries++;
          return target.send(
            limit === undefined ? command : new QueryCommand({ ...command.input, Limit: limit }),
          );
        };
      },
    }),
    tableName: local.tableName,
  });
  return { store, queries: () => queries };
}

const few = householdIds(3);
const stored = {
  day1: plan('e-day1', '2026-03-01', few),
  day2: plan('e-day2', '2026-03-02', few),
  day2Replanned: plan('e-day2-again', '2026-03-02', householdIds(2)),
  day4: plan('e-day4', '2026-03-04', few),
  day5: plan('e-day5', '2026-03-05', few),
  otherVillage: plan('e-other', '2026-03-03', few, 'other-village'),
};

describe('plans repository: the latest energy plan of each date in a range', () => {
  beforeAll(async () => {
    // Stored out of date order: the order comes from the dates, the latest of a date from its sequence.
    for (const p of [
      stored.day4,
      stored.day2,
      stored.day1,
      stored.day2Replanned,
      stored.day5,
      stored.otherVillage,
    ]) {
      await local.store.plans.putEnergyPlan(p);
    }
  });

  it('returns each date’s latest plan, whole, oldest date first; dates without a plan are left out', async () => {
    const plans = await local.store.plans.listLatestEnergyPlans(V, {
      fromDate: '2026-03-01',
      toDate: '2026-03-04',
    });
    expect(plans).toEqual([stored.day1, stored.day2Replanned, stored.day4]);
    // The battery's net power survives the store.
    expect(plans[0]?.households[0]?.batteryNetKw).toEqual(stored.day1.households[0]?.batteryNetKw);
    expect(plans[0]?.households[1]).not.toHaveProperty('batteryNetKw');
  });

  it('includes both ends of the range, and nothing of another village', async () => {
    const ids = async (fromDate: string, toDate: string, villageId = V) =>
      (await local.store.plans.listLatestEnergyPlans(villageId, { fromDate, toDate })).map((p) => p.planId);
    expect(await ids('2026-03-02', '2026-03-02')).toEqual(['e-day2-again']);
    expect(await ids('2026-03-04', '2026-03-05')).toEqual(['e-day4', 'e-day5']);
    expect(await ids('2026-03-03', '2026-03-03')).toEqual([]);
    expect(await ids('2026-02-01', '2026-02-28')).toEqual([]);
    expect(await ids('2026-03-05', '2026-03-01')).toEqual([]);
    expect(await ids('2026-03-01', '2026-03-31', 'other-village')).toEqual(['e-other']);
  });

  it('follows every page of the index and of each plan (one item per page here)', async () => {
    const { store: onePerPage, queries } = countingStore(1);
    const plans = await onePerPage.plans.listLatestEnergyPlans(V, {
      fromDate: '2026-03-01',
      toDate: '2026-03-05',
    });
    expect(plans).toEqual([stored.day1, stored.day2Replanned, stored.day4, stored.day5]);
    // Index: 5 entries (+1 empty page); plans: a summary and 3, 2, 3, 3 households (+1 each).
    expect(queries()).toBeGreaterThanOrEqual(6 + 4 + 3 + 2 + 3 + 3 + 4);
  });

  it('reads village-size plans whole, over DynamoDB’s 1 MB query pages', async () => {
    const village = householdIds(1500);
    const big = [plan('e-big-1', '2026-04-01', village), plan('e-big-2', '2026-04-02', village)];
    expect(Buffer.byteLength(JSON.stringify(big[0]))).toBeGreaterThan(1_000_000);
    for (const p of big) await local.store.plans.putEnergyPlan(p);
    const { store, queries } = countingStore();
    const plans = await store.plans.listLatestEnergyPlans(V, {
      fromDate: '2026-03-31',
      toDate: '2026-04-02',
    });
    expect(plans).toEqual(big);
    // The index, then each plan's partition in more than one page.
    expect(queries()).toBeGreaterThanOrEqual(1 + 2 * 2);
  }, 60_000);
});
