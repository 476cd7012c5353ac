import type { Rng } from '@village/domain';
import type { ProblemData } from '../model/problem-data.ts';
import { createOperatorContext } from '../operators/operator.ts';
import { OptionalClients } from '../operators/optional-clients.ts';
import { missingRequiredCost } from '../search/evaluate-plan.ts';
import type { Plan } from '../search/plan.ts';
import type { Route } from '../search/route.ts';
import { RouteSet } from '../search/route-set.ts';
import { createSearchData } from '../search/search-data.ts';
import { TripInsertion } from './trip-insertion.ts';

export interface InsertionOptions {
  /** Start from these routes (repair) instead of an empty plan; their clients stay where they are. */
  initial?: Plan;
  /**
   * Order of insertion: 'farthest' (required clients far from their depot first — they shape the
   * routes, classic for cheapest insertion) or 'random' (needs `rng`; for diverse plans).
   */
  order?: 'farthest' | 'random';
}

/**
 * Cheapest insertion honouring every constraint: clients are inserted one at a time at the position
 * (any route, any place, or a new vehicle of any type with one free) that raises the cost least,
 * with violations priced far above any travel cost, so a constraint is only broken when no
 * position keeps the plan feasible. Required clients are always inserted; optional ones only when
 * their prize pays for the detour. Every candidate is priced in O(1) from the route caches, so a
 * whole construction is O(n · positions) = O(n²). Where vehicles may unload mid-route (reload
 * depots: disposal trips), a position whose trip the client would overload is also priced with a
 * reload visit next to the client (a new trip), so the plan comes out with its disposal trips and,
 * time allowing, feasible — the search's first feasible plan is then its first plan.
 *
 * Also the repair step for partial plans (`initial`): missing clients are inserted into them.
 */
export function insertionPlan(problem: ProblemData, rng?: Rng, options: InsertionOptions = {}): Plan {
  const data = createSearchData(problem);
  // Violations dominate: one unit of excess costs more than the largest sensible detour.
  const big = missingRequiredCost(problem) / 1e3;
  data.costs.setPenalties({ load: big, timeWarp: big });
  const ctx = createOperatorContext(data);
  ctx.exact = true;
  const routes = new RouteSet(data);
  routes.load(options.initial ?? { routes: [] });
  const optional = new OptionalClients(ctx);
  const trip = data.hasReloads ? new TripInsertion(ctx, optional) : undefined;

  const pending: number[] = [];
  for (let l = problem.numDepots; l < problem.numLocations; l++)
    if (routes.routeOf[l] === -1) pending.push(l);
  orderClients(problem, pending, options.order ?? 'farthest', rng);

  // Required clients first: optional ones should fill the routes the required ones make.
  for (const pass of [1, 0]) {
    for (const x of pending) {
      if (problem.required[x] !== pass) continue;
      let best = Number.POSITIVE_INFINITY;
      let bestRoute: Route | undefined;
      let bestPos = 0;
      let bestWithReload = false;
      const consider = (R: Route): void => {
        for (let j = 0; j <= R.size; j++) {
          const delta = optional.evaluateInsert(x, R, j);
          if (delta < best) {
            best = delta;
            bestRoute = R;
            bestPos = j;
            bestWithReload = false;
          }
          if (!trip?.overloads(x, R, j)) continue;
          const withReload = trip.evaluate(x, R, j);
          if (withReload < best) {
            best = withReload;
            bestRoute = R;
            bestPos = j;
            bestWithReload = true;
          }
        }
      };
      for (const R of routes.routes) if (R.size > 0) consider(R);
      for (let t = 0; t < problem.numVehicleTypes; t++) {
        const E = routes.emptyRoute(t);
        if (E) consider(E);
      }
      if (bestRoute && (pass === 1 || best < 0)) {
        if (trip && bestWithReload) {
          trip.evaluate(x, bestRoute, bestPos); // the evaluation `apply` performs
          trip.apply(x, bestRoute, bestPos);
        } else {
          optional.applyInsert(x, bestRoute, bestPos);
        }
        routes.update(bestRoute);
      }
    }
  }
  return routes.export();
}

function orderClients(
  problem: ProblemData,
  clients: number[],
  order: 'farthest' | 'random',
  rng?: Rng,
): void {
  if (order === 'random') {
    if (!rng) throw new RangeError("insertionPlan: order 'random' needs an rng");
    for (let k = clients.length - 1; k > 0; k--) {
      const r = rng.int(k + 1);
      const tmp = clients[k]!;
      clients[k] = clients[r]!;
      clients[r] = tmp;
    }
    return;
  }
  // Distance from the nearest start depot of any vehicle type that may serve the client.
  const n = problem.numLocations;
  const far = new Float64Array(n);
  for (const x of clients) {
    let d = Number.POSITIVE_INFINITY;
    for (let t = 0; t < problem.numVehicleTypes; t++) {
      if (((problem.allowedTypesMask[x]! >>> t) & 1) === 0) continue;
      d = Math.min(d, problem.distance[problem.startDepot[t]! * n + x]!);
    }
    far[x] = Number.isFinite(d) ? d : 0;
  }
  clients.sort((a, b) => far[b]! - far[a]! || a - b);
}
