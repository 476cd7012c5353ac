/**
 * Public API of the metaheuristic layer — hybrid genetic search, its parts, the stopping criteria and
 * the `solve` extras — re-exported as one line from the routing index.
 */

export type { ProgressPoint, SolveStats } from '../model/solution.ts';
export {
  DEFAULT_MAX_ITERATIONS_WITHOUT_IMPROVEMENT,
  DEFAULT_TIME_LIMIT_MS,
  InternalSolverError,
  type SolveWiring,
  solveWith,
  stoppingCriterion,
} from '../solve.ts';
export type { Solve } from '../solve-options.ts';
export { AbortSignalCriterion } from '../stop/abort-signal.ts';
export { AnyOf, anyOf } from '../stop/any-of.ts';
export { type BudgetedCriterion, fractionUsed } from '../stop/budget.ts';
export { type Deadline, deadlineOf, NO_DEADLINE } from '../stop/deadline.ts';
export { IterationLimit } from '../stop/iteration-limit.ts';
export { NoImprovementLimit } from '../stop/no-improvement.ts';
export type { StoppingCriterion } from '../stop/stopping-criterion.ts';
export { TimeLimit } from '../stop/time-limit.ts';
export { brokenPairsDistance, fillNeighbours } from './broken-pairs.ts';
export type { Crossover } from './crossover/crossover.ts';
export { InsertionRepair } from './crossover/insertion-repair.ts';
export { MixedCrossover } from './crossover/mixed-crossover.ts';
export { OrderedCrossover } from './crossover/ordered-crossover.ts';
export { SelectiveRouteExchange } from './crossover/selective-route-exchange.ts';
export { isGiantTourProblem, Split } from './crossover/split.ts';
export { feasiblePart } from './feasible-part.ts';
export { HybridGeneticSearch } from './hgs.ts';
export { type CrossoverKind, DEFAULT_HGS_PARAMS, type HgsParams, hgsParams } from './hgs-params.ts';
export type {
  Metaheuristic,
  MetaheuristicOutcome,
  MetaheuristicRun,
  ScoredPlan,
  SearchComponents,
} from './metaheuristic.ts';
export {
  DEFAULT_PENALTY_PARAMS,
  initialPenalties,
  PenaltyManager,
  type PenaltyParams,
} from './penalty-manager.ts';
export { defaultSearchComponents } from './search-components.ts';
export { unservableClients, withoutClients } from './unservable-clients.ts';
