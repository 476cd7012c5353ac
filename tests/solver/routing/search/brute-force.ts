import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { Penalties, Plan } from '../../../../packages/solver/src/routing/search/plan.ts';

/**
 * Independent reference for the search's cost model, written from the definitions with no shared
 * code: a forward simulation of a route under the time-warp convention of Vidal et al. (2013) — a
 * vehicle arriving after a window closes "travels back" to the closing time and the lateness is
 * counted as time warp — tried at every departure time where the schedule can change (window
 * openings/closings shifted by the no-wait travel time), keeping the least time warp and then the
 * least duration. Duration = travel + service + waiting (warped time included).
 */
export interface SimulatedRoute {
  distance: number;
  duration: number;
  timeWarp: number;
  excessLoad: number;
  cost: number;
}

function isReload(problem: ProblemData, t: number, l: number): boolean {
  if (problem.maxReloads[t]! <= 0) return false;
  for (let i = problem.reloadOffsets[t]!; i < problem.reloadOffsets[t + 1]!; i++) {
    if (problem.reloadDepots[i] === l) return true;
  }
  return false;
}

export function simulateRoute(problem: ProblemData, t: number, visits: readonly number[]): SimulatedRoute {
  const n = problem.numLocations;
  const K = problem.numLoadDims;
  const start = problem.startDepot[t]!;
  const end = problem.endDepot[t]!;
  if (visits.length === 0) return { distance: 0, duration: 0, timeWarp: 0, excessLoad: 0, cost: 0 };

  // Distance.
  let distance = 0;
  let prev = start;
  for (const l of visits) {
    distance += problem.distance[prev * n + l]!;
    prev = l;
  }
  distance += problem.distance[prev * n + end]!;

  // Load, trip by trip.
  let excessLoad = 0;
  const load = Array.from({ length: K }, (_, d) => problem.initialLoad[t * K + d]!);
  const closeTrip = () => {
    for (let d = 0; d < K; d++) excessLoad += Math.max(0, load[d]! - problem.capacity[t * K + d]!);
    load.fill(0);
  };
  for (const l of visits) {
    if (l >= problem.numDepots) for (let d = 0; d < K; d++) load[d] = load[d]! + problem.demand[l * K + d]!;
    else if (isReload(problem, t, l)) closeTrip();
  }
  closeTrip();

  // Time: stops with windows, the end depot's window includes the shift end.
  const stops = [
    ...visits.map((l) => ({
      l,
      e: problem.twEarly[l]!,
      lt: problem.twLate[l]!,
      s: problem.serviceDuration[l]!,
    })),
  ];
  stops.push({
    l: end,
    e: problem.twEarly[end]!,
    lt: Math.min(problem.twLate[end]!, problem.shiftLate[t]!),
    s: 0,
  });
  const e0 = Math.max(problem.shiftEarly[t]!, problem.twEarly[start]!);
  const l0 = problem.twLate[start]!;
  const candidates = [e0];
  if (Number.isFinite(l0)) candidates.push(l0);
  let noWait = 0;
  prev = start;
  for (const stop of stops) {
    noWait += problem.duration[prev * n + stop.l]!;
    candidates.push(stop.e - noWait);
    if (Number.isFinite(stop.lt)) candidates.push(stop.lt - noWait);
    noWait += stop.s;
    prev = stop.l;
  }
  let bestTw = Number.POSITIVE_INFINITY;
  let bestDuration = Number.POSITIVE_INFINITY;
  for (const T of candidates) {
    if (!(T >= e0)) continue;
    let tw = Math.max(0, e0 - l0);
    let time = T;
    if (time > Math.max(l0, e0)) {
      tw += time - Math.max(l0, e0);
      time = Math.max(l0, e0);
    }
    prev = start;
    for (const stop of stops) {
      const arrive = time + problem.duration[prev * n + stop.l]!;
      // An end depot opening after the shift ends: the gap is time warp whatever the arrival.
      const late = Math.max(stop.lt, stop.e);
      tw += Math.max(0, stop.e - stop.lt);
      if (arrive < stop.e) time = stop.e;
      else if (arrive > late) {
        tw += arrive - late;
        time = late;
      } else time = arrive;
      time += stop.s;
      prev = stop.l;
    }
    const duration = time - T + tw;
    if (tw < bestTw - 1e-9 || (Math.abs(tw - bestTw) <= 1e-9 && duration < bestDuration)) {
      bestTw = tw;
      bestDuration = duration;
    }
  }
  const duration = bestDuration;
  const timeWarp = bestTw + Math.max(0, duration - problem.maxDuration[t]!);
  const overtime = Math.max(0, duration - problem.softDurationLimit[t]!);
  const cost =
    problem.fixedCost[t]! +
    problem.unitDistanceCost[t]! * distance +
    problem.unitDurationCost[t]! * duration +
    (overtime > 0 ? problem.overtimeUnitCost[t]! * overtime : 0);
  return { distance, duration, timeWarp, excessLoad, cost };
}

/** Objective and penalised cost of a plan by brute force (missing required clients excluded). */
export function simulatePlan(
  problem: ProblemData,
  plan: Plan,
  penalties: Penalties,
): { cost: number; excessLoad: number; timeWarp: number; penalised: number; missingRequired: number } {
  let cost = 0;
  let excessLoad = 0;
  let timeWarp = 0;
  const seen = new Set<number>();
  for (const route of plan.routes) {
    const r = simulateRoute(problem, route.vehicleType, route.visits);
    cost += r.cost;
    excessLoad += r.excessLoad;
    timeWarp += r.timeWarp;
    for (const l of route.visits) seen.add(l);
  }
  let missingRequired = 0;
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    if (seen.has(l)) continue;
    if (problem.required[l] === 1) missingRequired++;
    else cost += problem.prize[l]!;
  }
  return {
    cost,
    excessLoad,
    timeWarp,
    penalised: cost + penalties.load * excessLoad + penalties.timeWarp * timeWarp,
    missingRequired,
  };
}
