import type { StoppingCriterion } from './stopping-criterion.ts';

/**
 * Stops once the caller aborts. The search is synchronous, so the signal can only flip from code the
 * search itself calls (e.g. an `onProgress` handler) or between solves; we still poll it every
 * iteration because that is where a cancellation must take effect.
 */
export class AbortSignalCriterion implements StoppingCriterion {
  private readonly signal: AbortSignal;

  constructor(signal: AbortSignal) {
    this.signal = signal;
  }

  shouldStop(): boolean {
    return this.signal.aborted;
  }
}
