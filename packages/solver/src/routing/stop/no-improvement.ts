import type { StoppingCriterion } from './stopping-criterion.ts';

/**
 * Stops after `maxIterations` consecutive iterations without a strictly better best cost. While no
 * feasible solution exists the best cost stays +∞, so the count runs from the first call: a search that
 * cannot find any feasible plan gives up after the same patience.
 */
export class NoImprovementLimit implements StoppingCriterion {
  readonly maxIterations: number;
  private bestCost = Number.POSITIVE_INFINITY;
  private lastImprovement: number | undefined;

  constructor(maxIterations: number) {
    if (!(maxIterations >= 0)) throw new RangeError(`no-improvement limit must be ≥ 0, got ${maxIterations}`);
    this.maxIterations = maxIterations;
  }

  shouldStop(iteration: number, bestCost: number): boolean {
    if (this.lastImprovement === undefined || bestCost < this.bestCost) {
      this.bestCost = Math.min(this.bestCost, bestCost);
      this.lastImprovement = iteration;
    }
    return iteration - this.lastImprovement >= this.maxIterations;
  }
}
