/**
 * Decides when the search ends. Called once per iteration with the best feasible cost so far; must be
 * cheap. Implementations: time limit, iteration limit, no-improvement limit, abort signal, any-of.
 */
export interface StoppingCriterion {
  shouldStop(iteration: number, bestCost: number): boolean;
}
