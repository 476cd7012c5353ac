import type { LoadPlan, LoadScenario } from '@village/domain';
import { checkLoadPlan } from './check/check-load-plan.ts';
import { polishWithinLimit, repairOverloads, totalOverload } from './coordination/capacity-repair.ts';
import { type Clock, wallClock } from './coordination/clock.ts';
import { ColumnPool } from './coordination/column-pool.ts';
import { maximizeDual } from './coordination/dual-bundle.ts';
import { recoverPrimal } from './coordination/primal-master.ts';
import { settleOverloads, withinLimits } from './coordination/settle.ts';
import { VillageState } from './coordination/village-state.ts';
import { compileScenario } from './model/compiled-scenario.ts';
import { toLoadPlan } from './to-load-plan.ts';
import { aggregateNet } from './transformer-overloads.ts';
import { unmanagedPlans } from './unmanaged-plan.ts';

export interface ScheduleOptions {
  /**
   * Wall-clock budget in milliseconds (default 10 s); the plan returned is the best found by then.
   * Kept to within the work no plan can skip: every household's first response before, the plan
   * check and the output after (about 0.1 ms per household in all).
   */
  timeLimitMs?: number;
  /** Relative gap at which the plan counts as optimal (default 1e-4 = 0.01 %). */
  gapTolerance?: number;
  /** Seed of the tie-breaking jitter; the same seed gives the same plan. */
  seed?: number;
  /** Price of a kWh over the transformer limit when the limit cannot be met (VND/kWh). */
  overloadPriceVndPerKwh?: number;
  /**
   * The clock the time limit is read on, in ms (default performance.now). Tests inject one that runs
   * out after a fixed number of reads, to stop the scheduler at the same point every time.
   */
  now?: Clock;
}

/** Stops the dual once the model promises less than this share of the objective. */
const DUAL_TOLERANCE = 2e-6;
const COLUMNS_PER_HOUSEHOLD = 8;
const MASTER_HOUSEHOLDS = 400;
/** Shares of the time limit by which the dual, then the primal master, hand over; repair has the rest. */
const DUAL_SHARE = 0.6;
const MASTER_SHARE = 0.8;

/**
 * Plans every household's flexible loads, battery and solar for the village's least total cost with
 * the transformer within its limit. Households are independent but for the transformer rows, so:
 * exact household responses to a coordination price; a bundle method on the prices of the rows that
 * bind (a proven lower bound); a restricted Dantzig–Wolfe master over the plans households proposed
 * (the primal); a capped repair and a monotone polish; and a full check before anything leaves.
 * Each phase has its share of the time limit and stops at it (the dual and both LP masters between
 * pivots or evaluations, the repair and polish between households). An overload left after the
 * repair gets the rest of the time (settle.ts: repair, room made around it, the master again over
 * congestion-priced plans, blocks moved); when time runs out on a village that cannot be brought
 * within its limit, the least-overload plan found so far is returned, flagged.
 */
export function scheduleLoads(scenario: LoadScenario, options: ScheduleOptions = {}): LoadPlan {
  const now = options.now ?? wallClock;
  const started = now();
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  const deadline = started + timeLimitMs;
  const overloadPrice = options.overloadPriceVndPerKwh ?? 100_000;
  const compiled = compileScenario(scenario);
  const state = new VillageState(compiled, options.seed ?? 1);
  const pool = new ColumnPool(compiled.households.length, COLUMNS_PER_HOUSEHOLD);
  state.solveAll();
  for (const household of compiled.households) pool.record(household, state.plan(household.index));

  const gapTolerance = options.gapTolerance ?? 1e-4;
  // Without the transformer rows every household plays alone: that optimum is a lower bound.
  let lowerBound = state.totalCost();
  if (totalOverload(state) > 0 && now() < deadline) {
    // Shortcut: often enough households are indifferent to timing (flat tariffs) to clear the
    // overload at no cost. Try it; keep it only if it proves optimal.
    const independent = state.snapshot();
    repairOverloads(state, deadline, now);
    const shortcutWorks =
      totalOverload(state) === 0 && state.totalCost() <= lowerBound + gapTolerance * Math.abs(lowerBound);
    if (!shortcutWorks) {
      // The shortcut's plan is valid and often already within the limit: the fallback if the time
      // runs out before the dual-primal path does better.
      const shortcut = { plans: state.snapshot(), overload: totalOverload(state), cost: state.totalCost() };
      state.restore(independent);
      const dual = maximizeDual(state, {
        deadline: started + DUAL_SHARE * timeLimitMs,
        now,
        tolerance: DUAL_TOLERANCE,
        overloadPrice,
        maxIterations: 200,
        onResolved: (household) => pool.record(household, state.plan(household.index)),
      });
      lowerBound = Math.max(lowerBound, dual.lowerBound);
      recoverPrimal(state, pool, {
        overloadPrice,
        maxHouseholds: MASTER_HOUSEHOLDS,
        deadline: started + MASTER_SHARE * timeLimitMs,
        now,
      });
      repairOverloads(state, deadline, now);
      if (!withinLimits(state)) {
        // Still over: go on from the lesser overload of the two plans, with the time that is left.
        if (worse(totalOverload(state), state.totalCost(), shortcut.overload, shortcut.cost))
          state.restore(shortcut.plans);
        settleOverloads(state, pool, { deadline, now, overloadPrice, maxHouseholds: MASTER_HOUSEHOLDS });
      }
      if (withinLimits(state)) polishWithinLimit(state, deadline, compiled.households, now);
      if (worse(totalOverload(state), state.totalCost(), shortcut.overload, shortcut.cost))
        state.restore(shortcut.plans);
    }
  }
  const overloadKw = totalOverload(state);

  const problems = checkLoadPlan(compiled, state.plans, { allowOverload: overloadKw > 0 });
  if (problems.length > 0) {
    throw new Error(`energy scheduler produced an invalid plan (a bug): ${problems.slice(0, 5).join('; ')}`);
  }
  const unmanaged = unmanagedPlans(compiled, scenario);
  return toLoadPlan({
    scenario: compiled,
    plans: state.plans,
    aggregateKw: aggregateNet(state.plans, compiled.slots),
    lowerBound,
    gapTolerance,
    unmanaged,
    elapsedMs: now() - started,
  });
}

/** Whether (overload, cost) is worse than the other: less overload first, then less cost. */
function worse(overload: number, cost: number, otherOverload: number, otherCost: number): boolean {
  if (Math.abs(overload - otherOverload) > 1e-6) return overload > otherOverload;
  return cost > otherCost + 1e-9 * Math.abs(otherCost);
}
