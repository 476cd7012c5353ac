import { type BudgetedCriterion, fractionUsed } from './budget.ts';
import type { StoppingCriterion } from './stopping-criterion.ts';

/**
 * Stops as soon as one of `criteria` says so. Every criterion is asked every time (no short-circuit):
 * stateful ones (no-improvement) must see each iteration to keep their counts right.
 */
export class AnyOf implements BudgetedCriterion {
  private readonly criteria: readonly StoppingCriterion[];

  constructor(criteria: readonly StoppingCriterion[]) {
    this.criteria = criteria;
  }

  shouldStop(iteration: number, bestCost: number): boolean {
    let stop = false;
    for (const criterion of this.criteria) {
      if (criterion.shouldStop(iteration, bestCost)) stop = true;
    }
    return stop;
  }

  /** Any part's deadline (parts without one never interrupt). */
  expired(): boolean {
    for (const criterion of this.criteria) if (criterion.expired?.()) return true;
    return false;
  }

  /** The most advanced budget among the parts: the first to run out ends the search. */
  fractionUsed(): number {
    let used = 0;
    for (const criterion of this.criteria) used = Math.max(used, fractionUsed(criterion));
    return used;
  }
}

export function anyOf(...criteria: StoppingCriterion[]): AnyOf {
  return new AnyOf(criteria);
}
