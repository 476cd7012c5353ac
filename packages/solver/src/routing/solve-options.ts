import type { ProgressPoint, SolveResult } from './model/solution.ts';

export interface SolveOptions {
  /** Seed of the random number generator: same problem + options + seed → identical result. */
  seed?: number;
  /** Wall-clock limit in milliseconds (the search may overrun by one iteration). */
  timeLimitMs?: number;
  maxIterations?: number;
  /** Stop after this many iterations without improving the best solution. */
  maxIterationsWithoutImprovement?: number;
  /** Cancellation: the best solution so far is returned. */
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
