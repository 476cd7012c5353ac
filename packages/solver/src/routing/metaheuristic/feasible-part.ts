import { describeRoute } from '../check/describe-route.ts';
import type { RouteViolation } from '../check/violation.ts';
import type { ProblemData } from '../model/problem-data.ts';
import type { Plan, PlannedRoute } from '../search/plan.ts';

/**
 * The largest part of an infeasible plan we can hand over safely: what remains after removing, one
 * visit at a time, whatever the independent checker objects to (a client visited twice keeps its first
 * visit; routes beyond the fleet are dropped). Used only when the search found no feasible plan, so it
 * favours being simple and obviously terminating (each step removes a visit or a route) over being
 * clever about which clients to give up.
 */
export function feasiblePart(problem: ProblemData, plan: Plan): Plan {
  const seen = new Uint8Array(problem.numLocations);
  const used = new Int32Array(problem.numVehicleTypes);
  const routes: PlannedRoute[] = [];
  for (const route of plan.routes) {
    const t = route.vehicleType;
    if (!Number.isInteger(t) || t < 0 || t >= problem.numVehicleTypes) continue;
    if (used[t]! >= problem.numAvailable[t]!) continue;
    const visits: number[] = [];
    for (const l of route.visits) {
      if (!Number.isInteger(l) || l < 0 || l >= problem.numLocations) continue;
      if (l >= problem.numDepots) {
        if (seen[l]) continue;
        seen[l] = 1;
      }
      visits.push(l);
    }
    const repaired = repairRoute(problem, { vehicleType: t, visits });
    // A client this route had to give up may still go in a later one.
    for (const l of visits) if (l >= problem.numDepots) seen[l] = 0;
    if (!repaired) continue;
    for (const l of repaired.visits) if (l >= problem.numDepots) seen[l] = 1;
    routes.push(repaired);
    used[t]!++;
  }
  return { routes };
}

/** Removes offending visits until the route passes the checker; undefined if not even an empty route does. */
function repairRoute(problem: ProblemData, route: PlannedRoute): PlannedRoute | undefined {
  const visits = [...route.visits];
  for (;;) {
    const { violations } = describeRoute(problem, { vehicleType: route.vehicleType, visits });
    const first = violations[0];
    if (!first)
      return visits.some((l) => l >= problem.numDepots)
        ? { vehicleType: route.vehicleType, visits }
        : undefined;
    if (visits.length === 0) return undefined;
    visits.splice(positionToRemove(first, visits, problem.numDepots), 1);
  }
}

function positionToRemove(v: RouteViolation, visits: readonly number[], numDepots: number): number {
  const last = visits.length - 1;
  switch (v.kind) {
    case 'capacity':
    case 'lateArrival':
    case 'vehicleTypeNotAllowed':
    case 'reloadNotAllowed':
    case 'unknownLocation':
      // The visit where it went wrong (the end depot's lateness maps to the last visit).
      return clampPosition(v.position, last);
    case 'tooManyReloads':
      for (let i = last; i >= 0; i--) if (visits[i]! < numDepots) return i;
      return last;
    default:
      // Departure, shift end, duration: give up the last visit; the route gets shorter each time.
      return last;
  }
}

function clampPosition(position: number, last: number): number {
  return Math.max(0, Math.min(position, last));
}
