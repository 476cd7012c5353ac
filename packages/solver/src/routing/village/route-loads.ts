import type { ProblemData } from '../model/problem-data.ts';
import { isReload, type RouteSchedule } from './route-schedule.ts';

/**
 * Loads around every insertion slot of a route, computed once per route and reused for every client
 * priced against it (explanations price hundreds of left-out bins against the same routes). Slot `p`
 * lies between visits[p − 1] and visits[p]; slot 0 follows the start depot.
 */
export interface RouteLoads {
  /** `before[p * K + d]`: on board just before slot p. */
  before: Float64Array;
  /** `tripEnd[p * K + d]`: at the end of the trip slot p belongs to — the trip's maximum, as loads only grow within a trip. */
  tripEnd: Float64Array;
  /** Unloads already in the route. */
  reloads: number;
}

const cache = new WeakMap<object, RouteLoads>();

export function routeLoads(
  data: ProblemData,
  route: { vehicleType: number; visits: readonly number[]; schedule: RouteSchedule },
): RouteLoads {
  const cached = cache.get(route);
  if (cached) return cached;
  const K = data.numLoadDims;
  const t = route.vehicleType;
  const L = route.visits.length;
  const before = new Float64Array((L + 1) * K);
  const tripEnd = new Float64Array((L + 1) * K);
  for (let d = 0; d < K; d++) before[d] = data.initialLoad[t * K + d]!;
  let reloads = 0;
  let tripStart = 0;
  const closeTrip = (lastSlot: number) => {
    for (let p = tripStart; p <= lastSlot; p++) {
      for (let d = 0; d < K; d++) tripEnd[p * K + d] = before[lastSlot * K + d]!;
    }
    tripStart = lastSlot + 1;
  };
  route.visits.forEach((l, i) => {
    const unload = l < data.numDepots && isReload(data, t, l);
    if (unload) {
      reloads++;
      // Slot i (just before the unload) is the trip's last; slot i + 1 starts the next, empty.
      closeTrip(i);
    }
    for (let d = 0; d < K; d++) before[(i + 1) * K + d] = unload ? 0 : route.schedule.loadAfter[i * K + d]!;
  });
  closeTrip(L);
  const loads = { before, tripEnd, reloads };
  cache.set(route, loads);
  return loads;
}
