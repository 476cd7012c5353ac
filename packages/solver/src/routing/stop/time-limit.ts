import type { BudgetedCriterion } from './budget.ts';

/**
 * Stops once `limitMs` of wall-clock time have passed since construction. The clock is injected
 * (`SolveOptions.now`) so tests of time limits are deterministic.
 */
export class TimeLimit implements BudgetedCriterion {
  readonly limitMs: number;
  private readonly now: () => number;
  private readonly start: number;

  constructor(limitMs: number, now: () => number = () => performance.now()) {
    if (!(limitMs >= 0)) throw new RangeError(`time limit must be ≥ 0 ms, got ${limitMs}`);
    this.limitMs = limitMs;
    this.now = now;
    this.start = now();
  }

  elapsedMs(): number {
    return this.now() - this.start;
  }

  shouldStop(): boolean {
    return this.elapsedMs() >= this.limitMs;
  }

  /** Same as `shouldStop`, for work inside an iteration; an infinite limit never reads the clock. */
  expired(): boolean {
    return this.limitMs !== Number.POSITIVE_INFINITY && this.elapsedMs() >= this.limitMs;
  }

  fractionUsed(): number {
    if (this.limitMs === Number.POSITIVE_INFINITY) return 0;
    return this.limitMs === 0 ? 1 : Math.min(1, this.elapsedMs() / this.limitMs);
  }
}
