/**
 * Milliseconds on a monotonic clock. Every deadline in the scheduler is read through one, so tests
 * can inject a clock that runs out after a fixed number of reads: the same run, stopped at the same
 * point, every time.
 */
export type Clock = () => number;

export const wallClock: Clock = () => performance.now();
