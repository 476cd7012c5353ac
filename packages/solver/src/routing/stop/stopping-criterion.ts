/**
 * Decides when the search ends. Called once per iteration with the best feasible cost so far; must be
 * cheap. Implementations: time limit, iteration limit, no-improvement limit, abort signal, any-of.
 */
export interface StoppingCriterion {
  shouldStop(iteration: number, bestCost: number): boolean;
  /**
   * Whether work in progress should be abandoned now (see deadline.ts). Only wall-clock and
   * cancellation criteria implement it; it must not depend on the iteration or the best cost.
   */
  expired?(): boolean;
}
