import type { ProblemData } from '../model/problem-data.ts';
import { cheapestInsertion, type ScheduledRoute } from './insertion-cost.ts';
import { scheduleRoute } from './route-schedule.ts';

/**
 * One greedy pass over the clients the search left out: a required client goes in wherever it fits
 * feasibly; an optional one only if its prize beats its cheapest feasible insertion cost. A
 * metaheuristic stopped by a time limit can leave such gains behind, and without this pass the
 * explanation "cost X > value Y" could be false for a bin that was simply not tried. Feasibility is
 * preserved: every insertion is checked (insertion-cost.ts) before it is made.
 */
export function insertProfitableLeftOut(
  data: ProblemData,
  routes: readonly ScheduledRoute[],
  leftOut: readonly number[],
  sunkTypes: readonly boolean[],
): { routes: ScheduledRoute[]; leftOut: number[] } {
  const result = [...routes];
  const remaining: number[] = [];
  // Required first, then the most valuable: scarce room goes to what matters most.
  const order = [...leftOut].sort(
    (a, b) => data.required[b]! - data.required[a]! || data.prize[b]! - data.prize[a]! || a - b,
  );
  for (const client of order) {
    // An optional client is only worth a slot cheaper than its prize: no need to price the others.
    const required = data.required[client] === 1;
    const bound = required ? Number.POSITIVE_INFINITY : data.prize[client]! - 1e-6;
    const insertion = cheapestInsertion(data, client, result, sunkTypes, bound);
    if (!insertion) {
      remaining.push(client);
      continue;
    }
    if (insertion.kind === 'existing') {
      const route = result[insertion.route]!;
      const visits = [...route.visits];
      visits.splice(insertion.position, 0, ...insertion.sequence);
      result[insertion.route] = {
        vehicleType: route.vehicleType,
        visits,
        schedule: scheduleRoute(data, route.vehicleType, visits, route.schedule.startTime),
      };
    } else {
      result.push({
        vehicleType: insertion.vehicleType,
        visits: insertion.sequence,
        schedule: scheduleRoute(data, insertion.vehicleType, insertion.sequence, insertion.startTime),
      });
    }
  }
  return { routes: result, leftOut: remaining.sort((a, b) => a - b) };
}
