import type { ProblemData } from '../model/problem-data.ts';

/**
 * A route lived forward from a given departure, with the problem's rules (the same the independent
 * checker states in check/describe-route.ts): wait for a window to open, serve, a client adds its
 * demand, a reload depot empties the vehicle after its service, the end depot has no service and is
 * waited for if early. Used for ETAs and for pricing an insertion; deliberately separate from the
 * search's internals so we rely only on the documented semantics of `SolveResult`.
 */
export interface RouteSchedule {
  startTime: number;
  arrival: number[];
  serviceStart: number[];
  departure: number[];
  /** `loadAfter[i * K + d]`. */
  loadAfter: number[];
  distance: number;
  /** Arrival at the end depot, and the same after waiting for it to open. */
  endArrival: number;
  endTime: number;
}

export function isReload(data: ProblemData, vehicleType: number, location: number): boolean {
  for (let i = data.reloadOffsets[vehicleType]!; i < data.reloadOffsets[vehicleType + 1]!; i++) {
    if (data.reloadDepots[i] === location) return true;
  }
  return false;
}

export function scheduleRoute(
  data: ProblemData,
  vehicleType: number,
  visits: readonly number[],
  startTime: number,
): RouteSchedule {
  const { numLocations: n, numLoadDims: K, numDepots } = data;
  const load = Array.from({ length: K }, (_, d) => data.initialLoad[vehicleType * K + d]!);
  const arrival: number[] = [];
  const serviceStart: number[] = [];
  const departure: number[] = [];
  const loadAfter: number[] = [];
  let prev = data.startDepot[vehicleType]!;
  let time = startTime;
  let distance = 0;
  for (const l of visits) {
    distance += data.distance[prev * n + l]!;
    const arrive = time + data.duration[prev * n + l]!;
    const start = Math.max(arrive, data.twEarly[l]!);
    time = start + data.serviceDuration[l]!;
    arrival.push(arrive);
    serviceStart.push(start);
    departure.push(time);
    if (l >= numDepots) {
      for (let d = 0; d < K; d++) load[d] = load[d]! + data.demand[l * K + d]!;
    } else if (isReload(data, vehicleType, l)) {
      load.fill(0);
    }
    loadAfter.push(...load);
    prev = l;
  }
  const end = data.endDepot[vehicleType]!;
  distance += data.distance[prev * n + end]!;
  const endArrival = time + data.duration[prev * n + end]!;
  return {
    startTime,
    arrival,
    serviceStart,
    departure,
    loadAfter,
    distance,
    endArrival,
    endTime: Math.max(endArrival, data.twEarly[end]!),
  };
}

/** The route cost as the solver states it: fixed + distance + duration + overtime beyond the soft limit. */
export function routeCost(
  data: ProblemData,
  vehicleType: number,
  distance: number,
  duration: number,
): number {
  const overtime = Math.max(0, duration - data.softDurationLimit[vehicleType]!);
  return (
    data.fixedCost[vehicleType]! +
    data.unitDistanceCost[vehicleType]! * distance +
    data.unitDurationCost[vehicleType]! * duration +
    (overtime > 0 ? data.overtimeUnitCost[vehicleType]! * overtime : 0)
  );
}
