import type { ProblemData } from '../model/problem-data.ts';
import type { RouteResult } from '../model/solution.ts';
import type { Plan } from '../search/plan.ts';
import { describeRoute } from './describe-route.ts';
import type { Violation } from './violation.ts';

export interface PlanCheck {
  routes: RouteResult[];
  /** Client locations no route visits, ascending. */
  unassigned: number[];
  /** Route costs + prizes of unvisited optional clients (the objective the solver minimises). */
  cost: number;
  violations: Violation[];
}

/**
 * Checks a whole plan against the problem definition: every route (see `describeRoute`), then what
 * only the plan as a whole can break — a client visited twice, a required client never visited,
 * more routes of a type than vehicles available.
 *
 * Routes are taken as given: an empty route still counts as a vehicle used (and costs its fixed cost
 * and depot-to-depot trip), because a caller that hands it over means to dispatch it.
 */
export function checkPlan(problem: ProblemData, plan: Plan): PlanCheck {
  const violations: Violation[] = [];
  const routes: RouteResult[] = [];
  const visitsOf = new Map<number, { route: number; position: number }[]>();
  const used = new Map<number, number>();
  let cost = 0;

  plan.routes.forEach((route, r) => {
    const { result, violations: found } = describeRoute(problem, route);
    routes.push(result);
    cost += result.cost;
    for (const v of found) violations.push({ ...v, route: r });
    used.set(route.vehicleType, (used.get(route.vehicleType) ?? 0) + 1);
    route.visits.forEach((l, position) => {
      // Depots may legitimately recur (reloads); unknown locations are already reported per route.
      if (!Number.isInteger(l) || l < problem.numDepots || l >= problem.numLocations) return;
      const seen = visitsOf.get(l);
      if (seen) seen.push({ route: r, position });
      else visitsOf.set(l, [{ route: r, position }]);
    });
  });

  for (const [location, visits] of visitsOf) {
    if (visits.length > 1) violations.push({ kind: 'duplicateVisit', location, visits });
  }

  const unassigned: number[] = [];
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    if (visitsOf.has(l)) continue;
    unassigned.push(l);
    if (problem.required[l] === 1) violations.push({ kind: 'missingRequired', location: l });
    else cost += problem.prize[l]!;
  }

  for (const [vehicleType, count] of used) {
    // Unknown types are reported per route; only known ones have an availability to exceed.
    if (!Number.isInteger(vehicleType) || vehicleType < 0 || vehicleType >= problem.numVehicleTypes) continue;
    const available = problem.numAvailable[vehicleType]!;
    if (count > available) violations.push({ kind: 'fleetExceeded', vehicleType, used: count, available });
  }

  return { routes, unassigned, cost, violations };
}
