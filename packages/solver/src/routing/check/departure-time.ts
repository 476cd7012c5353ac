import type { ProblemData } from '../model/problem-data.ts';

/**
 * The departure time from the start depot that gives a visit order its shortest duration.
 *
 * Why not simply "leave at shift start and wait where needed": duration (end − start, waiting
 * included) is paid for (`unitDurationCost`, overtime) and capped (`maxDuration`), and the search
 * prices a route at its best departure. A checker that departed at shift start would call routes
 * infeasible or dearer than they are. So we compute the best departure from the definition:
 *
 * Departing at T, with waiting at windows and no lateness, the arrival at stop k is
 * `A_k(T) = max(T + P_k, c_k)`, where `P_k` is the travel + service time from the depot to k without
 * waiting and `c_k` is the arrival if the vehicle had left infinitely early (only window openings
 * bind). The end time is likewise `max(T + P, c)`, so the duration `max(P, c − T)` falls as T grows
 * until `T = c − P` (no waiting left) and is flat after. Arriving on time at k needs
 * `T ≤ twLate_k − P_k` (plus `c_k ≤ twLate_k`, which no departure changes). Hence the best feasible
 * departure is `min(latest, c − P)`, not earlier than the earliest allowed departure: among all
 * departures of minimal duration it is the earliest one, which keeps the most slack before each
 * window closes. If even the earliest departure is late somewhere, the route is infeasible and we
 * depart at the earliest time so the reported lateness is the smallest possible.
 *
 * `stops` are the locations between the start and end depots in order (unknown locations already
 * removed); service is counted at every stop, never at the start or end depot.
 */
export function bestDepartureTime(
  problem: ProblemData,
  vehicleType: number,
  stops: readonly number[],
): { departure: number; earliest: number; latest: number } {
  const { numLocations: n, duration, serviceDuration, twEarly, twLate } = problem;
  const origin = problem.startDepot[vehicleType]!;
  const end = problem.endDepot[vehicleType]!;
  const earliest = Math.max(problem.shiftEarly[vehicleType]!, twEarly[origin]!);

  let latest = twLate[origin]!;
  let noWait = 0; // P_k: time since departure without any waiting
  let fromMinusInfinity = Number.NEGATIVE_INFINITY; // c_k bookkeeping: current time if T = −∞
  let prev = origin;
  for (const l of stops) {
    const travel = duration[prev * n + l]!;
    noWait += travel;
    fromMinusInfinity += travel;
    latest = Math.min(latest, twLate[l]! - noWait);
    fromMinusInfinity = Math.max(fromMinusInfinity, twEarly[l]!) + serviceDuration[l]!;
    noWait += serviceDuration[l]!;
    prev = l;
  }
  const travel = duration[prev * n + end]!;
  noWait += travel;
  fromMinusInfinity = Math.max(fromMinusInfinity + travel, twEarly[end]!);
  latest = Math.min(latest, twLate[end]! - noWait, problem.shiftLate[vehicleType]! - noWait);

  // fromMinusInfinity ≥ twEarly[end] ≥ 0, so noWaitDeparture is finite.
  const noWaitDeparture = fromMinusInfinity - noWait;
  const departure = Math.max(earliest, Math.min(latest, noWaitDeparture));
  return { departure, earliest, latest };
}
