import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import { overloadAt } from './capacity-repair.ts';
import type { ColumnPool } from './column-pool.ts';
import type { VillageState } from './village-state.ts';

/**
 * Rounds the master's mixes for households with block loads (a block cannot run in part): each takes
 * one of its columns whole. Taking the heaviest weight alone can stack blocks that the mix spread
 * (a 60-household village at its limit ended 5 kW over, more than the repair could undo), so the
 * choice is made against the village: the households with the clearest choice first, each taking
 * the column of least cost plus `penalty` per kW over the limits with the others still at their
 * fractional mix, then a few passes in which each may switch while that lowers the same sum.
 * Returns the chosen column per entry.
 */
export function roundBlocks(
  state: VillageState,
  pool: ColumnPool,
  entries: readonly { household: CompiledHousehold; weights: readonly number[] }[],
  penalty: number,
): number[] {
  const { slots } = state.scenario;
  const work = state.aggregateKw.slice();
  const addMix = (columns: readonly HouseholdPlan[], weights: readonly number[], sign: number) => {
    columns.forEach((column, k) => {
      const w = sign * (weights[k] ?? 0);
      if (w === 0) return;
      for (let t = 0; t < slots; t++) work[t] = (work[t] ?? 0) + w * (column.netKw[t] ?? 0);
    });
  };
  for (const { household, weights } of entries) {
    const net = state.plan(household.index).netKw;
    for (let t = 0; t < slots; t++) work[t] = (work[t] ?? 0) - (net[t] ?? 0);
    addMix(pool.of(household.index), weights, 1);
  }
  // The price of putting `column` in: its cost plus the penalty on the overload it leaves.
  const price = (column: HouseholdPlan) => {
    let over = 0;
    for (let t = 0; t < slots; t++) over += overloadAt(state, t, (work[t] ?? 0) + (column.netKw[t] ?? 0));
    return column.cost + penalty * over;
  };
  const pick = (columns: readonly HouseholdPlan[], weights: readonly number[], current: number) => {
    let best = current;
    let bestPrice = current >= 0 ? price(columns[current] as HouseholdPlan) : Number.POSITIVE_INFINITY;
    columns.forEach((column, k) => {
      if (k === current) return;
      const p = price(column);
      // Strictly cheaper (beyond rounding); on a tie the larger weight.
      const tolerance = 1e-9 * Math.max(1, Math.abs(bestPrice));
      if (
        p < bestPrice - tolerance ||
        (p <= bestPrice + tolerance && (weights[k] ?? 0) > (weights[best] ?? 0))
      ) {
        best = k;
        bestPrice = p;
      }
    });
    return best;
  };
  const order = entries
    .map((_, i) => i)
    .sort(
      (a, b) => Math.max(...(entries[b]?.weights ?? [])) - Math.max(...(entries[a]?.weights ?? [])) || a - b,
    );
  const chosen = entries.map(() => -1);
  for (const i of order) {
    const { household, weights } = entries[i] as (typeof entries)[number];
    const columns = pool.of(household.index);
    addMix(columns, weights, -1);
    const k = pick(columns, weights, -1);
    chosen[i] = k;
    addMix(
      columns,
      [...columns.keys()].map((j) => (j === k ? 1 : 0)),
      1,
    );
  }
  for (let pass = 0; pass < 4; pass++) {
    let moved = false;
    for (const i of order) {
      const { household, weights } = entries[i] as (typeof entries)[number];
      const columns = pool.of(household.index);
      const current = chosen[i] ?? 0;
      const net = (columns[current] as HouseholdPlan).netKw;
      for (let t = 0; t < slots; t++) work[t] = (work[t] ?? 0) - (net[t] ?? 0);
      const k = pick(columns, weights, current);
      const next = (columns[k] as HouseholdPlan).netKw;
      for (let t = 0; t < slots; t++) work[t] = (work[t] ?? 0) + (next[t] ?? 0);
      if (k !== current) moved = true;
      chosen[i] = k;
    }
    if (!moved) break;
  }
  return chosen;
}
