import { respond } from '../household/respond.ts';
import { createHouseholdPlan } from '../model/household-plan.ts';
import { overloadedSlots, repairOverloads, reverseFlowSlots, totalOverload } from './capacity-repair.ts';
import type { Clock } from './clock.ts';
import type { ColumnPool } from './column-pool.ts';
import { makeRoom, relocateBlocks } from './overload-moves.ts';
import { recoverPrimal } from './primal-master.ts';
import type { VillageState } from './village-state.ts';

/** Least drop in overload (kW summed over slots) that counts as progress. */
const PROGRESS_KW = 1e-7;

export interface SettleOptions {
  deadline: number;
  now: Clock;
  overloadPrice: number;
  maxHouseholds: number;
}

/**
 * Spends the time left on an overload the repair could not remove, one step at a time, each kept
 * only if the overload ends lower: more repair passes while they help; room made in the full slots
 * around the overload (makeRoom); the primal master again over plans that avoid the congestion
 * (repriceAndRemaster); blocks moved elsewhere in their windows (relocateBlocks). The first that
 * helps is taken and the round starts again, so this ends at the deadline, within the limits, or
 * when none of them helps.
 */
export function settleOverloads(state: VillageState, pool: ColumnPool, options: SettleOptions): void {
  const { deadline, now } = options;
  while (!withinLimits(state) && now() < deadline) {
    const before = totalOverload(state);
    repairOverloads(state, deadline, now);
    if (totalOverload(state) < before - PROGRESS_KW) continue;
    if (makeRoom(state, deadline, now)) continue;
    if (repriceAndRemaster(state, pool, options)) continue;
    if (!relocateBlocks(state, deadline, now)) return;
  }
}

/** Within the import and reverse-flow limits, up to the repair's rounding tolerance. */
export function withinLimits(state: VillageState): boolean {
  return overloadedSlots(state).length === 0 && reverseFlowSlots(state).length === 0;
}

/**
 * Where households are indifferent to timing (flat tariffs) the dual is flat at zero and its
 * evaluations propose little besides what households do alone, so the master has nothing to mix that
 * clears the limit (a 1,740-household day kept 80–275 kW·slots over after the repair, where HiGHS
 * meets the limit for 0.001 % more). Here every household also proposes its plan at a congestion
 * price: high in the slots over the limit, a tenth of that where there is less room left than the
 * largest excess; then the master runs again from the current plans, and the repair after it. Kept
 * only if the overload ends lower (true), else undone.
 */
export function repriceAndRemaster(state: VillageState, pool: ColumnPool, options: SettleOptions): boolean {
  const { deadline, now } = options;
  const { slots, importLimitKw, transformerKw, households } = state.scenario;
  const over = overloadedSlots(state);
  const reverse = reverseFlowSlots(state);
  if ((over.length === 0 && reverse.length === 0) || now() >= deadline) return false;
  const before = totalOverload(state);
  let excess = 0;
  for (const t of over) excess = Math.max(excess, (state.aggregateKw[t] ?? 0) - (importLimitKw[t] ?? 0));
  for (const t of reverse) excess = Math.max(excess, -(state.aggregateKw[t] ?? 0) - transformerKw);
  const high = congestionPrice(state);
  const lambda = new Float64Array(slots);
  for (let t = 0; t < slots; t++) {
    const kw = state.aggregateKw[t] ?? 0;
    if (kw - (importLimitKw[t] ?? 0) > 0) lambda[t] = high;
    else if ((importLimitKw[t] ?? 0) - kw < excess) lambda[t] = high / 10;
    else if (-kw - transformerKw > 0) lambda[t] = -high;
    else if (kw + transformerKw < excess) lambda[t] = -high / 10;
  }
  // The current plans first, so that each is its household's base column in the master.
  for (const household of households) pool.record(household, state.plan(household.index));
  const scratch = households.map((household) => createHouseholdPlan(household, slots));
  for (const household of households) {
    if (now() >= deadline) return false;
    const plan = scratch[household.index];
    if (plan && respond(household, state.context(household, null, lambda), plan))
      pool.record(household, plan);
  }
  const snapshot = state.snapshot();
  recoverPrimal(state, pool, {
    overloadPrice: options.overloadPrice,
    maxHouseholds: options.maxHouseholds,
    deadline,
    now,
  });
  repairOverloads(state, deadline, now);
  if (totalOverload(state) < before - PROGRESS_KW) return true;
  state.restore(snapshot);
  return false;
}

/** Twice the widest spread of import prices (at least 1,000 VND/kWh): enough to move any load. */
function congestionPrice(state: VillageState): number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const household of state.scenario.households) {
    for (const price of household.importPrice) {
      if (price < low) low = price;
      if (price > high) high = price;
    }
  }
  return Math.max(1_000, 2 * (high - low));
}
