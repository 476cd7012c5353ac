import type { VillageDataset } from '@village/domain';
import type { CollectionPlanResult } from '@village/solver';
import type { WasteWorld } from './waste-world.ts';

export const WASTE_POLICIES = ['optimized', 'fixedSchedule', 'thresholdNow'] as const;
export type WastePolicyName = (typeof WASTE_POLICIES)[number];

/** What a policy knows when it plans a morning: the village, the date, the time, and its world's telemetry. */
export interface WastePlanningContext {
  dataset: VillageDataset;
  /** Village-local date of the collection day. */
  date: string;
  nowMs: number;
  world: WasteWorld;
  routingTimeLimitMs: number;
  seed: number;
}

/** A morning's decision: the routes, and how many bins were offered to the router as must / may. */
export interface PolicyPlan {
  result: CollectionPlanResult;
  offered: { must: number; may: number };
}

/** A way of deciding each morning which bins the crews empty, and in which order. */
export interface WastePolicy {
  readonly name: WastePolicyName;
  plan(context: WastePlanningContext): PolicyPlan;
}
