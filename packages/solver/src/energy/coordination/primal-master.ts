import solver, { type Model } from 'javascript-lp-solver';
import { finalizePlan } from '../household/finalize-plan.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import type { ColumnPool } from './column-pool.ts';
import type { VillageState } from './village-state.ts';

export interface PrimalMasterOptions {
  overloadPrice: number;
  /** Largest number of households the master may decide; the rest keep their current plan. */
  maxHouseholds: number;
}

/**
 * Restricted Dantzig–Wolfe master: choose, for the households whose response moved while prices
 * moved, a convex combination of the plans they proposed, so that the transformer rows hold at least
 * cost (overload allowed at `overloadPrice`, so the master is always feasible). Households with a
 * single column keep it. A convex combination of feasible interruptible/battery plans is feasible; a
 * household with block loads takes its heaviest column whole (integrality), and the repair that
 * follows settles what that rounding breaks. Returns false if the LP failed (state untouched).
 */
export function recoverPrimal(state: VillageState, pool: ColumnPool, options: PrimalMasterOptions): boolean {
  const { slots, hours, transformerKw, importLimitKw } = state.scenario;
  const marginal = state.scenario.households
    .filter((household) => pool.of(household.index).length > 1)
    .sort((a, b) => pool.of(b.index).length - pool.of(a.index).length)
    .slice(0, options.maxHouseholds);
  if (marginal.length === 0) return true;
  const fixed = state.aggregateKw.slice();
  for (const household of marginal) {
    const net = state.plan(household.index).netKw;
    for (let t = 0; t < slots; t++) fixed[t] = (fixed[t] ?? 0) - (net[t] ?? 0);
  }
  const rows = rowsToConstrain(state, pool, marginal, fixed);
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const t of rows) {
    constraints[`r${t}`] = {
      min: -transformerKw - (fixed[t] ?? 0),
      max: (importLimitKw[t] ?? 0) - (fixed[t] ?? 0),
    };
    variables[`o${t}`] = { [`r${t}`]: -1, cost: options.overloadPrice * hours };
    variables[`n${t}`] = { [`r${t}`]: 1, cost: options.overloadPrice * hours };
  }
  for (const household of marginal) {
    constraints[`h${household.index}`] = { equal: 1 };
    pool.of(household.index).forEach((column, k) => {
      const entry: Record<string, number> = { [`h${household.index}`]: 1, cost: column.cost };
      for (const t of rows) {
        const net = column.netKw[t] ?? 0;
        if (net !== 0) entry[`r${t}`] = net;
      }
      variables[`w${household.index}_${k}`] = entry;
    });
  }
  const model: Model = { optimize: 'cost', opType: 'min', constraints, variables };
  const result = solver.Solve(model) as unknown as Record<string, number | boolean | undefined>;
  if (result.feasible !== true) return false;
  for (const household of marginal) {
    const columns = pool.of(household.index);
    const weights = columns.map((_, k) => {
      const w = result[`w${household.index}_${k}`];
      return typeof w === 'number' && w > 1e-9 ? w : 0;
    });
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (total <= 0) continue;
    const plan = state.plan(household.index);
    state.addToAggregate(plan, -1);
    if (household.blocks.length > 0) {
      const heaviest = weights.indexOf(Math.max(...weights));
      combine(plan, [columns[heaviest] as HouseholdPlan], [1]);
    } else {
      combine(
        plan,
        columns,
        weights.map((w) => w / total),
      );
    }
    finalizePlan(household, hours, state.context(household), plan);
    state.addToAggregate(plan, 1);
  }
  return true;
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
