import type { StoppingCriterion } from './stopping-criterion.ts';

/**
 * A criterion that knows how much of its budget is spent. The metaheuristic uses it to bound phases
 * that must not eat the whole run (e.g. building the initial population on a 1-second limit); the
 * search itself never needs it to stop.
 */
export interface BudgetedCriterion extends StoppingCriterion {
  /** In [0, 1]: 0 at the start, 1 when `shouldStop` will answer true for budget reasons. */
  fractionUsed(): number;
}

export function isBudgeted(criterion: StoppingCriterion): criterion is BudgetedCriterion {
  return typeof (criterion as Partial<BudgetedCriterion>).fractionUsed === 'function';
}

/** The share of the budget used by `criterion`, or 0 when it has no notion of a budget. */
export function fractionUsed(criterion: StoppingCriterion): number {
  return isBudgeted(criterion) ? criterion.fractionUsed() : 0;
}
