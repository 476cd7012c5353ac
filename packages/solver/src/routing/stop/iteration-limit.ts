import type { BudgetedCriterion } from './budget.ts';

/** Stops after `maxIterations` iterations: the deterministic budget (same seed → same result). */
export class IterationLimit implements BudgetedCriterion {
  readonly maxIterations: number;
  private lastIteration = 0;

  constructor(maxIterations: number) {
    if (!(maxIterations >= 0)) throw new RangeError(`iteration limit must be ≥ 0, got ${maxIterations}`);
    this.maxIterations = maxIterations;
  }

  shouldStop(iteration: number): boolean {
    this.lastIteration = iteration;
    return iteration >= this.maxIterations;
  }

  fractionUsed(): number {
    if (this.maxIterations === Number.POSITIVE_INFINITY) return 0;
    return this.maxIterations === 0 ? 1 : Math.min(1, this.lastIteration / this.maxIterations);
  }
}
