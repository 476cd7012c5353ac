import type { LoadPlan, LoadScenario } from '@village/domain';
import { checkLoadPlan } from './check/check-load-plan.ts';
import { polishWithinLimit, repairOverloads, totalOverload } from './coordination/capacity-repair.ts';
import { ColumnPool } from './coordination/column-pool.ts';
import { maximizeDual } from './coordination/dual-bundle.ts';
import { recoverPrimal } from './coordination/primal-master.ts';
import { VillageState } from './coordination/village-state.ts';
import { compileScenario } from './model/compiled-scenario.ts';
import { toLoadPlan } from './to-load-plan.ts';
import { aggregateNet } from './transformer-overloads.ts';
import { unmanagedPlans } from './unmanaged-plan.ts';

export interface ScheduleOptions {
  /** Wall-clock budget in milliseconds (default 10 s); the plan returned is the best found by then. */
  timeLimitMs?: number;
  /** Relative gap at which the plan counts as optimal (default 1e-4 = 0.01 %). */
  gapTolerance?: number;
  /** Seed of the tie-breaking jitter; the same seed gives the same plan. */
  seed?: number;
  /** Price of a kWh over the transformer limit when the limit cannot be met (VND/kWh). */
  overloadPriceVndPerKwh?: number;
}

/** Stops the dual once the model promises less than this share of the objective. */
const DUAL_TOLERANCE = 2e-6;
const COLUMNS_PER_HOUSEHOLD = 8;
const MASTER_HOUSEHOLDS = 400;

/**
 * Plans every household's flexible loads, battery and solar for the village's least total cost with
 * the transformer within its limit. Households are independent but for the transformer rows, so:
 * exact household responses to a coordination price; a bundle method on the prices of the rows that
 * bind (a proven lower bound); a restricted Dantzig–Wolfe master over the plans households proposed
 * (the primal); a capped repair and a monotone polish; and a full check before anything leaves.
 */
export function scheduleLoads(scenario: LoadScenario, options: ScheduleOptions = {}): LoadPlan {
  const started = performance.now();
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
  if (totalOverload(state) > 0) {
    // Shortcut: often enough households are indifferent to timing (flat tariffs) to clear the
    // overload at no cost. Try it; keep it only if it proves optimal.
    const independent = state.snapshot();
    repairOverloads(state, deadline);
    const shortcutWorks =
      totalOverload(state) === 0 && state.totalCost() <= lowerBound + gapTolerance * Math.abs(lowerBound);
    if (!shortcutWorks) {
      state.restore(independent);
      const dual = maximizeDual(state, {
        deadline: started + 0.6 * timeLimitMs,
        tolerance: DUAL_TOLERANCE,
        overloadPrice,
        maxIterations: 200,
        onResolved: (household) => pool.record(household, state.plan(household.index)),
      });
      lowerBound = Math.max(lowerBound, dual.lowerBound);
      recoverPrimal(state, pool, { overloadPrice, maxHouseholds: MASTER_HOUSEHOLDS });
      repairOverloads(state, deadline);
      if (totalOverload(state) === 0) polishWithinLimit(state, deadline, compiled.households);
    }
  }
  const overloadKw = totalOverload(state);

  const problems = checkLoadPlan(compiled, state.plans, { allowOverload: overloadKw > 0 });
  if (problems.length > 0) {
    throw new Error(`energy scheduler produced an invalid plan (a bug): ${problems.slice(0, 5).join('; ')}`);
  }
  const unmanaged = unmanagedPlans(compiled);
  return toLoadPlan({
    scenario: compiled,
    plans: state.plans,
    aggregateKw: aggregateNet(state.plans, compiled.slots),
    lowerBound,
    gapTolerance,
    unmanaged,
    elapsedMs: performance.now() - started,
  });
}
