import { checkPlan } from '../check/check-plan.ts';
import { formatViolation } from '../check/violation.ts';
import { createProblem } from '../model/problem-data.ts';
import type { ProgressPoint, SolveStats } from '../model/solution.ts';
import type { Solve } from '../solve-options.ts';
import { AbortSignalCriterion } from '../stop/abort-signal.ts';
import { AnyOf } from '../stop/any-of.ts';
import { TimeLimit } from '../stop/time-limit.ts';
import { buildProblem } from './build-problem.ts';
import { type CollectionRequestInput, parseCollectionRequest } from './collection-request.ts';
import type { ScheduledRoute } from './insertion-cost.ts';
import { type CollectionPlanResult, mapResult } from './map-result.ts';
import { rebalanceRoutes } from './rebalance.ts';
import { insertProfitableLeftOut } from './repair-plan.ts';
import { scheduleRoute } from './route-schedule.ts';

export interface PlanCollectionOptions {
  /**
   * Wall-clock budget for the search, ms (with `balance`, its last 10 % evens out the days). Default
   * 2,000 (the interactive re-planning target).
   */
  timeLimitMs?: number;
  /** Same request + seed → same plan. Default 1. */
  seed?: number;
  /** Best-cost improvements (VND) as the search finds them. */
  onProgress?: (point: ProgressPoint) => void;
  /** Cancels the search; the best plan found so far is returned. */
  signal?: AbortSignal;
}

export const DEFAULT_PLAN_TIME_LIMIT_MS = 2_000;

/** With `balance`, the share of the time limit kept for evening out the days after the search. */
const BALANCE_SHARE = 0.1;

const NO_SEARCH: SolveStats = { iterations: 0, elapsedMs: 0, progress: [] };

/**
 * The whole pipeline with the solver passed in, so it can be tested against any `Solve` and does not
 * depend on which search is wired: validate → pre-check and build → solve → (balance: even out the
 * days, rebalance.ts) → repair pass → map back.
 */
export function planCollectionWith(
  solve: Solve,
  request: CollectionRequestInput,
  options: PlanCollectionOptions = {},
): CollectionPlanResult {
  const started = performance.now();
  const built = buildProblem(parseCollectionRequest(request));
  const data = createProblem(built.input);
  const seed = options.seed ?? 1;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_PLAN_TIME_LIMIT_MS;
  const balance = built.request.balance;
  let routes: ScheduledRoute[] = [];
  let leftOut: number[] = [];
  let solved = { stats: NO_SEARCH };
  if (data.numClients > 0) {
    const result = solve(data, {
      seed,
      timeLimitMs: balance ? timeLimitMs * (1 - BALANCE_SHARE) : timeLimitMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // Re-simulated from the solver's departure with the documented rules: ETAs and loads come from one
    // place, and the repair pass and the explanations price insertions on the same schedule.
    routes = result.routes.map((r) => ({
      vehicleType: r.vehicleType,
      visits: r.visits,
      schedule: scheduleRoute(data, r.vehicleType, r.visits, r.startTime),
    }));
    leftOut = result.unassigned;
    solved = { stats: result.stats };
    if (balance && result.feasible && !options.signal?.aborted) {
      const remainingMs = Math.max(timeLimitMs * BALANCE_SHARE, timeLimitMs - (performance.now() - started));
      const deadline = new AnyOf([
        new TimeLimit(remainingMs),
        ...(options.signal ? [new AbortSignalCriterion(options.signal)] : []),
      ]);
      ({ routes, leftOut } = rebalanceRoutes(built, data, routes, leftOut, { seed, deadline }));
    }
  }
  const repaired = insertProfitableLeftOut(data, routes, leftOut, built.sunkTypes);
  // Judge the plan we hand out, after the repair pass, with the independent checker rather than
  // trusting the search's own flag.
  const check = checkPlan(data, {
    routes: repaired.routes.map((r) => ({ vehicleType: r.vehicleType, visits: [...r.visits] })),
  });
  const name = (l: number) => built.locations[l]?.id ?? `location ${l}`;
  const violations = check.violations.map((v) => formatViolation(v, name));
  return mapResult(built, data, repaired.routes, repaired.leftOut, {
    feasible: violations.length === 0,
    violations,
    stats: solved.stats,
  });
}
