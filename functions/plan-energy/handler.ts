import { type Clock, systemClock, zonedDate } from '@village/domain';
import type { Store } from '@village/store';
import type { PlanRunResult } from '../plan-waste/handler.ts';
import { parsePlanEvent } from '../shared/plan-event.ts';
import { createStorePlanner } from '../shared/planner.ts';
import { type RuntimeConfig, readRuntimeConfig } from '../shared/runtime-config.ts';
import { storeFor } from '../shared/store.ts';

const DAY_MS = 86_400_000;

/**
 * The evening energy plan (EventBridge Scheduler, or the local scheduler): plan tomorrow's flexible
 * loads from meter history at the tariffs in force and store it as that date's latest plan.
 */
export function createPlanEnergyHandler(config: RuntimeConfig, deps: { store?: Store; clock?: Clock } = {}) {
  const clock = deps.clock ?? systemClock;
  const store = deps.store ?? storeFor(config);
  const planner = createStorePlanner(store, clock);
  return async (event: unknown): Promise<PlanRunResult> => {
    const { date = zonedDate(clock.nowMs() + DAY_MS) } = parsePlanEvent(event);
    const plan = await planner.planEnergy({ villageId: config.VILLAGE_ID, date });
    const ref = await store.plans.putEnergyPlan(plan);
    return {
      plan: ref,
      summary: {
        households: plan.households.length,
        totalCostVnd: Math.round(plan.totalCostVnd),
        villagePeakKw: Math.round(plan.villagePeakKw * 10) / 10,
        transformerLimitKw: plan.transformerLimitKw,
      },
    };
  };
}

let lambdaHandler: ReturnType<typeof createPlanEnergyHandler> | undefined;

export const handler = (event: unknown): Promise<PlanRunResult> => {
  lambdaHandler ??= createPlanEnergyHandler(readRuntimeConfig(process.env));
  return lambdaHandler(event);
};
