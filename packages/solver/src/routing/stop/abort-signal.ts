import type { StoppingCriterion } from './stopping-criterion.ts';

/**
 * Stops once the caller aborts. The search is synchronous, so the signal can only flip from code the
 * search itself calls (e.g. an `onProgress` handler) or between solves; we poll it every iteration and,
 * as a deadline, inside the local search, so a cancellation takes effect within a descent.
 */
export class AbortSignalCriterion implements StoppingCriterion {
  private readonly signal: AbortSignal;

  constructor(signal: AbortSignal) {
    this.signal = signal;
  }

  shouldStop(): boolean {
    return this.signal.aborted;
  }

  expired(): boolean {
    return this.signal.aborted;
  }
}
