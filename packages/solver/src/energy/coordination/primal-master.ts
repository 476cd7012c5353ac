import { finalizePlan } from '../household/finalize-plan.ts';
import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import { roundBlocks } from './block-rounding.ts';
import { solveBoundedLp } from './bounded-simplex.ts';
import { type Clock, wallClock } from './clock.ts';
import type { ColumnPool } from './column-pool.ts';
import type { VillageState } from './village-state.ts';

export interface PrimalMasterOptions {
  overloadPrice: number;
  /** Largest number of households the master may decide; the rest keep their current plan. */
  maxHouseholds: number;
  /** Clock value at which the master stops with the best feasible mix found so far (default none). */
  deadline?: number;
  /** The clock `deadline` is read on (default performance.now). */
  now?: Clock;
}

/**
 * Most tableau cells (rows × columns) the master may use (8 bytes each): households are dropped, the
 * least active first, until it fits. 400 households × 8 columns over 96 slots need about 1.8 M.
 */
const MAX_MASTER_CELLS = 4_000_000;

/**
 * Restricted Dantzig–Wolfe master: choose, for the households whose response moved while prices
 * moved, a convex combination of the plans they proposed, so that the transformer rows hold at least
 * cost (overload allowed at `overloadPrice`, so the master is always feasible). Households with a
 * single column keep it. A convex combination of feasible interruptible/battery plans is feasible; a
 * household with block loads takes one of its columns whole (integrality), chosen against the
 * village (roundBlocks), and the repair that follows settles what that rounding breaks.
 *
 * The LP is solved by an interruptible simplex (bounded-simplex.ts) started from the current plans:
 * stopped at the deadline it returns the best mix found so far, never a worse one (overload priced).
 * javascript-lp-solver, used here before, took 13–60 s on the 400-household masters of overloaded
 * days and cannot be interrupted. Returns false if the LP failed (state untouched).
 */
export function recoverPrimal(state: VillageState, pool: ColumnPool, options: PrimalMasterOptions): boolean {
  const { slots, hours } = state.scenario;
  const candidates = state.scenario.households
    .filter((household) => pool.of(household.index).length > 1)
    .sort((a, b) => pool.of(b.index).length - pool.of(a.index).length)
    .slice(0, options.maxHouseholds);
  // At most (households + slots) rows × (columns + 4 per slot) cells: keep the most active that fit.
  let columns = 0;
  let fits = 0;
  for (const household of candidates) {
    const more = columns + pool.of(household.index).length;
    if ((fits + 1 + slots) * (more + 4 * slots) > MAX_MASTER_CELLS) break;
    columns = more;
    fits++;
  }
  const marginal = candidates.slice(0, fits);
  if (marginal.length === 0) return true;
  const fixed = state.aggregateKw.slice();
  for (const household of marginal) {
    const net = state.plan(household.index).netKw;
    for (let t = 0; t < slots; t++) fixed[t] = (fixed[t] ?? 0) - (net[t] ?? 0);
  }
  const rows = rowsToConstrain(state, pool, marginal, fixed);
  const mixes = solveMaster(state, pool, marginal, rows, fixed, options);
  if (!mixes) return false;
  // Households without block loads take their mix; those with block loads one of their columns
  // whole, chosen once the others are in place (roundBlocks).
  const rounding: { household: CompiledHousehold; weights: number[] }[] = [];
  marginal.forEach((household, h) => {
    const weights = mixes[h];
    if (!weights) return;
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (total <= 0) return;
    if (household.blocks.length > 0) {
      rounding.push({ household, weights: weights.map((w) => w / total) });
      return;
    }
    const plan = state.plan(household.index);
    state.addToAggregate(plan, -1);
    combine(
      plan,
      pool.of(household.index),
      weights.map((w) => w / total),
    );
    finalizePlan(household, hours, state.context(household), plan);
    state.addToAggregate(plan, 1);
  });
  const chosen = roundBlocks(state, pool, rounding, options.overloadPrice * hours);
  rounding.forEach(({ household }, i) => {
    const column = pool.of(household.index)[chosen[i] ?? 0] as HouseholdPlan;
    const plan = state.plan(household.index);
    state.addToAggregate(plan, -1);
    combine(plan, [column], [1]);
    finalizePlan(household, hours, state.context(household), plan);
    state.addToAggregate(plan, 1);
  });
  return true;
}

/**
 * The master, written relative to each household's current plan (its base column): w ≥ 0 on the
 * other columns with Σ w ≤ 1, the base taking the rest. All w = 0 is the village as it is, made
 * feasible by the overload columns where it is over the limit, so the simplex starts feasible and
 * needs no phase 1. Per household the weights of its columns, or null where it stays on its base.
 */
function solveMaster(
  state: VillageState,
  pool: ColumnPool,
  households: readonly CompiledHousehold[],
  rows: readonly number[],
  fixed: Float64Array,
  options: PrimalMasterOptions,
): (number[] | null)[] | null {
  const { hours, transformerKw, importLimitKw } = state.scenario;
  const now = options.now ?? wallClock;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const R = rows.length;
  const H = households.length;
  const base = households.map((household) =>
    baseColumn(pool.of(household.index), state.plan(household.index)),
  );
  const firstVariable: number[] = [];
  let variables = 0;
  for (const household of households) {
    firstVariable.push(variables);
    variables += pool.of(household.index).length - 1;
  }
  // Columns: the households' w, then per row its overload o, reverse-flow n and slack s, then per
  // household the slack of its convexity row. Rows: the transformer rows, then one per household.
  const overloadAt = variables;
  const reverseAt = overloadAt + R;
  const rowSlackAt = reverseAt + R;
  const householdSlackAt = rowSlackAt + R;
  const n = householdSlackAt + H;
  const m = R + H;
  const matrix = new Float64Array(m * n);
  const rhs = new Float64Array(m);
  const cost = new Float64Array(n);
  const upper = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const basis = new Int32Array(m);
  const atUpper = new Uint8Array(n);
  // The room each row leaves once every household sits on its base column: low ≤ Σ d·w ≤ high.
  const high = rows.map((t) => (importLimitKw[t] ?? 0) - (fixed[t] ?? 0));
  const low = rows.map((t) => -transformerKw - (fixed[t] ?? 0));
  households.forEach((household, h) => {
    const columns = pool.of(household.index);
    const b = base[h] ?? 0;
    const baseNet = (columns[b] as HouseholdPlan).netKw;
    const baseCost = (columns[b] as HouseholdPlan).cost;
    rows.forEach((t, r) => {
      high[r] = (high[r] ?? 0) - (baseNet[t] ?? 0);
      low[r] = (low[r] ?? 0) - (baseNet[t] ?? 0);
    });
    let j = firstVariable[h] ?? 0;
    columns.forEach((column, k) => {
      if (k === b) return;
      cost[j] = column.cost - baseCost;
      upper[j] = 1;
      rows.forEach((t, r) => {
        const d = (column.netKw[t] ?? 0) - (baseNet[t] ?? 0);
        if (d !== 0) matrix[r * n + j] = d;
      });
      matrix[(R + h) * n + j] = 1;
      j++;
    });
    matrix[(R + h) * n + householdSlackAt + h] = 1;
    upper[householdSlackAt + h] = 1;
    rhs[R + h] = 1;
    basis[R + h] = householdSlackAt + h;
  });
  const penalty = options.overloadPrice * hours;
  for (let r = 0; r < R; r++) {
    // Σ d·w − o + n + s = high, 0 ≤ s ≤ high − low.
    const row = r * n;
    matrix[row + overloadAt + r] = -1;
    matrix[row + reverseAt + r] = 1;
    matrix[row + rowSlackAt + r] = 1;
    cost[overloadAt + r] = penalty;
    cost[reverseAt + r] = penalty;
    upper[rowSlackAt + r] = Math.max(0, (high[r] ?? 0) - (low[r] ?? 0));
    rhs[r] = high[r] ?? 0;
    if ((high[r] ?? 0) < 0) {
      // Over the import limit as it is: o starts basic (the row negated so its column is +1).
      for (let j = 0; j < n; j++) matrix[row + j] = -(matrix[row + j] ?? 0);
      rhs[r] = -(high[r] ?? 0);
      basis[r] = overloadAt + r;
    } else if ((low[r] ?? 0) > 0) {
      // Past the reverse-flow limit as it is: s starts at its upper bound and n is basic.
      basis[r] = reverseAt + r;
      atUpper[rowSlackAt + r] = 1;
    } else {
      basis[r] = rowSlackAt + r;
    }
  }
  const result = solveBoundedLp(
    { rows: m, columns: n, matrix, rhs, cost, upper, basis, atUpper },
    // The deadline bounds it; the cap only guards a clock that never runs out.
    { shouldStop: () => now() >= deadline, maxIterations: 20 * (m + n) + 1000 },
  );
  if (result.status === 'unbounded') return null;
  return households.map((household, h) => {
    const columns = pool.of(household.index);
    const b = base[h] ?? 0;
    const weights = new Array<number>(columns.length).fill(0);
    let rest = 1;
    let moved = false;
    let j = firstVariable[h] ?? 0;
    for (let k = 0; k < columns.length; k++) {
      if (k === b) continue;
      const w = result.x[j++] ?? 0;
      if (w <= 1e-9) continue;
      weights[k] = w;
      rest -= w;
      moved = true;
    }
    weights[b] = Math.max(0, rest);
    return moved ? weights : null;
  });
}

/** The column that is the household's current plan (the last one it proposed), else the last. */
function baseColumn(columns: readonly HouseholdPlan[], plan: HouseholdPlan): number {
  for (let k = columns.length - 1; k >= 0; k--) {
    const net = (columns[k] as HouseholdPlan).netKw;
    let same = true;
    for (let t = 0; t < net.length && same; t++)
      same = Math.abs((net[t] ?? 0) - (plan.netKw[t] ?? 0)) <= 1e-9;
    if (same) return k;
  }
  return columns.length - 1;
}

/** Rows worth constraining: every slot where some mix of the columns could leave the limits. */
function rowsToConstrain(
  state: VillageState,
  pool: ColumnPool,
  marginal: readonly { index: number }[],
  fixed: Float64Array,
): number[] {
  const { slots, transformerKw, importLimitKw } = state.scenario;
  const high = fixed.slice();
  const low = fixed.slice();
  for (const household of marginal) {
    for (let t = 0; t < slots; t++) {
      let max = Number.NEGATIVE_INFINITY;
      let min = Number.POSITIVE_INFINITY;
      for (const column of pool.of(household.index)) {
        const net = column.netKw[t] ?? 0;
        if (net > max) max = net;
        if (net < min) min = net;
      }
      high[t] = (high[t] ?? 0) + max;
      low[t] = (low[t] ?? 0) + min;
    }
  }
  const rows: number[] = [];
  for (let t = 0; t < slots; t++) {
    if ((high[t] ?? 0) > (importLimitKw[t] ?? 0) - 1e-9 || (low[t] ?? 0) < -transformerKw + 1e-9)
      rows.push(t);
  }
  return rows;
}

function combine(plan: HouseholdPlan, columns: readonly HouseholdPlan[], weights: readonly number[]): void {
  for (const series of plan.flexKw) series.fill(0);
  plan.chargeKw?.fill(0);
  plan.dischargeKw?.fill(0);
  columns.forEach((column, k) => {
    const w = weights[k] ?? 0;
    if (w === 0) return;
    column.flexKw.forEach((series, l) => {
      const out = plan.flexKw[l];
      if (out) for (let t = 0; t < out.length; t++) out[t] = (out[t] ?? 0) + w * (series[t] ?? 0);
    });
    addScaled(plan.chargeKw, column.chargeKw, w);
    addScaled(plan.dischargeKw, column.dischargeKw, w);
    if (w === 1 || weights.length === 1) plan.blockStart.set(column.blockStart);
  });
}

function addScaled(out: Float64Array | null, series: Float64Array | null, w: number): void {
  if (!out || !series) return;
  for (let t = 0; t < out.length; t++) out[t] = (out[t] ?? 0) + w * (series[t] ?? 0);
}
