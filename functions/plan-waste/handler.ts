import { type Clock, systemClock, zonedDate } from '@village/domain';
import type { PlanRef, Store } from '@village/store';
import { parsePlanEvent } from '../shared/plan-event.ts';
import { createStorePlanner } from '../shared/planner.ts';
import { type RuntimeConfig, readRuntimeConfig } from '../shared/runtime-config.ts';
import { storeFor } from '../shared/store.ts';

export interface PlanRunResult {
  plan: PlanRef;
  summary: Record<string, number>;
}

/**
 * The daily waste plan (EventBridge Scheduler at the operator's time, or the local scheduler): plan
 * today's collection from telemetry and store it as the date's latest plan.
 */
export function createPlanWasteHandler(config: RuntimeConfig, deps: { store?: Store; clock?: Clock } = {}) {
  const clock = deps.clock ?? systemClock;
  const store = deps.store ?? storeFor(config);
  const planner = createStorePlanner(store, clock);
  return async (event: unknown): Promise<PlanRunResult> => {
    const { date = zonedDate(clock.nowMs()) } = parsePlanEvent(event);
    const plan = await planner.planWaste({ villageId: config.VILLAGE_ID, date });
    const ref = await store.plans.putWastePlan(plan);
    return {
      plan: ref,
      summary: {
        routes: plan.routes.length,
        bins: plan.routes.reduce((n, r) => n + r.stops.filter((s) => s.kind === 'bin').length, 0),
        unassigned: plan.unassigned.length,
        km: Math.round(plan.totalDistanceKm * 10) / 10,
      },
    };
  };
}

let lambdaHandler: ReturnType<typeof createPlanWasteHandler> | undefined;

export const handler = (event: unknown): Promise<PlanRunResult> => {
  lambdaHandler ??= createPlanWasteHandler(readRuntimeConfig(process.env));
  return lambdaHandler(event);
};
