import type { ProgressPoint, SolveResult } from './model/solution.ts';

export interface SolveOptions {
  /** Seed of the random number generator: same problem + options + seed → identical result. */
  seed?: number;
  /**
   * Wall-clock limit in milliseconds, set-up included. Once a feasible plan exists the local search
   * polls it too, so `solve` returns within a few ms of it (plus the final check). Before that a
   * descent is allowed to finish (cutting it would leave nothing feasible to return), and one
   * constructed plan is always built and educated.
   */
  timeLimitMs?: number;
  maxIterations?: number;
  /** Stop after this many iterations without improving the best solution. */
  maxIterationsWithoutImprovement?: number;
  /** Cancellation, also polled inside the local search: the best solution so far is returned. */
  signal?: AbortSignal;
  /** Called whenever the best feasible cost improves. */
  onProgress?: (point: ProgressPoint) => void;
  /** Injected wall clock (ms), for deterministic tests of time limits. */
  now?: () => number;
}

export type Solve = (
  problem: import('./model/problem-data.ts').ProblemData,
  options?: SolveOptions,
) => SolveResult;
