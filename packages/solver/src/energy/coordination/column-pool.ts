import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import { cloneHouseholdPlan, type HouseholdPlan } from '../model/household-plan.ts';

/**
 * The distinct plans each household proposed while prices moved: the columns of the restricted
 * Dantzig–Wolfe master that recovers a primal plan from the dual. Bounded per household (oldest
 * first out) so memory stays flat however long the dual runs.
 */
export class ColumnPool {
  private readonly columns: HouseholdPlan[][];
  private readonly limit: number;

  constructor(households: number, limit: number) {
    this.columns = Array.from({ length: households }, () => []);
    this.limit = limit;
  }

  record(household: CompiledHousehold, plan: HouseholdPlan): void {
    const list = this.columns[household.index];
    if (!list) return;
    if (list.some((column) => sameNet(column.netKw, plan.netKw))) return;
    if (list.length >= this.limit) list.shift();
    list.push(cloneHouseholdPlan(plan));
  }

  of(index: number): readonly HouseholdPlan[] {
    return this.columns[index] ?? [];
  }
}

function sameNet(a: Float64Array, b: Float64Array): boolean {
  for (let t = 0; t < a.length; t++) if (Math.abs((a[t] ?? 0) - (b[t] ?? 0)) > 1e-9) return false;
  return true;
}
