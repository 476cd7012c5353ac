import { createRng } from '@village/domain';
import { checkPlan } from './check/check-plan.ts';
import { formatViolation } from './check/violation.ts';
import { feasiblePart } from './metaheuristic/feasible-part.ts';
import { HybridGeneticSearch } from './metaheuristic/hgs.ts';
import type { HgsParams } from './metaheuristic/hgs-params.ts';
import type { Metaheuristic, SearchComponents } from './metaheuristic/metaheuristic.ts';
import { defaultSearchComponents } from './metaheuristic/search-components.ts';
import { unservableClients, withoutClients } from './metaheuristic/unservable-clients.ts';
import type { ProblemData } from './model/problem-data.ts';
import type { ProgressPoint, SolveResult } from './model/solution.ts';
import type { Plan } from './search/plan.ts';
import type { SolveOptions } from './solve-options.ts';
import { AbortSignalCriterion } from './stop/abort-signal.ts';
import { AnyOf } from './stop/any-of.ts';
import { IterationLimit } from './stop/iteration-limit.ts';
import { NoImprovementLimit } from './stop/no-improvement.ts';
import type { StoppingCriterion } from './stop/stopping-criterion.ts';
import { TimeLimit } from './stop/time-limit.ts';

/** Without any limit in the options: stop after 10 s, or earlier once the search stagnates. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;
export const DEFAULT_MAX_ITERATIONS_WITHOUT_IMPROVEMENT = 20_000;

/** The solver produced a plan its own independent checker rejects: a bug, never a property of the input. */
export class InternalSolverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalSolverError';
  }
}

/** Replaceable parts of `solve`, for tests and for trying other metaheuristics. */
export interface SolveWiring {
  components?: (problem: ProblemData) => SearchComponents;
  metaheuristic?: (problem: ProblemData, components: SearchComponents) => Metaheuristic;
  hgs?: Partial<HgsParams>;
}

/**
 * Solves a routing problem: hybrid genetic search until the options' limits, then the best feasible
 * plan, re-simulated and verified by the independent checker. The solver never returns a route that
 * breaks a hard constraint — if the checker disagrees with the search, that is an `InternalSolverError`.
 *
 * Clients no vehicle could serve even alone are kept out of the search (they cannot stall or crash it)
 * and come back in `unassigned`. When no feasible plan is found at all (within the limits, or because
 * required clients are unservable or the fleet is too small) the result is the best plan's feasible
 * part, with the rest unassigned and `feasible: false`.
 */
export function solve(problem: ProblemData, options: SolveOptions = {}): SolveResult {
  return solveWith(problem, options, {});
}

export function solveWith(problem: ProblemData, options: SolveOptions, wiring: SolveWiring): SolveResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // Started now, so the set-up below (neighbourhoods, constructions) counts against the time limit.
  const stop = stoppingCriterion(options, now);
  const unservable = unservableClients(problem);
  const searchProblem = withoutClients(problem, unservable);
  // Unservable optional clients are out of the search but their prizes are still forgone.
  let forgonePrizes = 0;
  for (const c of unservable) if (problem.required[c] === 0) forgonePrizes += problem.prize[c]!;

  const progress: ProgressPoint[] = [];
  let plan: Plan = { routes: [] };
  let iterations = 0;
  if (unservable.length < problem.numClients) {
    const components = (wiring.components ?? defaultSearchComponents)(searchProblem);
    const search =
      wiring.metaheuristic?.(searchProblem, components) ??
      new HybridGeneticSearch(searchProblem, components, wiring.hgs ?? {});
    const outcome = search.run({
      stop,
      rng: createRng(options.seed ?? 1),
      onNewBest: (best, iteration) => {
        const point = {
          elapsedMs: now() - started,
          iteration,
          bestCost: best.evaluation.cost + forgonePrizes,
        };
        progress.push(point);
        options.onProgress?.(point);
      },
    });
    iterations = outcome.iterations;
    plan = outcome.bestFeasible?.plan ?? feasiblePart(problem, outcome.bestOverall?.plan ?? plan);
  }

  const check = checkPlan(problem, plan);
  const broken = check.violations.filter((v) => v.kind !== 'missingRequired');
  if (broken.length > 0) {
    throw new InternalSolverError(
      `the search returned a plan the checker rejects: ${broken
        .slice(0, 5)
        .map((v) => formatViolation(v))
        .join('; ')}`,
    );
  }
  return {
    routes: check.routes,
    unassigned: check.unassigned,
    cost: check.cost,
    feasible: check.violations.length === 0,
    stats: { iterations, elapsedMs: now() - started, progress },
  };
}

/** The options' limits combined; with none given, a 10-second / stagnation default. */
export function stoppingCriterion(options: SolveOptions, now: () => number): StoppingCriterion {
  const { timeLimitMs, maxIterations, maxIterationsWithoutImprovement, signal } = options;
  const bounded =
    timeLimitMs !== undefined || maxIterations !== undefined || maxIterationsWithoutImprovement !== undefined;
  const criteria: StoppingCriterion[] = [
    new TimeLimit(timeLimitMs ?? (bounded ? Number.POSITIVE_INFINITY : DEFAULT_TIME_LIMIT_MS), now),
  ];
  if (maxIterations !== undefined) criteria.push(new IterationLimit(maxIterations));
  const patience =
    maxIterationsWithoutImprovement ?? (bounded ? undefined : DEFAULT_MAX_ITERATIONS_WITHOUT_IMPROVEMENT);
  if (patience !== undefined) criteria.push(new NoImprovementLimit(patience));
  if (signal) criteria.push(new AbortSignalCriterion(signal));
  return new AnyOf(criteria);
}
