/**
 * Public API of the routing engine. The search core (local search, operators, constructions, plan
 * evaluation) is exported here; the model, checker, CVRPLIB I/O and `solve` are re-exported so
 * callers (scripts, the village planner) have one entry point.
 */

export { checkPlan, type PlanCheck } from './check/check-plan.ts';
export { bestDepartureTime } from './check/departure-time.ts';
export { describeRoute, type RouteDescription } from './check/describe-route.ts';
export type {
  CapacityViolation,
  DuplicateVisitViolation,
  FleetExceededViolation,
  LateArrivalViolation,
  LateDepartureViolation,
  MaxDurationViolation,
  MissingRequiredViolation,
  ReloadNotAllowedViolation,
  RouteViolation,
  ShiftEndViolation,
  TooManyReloadsViolation,
  UnknownLocationViolation,
  UnknownVehicleTypeViolation,
  VehicleTypeNotAllowedViolation,
} from './check/violation.ts';
export { formatViolation, type Violation, type ViolationKind } from './check/violation.ts';
export { type InsertionOptions, insertionPlan } from './construction/insertion.ts';
export { randomPlan } from './construction/random-plan.ts';
export { savingsPlan } from './construction/savings.ts';
export { CvrplibFormatError, type CvrplibInstance, euc2dDistance, parseCvrplib } from './io/cvrplib.ts';
export {
  type CvrplibSolution,
  CvrplibSolutionFormatError,
  formatCvrplibSolution,
  parseCvrplibSolution,
} from './io/cvrplib-solution.ts';
export { NodeRoutesError, nodeRoutesFromPlan, planFromNodeRoutes } from './io/node-routes.ts';
export * from './metaheuristic/index.ts';
export { createProblem, type ProblemData, ProblemInputError } from './model/problem-data.ts';
export type { ClientInput, DepotInput, ProblemInput, VehicleTypeInput } from './model/problem-input.ts';
export type { RouteResult, SolveResult } from './model/solution.ts';
export { CostEvaluator, problemUsesDuration } from './search/cost-evaluator.ts';
export { evaluatePlan, missingRequiredCost } from './search/evaluate-plan.ts';
export { createLocalSearch, LocalSearch, type LocalSearchOptions } from './search/local-search.ts';
export {
  computeNeighbourhood,
  type Neighbourhood,
  type NeighbourhoodOptions,
} from './search/neighbourhood.ts';
export type { Evaluation, LocalSearchEngine, Penalties, Plan, PlannedRoute } from './search/plan.ts';
export { solve } from './solve.ts';
export type { SolveOptions } from './solve-options.ts';
