import type { ProblemData } from '../model/problem-data.ts';
import type { RouteResult } from '../model/solution.ts';
import type { PlannedRoute } from '../search/plan.ts';
import { bestDepartureTime } from './departure-time.ts';
import type { CapacityViolation, RouteViolation } from './violation.ts';

/**
 * The independent checker's view of one route: a plain forward simulation written from the problem
 * definition (problem-input.ts), deliberately sharing no code with the search's segment arithmetic,
 * so a bug there cannot hide itself here.
 *
 * Semantics, in the order the vehicle lives them:
 * - it leaves the start depot at `bestDepartureTime` (the minimal-duration departure; see there),
 *   carrying the type's `initialLoad`;
 * - at each visit it arrives, waits for the window to open, is late if it arrives after the window
 *   closes (service then starts on arrival), and serves for `serviceDuration`;
 * - a client adds its demand to the load; an allowed reload depot empties the vehicle after its
 *   service and starts a new trip. A depot that is not an allowed reload depot is reported and
 *   treated as a pass-through (no unloading), so it cannot hide a capacity excess;
 * - it arrives at the end depot (no service there), waiting for it to open if early;
 * - cost = fixed + unitDistance·distance + unitDuration·duration + overtime·max(0, duration − soft limit).
 *
 * Visits that are not locations of the problem are reported and skipped (their arrival and load are
 * NaN). An unknown vehicle type cannot be simulated: the route is reported with zero times and cost.
 */
export interface RouteDescription {
  result: RouteResult;
  violations: RouteViolation[];
}

/** True when `a` exceeds `b` by more than floating-point noise (integer data compares exactly). */
export function exceeds(a: number, b: number): boolean {
  return a - b > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function isReloadDepot(problem: ProblemData, vehicleType: number, depot: number): boolean {
  for (let i = problem.reloadOffsets[vehicleType]!; i < problem.reloadOffsets[vehicleType + 1]!; i++) {
    if (problem.reloadDepots[i] === depot) return true;
  }
  return false;
}

function emptyResult(route: PlannedRoute): RouteResult {
  return {
    vehicleType: route.vehicleType,
    visits: [...route.visits],
    startTime: 0,
    endTime: 0,
    distance: 0,
    duration: 0,
    arrival: route.visits.map(() => Number.NaN),
    loadAfter: [],
    cost: 0,
  };
}

export function describeRoute(problem: ProblemData, route: PlannedRoute): RouteDescription {
  const t = route.vehicleType;
  if (!Number.isInteger(t) || t < 0 || t >= problem.numVehicleTypes) {
    return { result: emptyResult(route), violations: [{ kind: 'unknownVehicleType', vehicleType: t }] };
  }
  const { numLocations: n, numDepots, numLoadDims: K } = problem;
  const violations: RouteViolation[] = [];
  const visits = route.visits;

  // Structural checks first; they decide which visits the simulation sees.
  const known: boolean[] = [];
  const stops: number[] = [];
  let reloads = 0;
  visits.forEach((l, position) => {
    const ok = Number.isInteger(l) && l >= 0 && l < n;
    known.push(ok);
    if (!ok) {
      violations.push({ kind: 'unknownLocation', location: l, position });
      return;
    }
    stops.push(l);
    if (l < numDepots) {
      if (isReloadDepot(problem, t, l)) reloads++;
      else violations.push({ kind: 'reloadNotAllowed', location: l, position, vehicleType: t });
    } else if (((problem.allowedTypesMask[l]! >>> t) & 1) === 0) {
      violations.push({ kind: 'vehicleTypeNotAllowed', location: l, position, vehicleType: t });
    }
  });
  if (reloads > problem.maxReloads[t]!) {
    violations.push({ kind: 'tooManyReloads', reloads, maxReloads: problem.maxReloads[t]! });
  }

  const origin = problem.startDepot[t]!;
  const end = problem.endDepot[t]!;
  const departure = bestDepartureTime(problem, t, stops).departure;
  if (exceeds(departure, problem.twLate[origin]!)) {
    const twLate = problem.twLate[origin]!;
    violations.push({
      kind: 'lateDeparture',
      location: origin,
      departure,
      twLate,
      lateness: departure - twLate,
    });
  }

  // Load bookkeeping per trip and dimension.
  const load = new Float64Array(K);
  const capacity = problem.capacity.subarray(t * K, (t + 1) * K);
  for (let d = 0; d < K; d++) load[d] = problem.initialLoad[t * K + d]!;
  let trip = 0;
  let firstExcess: (number | undefined)[] = new Array(K).fill(undefined);
  const noteLoad = (position: number) => {
    for (let d = 0; d < K; d++) {
      if (firstExcess[d] === undefined && exceeds(load[d]!, capacity[d]!)) firstExcess[d] = position;
    }
  };
  const closeTrip = () => {
    for (let d = 0; d < K; d++) {
      const position = firstExcess[d];
      if (position === undefined) continue;
      const excess: CapacityViolation = {
        kind: 'capacity',
        trip,
        dimension: d,
        position,
        load: load[d]!,
        capacity: capacity[d]!,
        excess: load[d]! - capacity[d]!,
      };
      violations.push(excess);
    }
    firstExcess = new Array(K).fill(undefined);
  };
  noteLoad(-1);

  const arrival: number[] = [];
  const loadAfter: number[] = [];
  let time = departure;
  let distance = 0;
  let prev = origin;
  visits.forEach((l, position) => {
    if (!known[position]) {
      arrival.push(Number.NaN);
      for (let d = 0; d < K; d++) loadAfter.push(Number.NaN);
      return;
    }
    distance += problem.distance[prev * n + l]!;
    const arrive = time + problem.duration[prev * n + l]!;
    arrival.push(arrive);
    const twLate = problem.twLate[l]!;
    if (exceeds(arrive, twLate)) {
      violations.push({
        kind: 'lateArrival',
        location: l,
        position,
        arrival: arrive,
        twLate,
        lateness: arrive - twLate,
      });
    }
    time = Math.max(arrive, problem.twEarly[l]!) + problem.serviceDuration[l]!;
    if (l >= numDepots) {
      for (let d = 0; d < K; d++) load[d] = load[d]! + problem.demand[l * K + d]!;
      noteLoad(position);
    } else if (isReloadDepot(problem, t, l)) {
      closeTrip();
      trip++;
      load.fill(0);
    }
    for (let d = 0; d < K; d++) loadAfter.push(load[d]!);
    prev = l;
  });
  closeTrip();

  distance += problem.distance[prev * n + end]!;
  const arriveEnd = time + problem.duration[prev * n + end]!;
  if (exceeds(arriveEnd, problem.twLate[end]!)) {
    const twLate = problem.twLate[end]!;
    violations.push({
      kind: 'lateArrival',
      location: end,
      position: visits.length,
      arrival: arriveEnd,
      twLate,
      lateness: arriveEnd - twLate,
    });
  }
  const endTime = Math.max(arriveEnd, problem.twEarly[end]!);
  const shiftLate = problem.shiftLate[t]!;
  if (exceeds(endTime, shiftLate)) {
    violations.push({ kind: 'shiftEnd', endTime, shiftLate, excess: endTime - shiftLate });
  }
  const duration = endTime - departure;
  const maxDuration = problem.maxDuration[t]!;
  if (exceeds(duration, maxDuration)) {
    violations.push({ kind: 'maxDuration', duration, maxDuration, excess: duration - maxDuration });
  }

  const overtime = Math.max(0, duration - problem.softDurationLimit[t]!);
  const cost =
    problem.fixedCost[t]! +
    problem.unitDistanceCost[t]! * distance +
    problem.unitDurationCost[t]! * duration +
    (overtime > 0 ? problem.overtimeUnitCost[t]! * overtime : 0);

  return {
    result: {
      vehicleType: t,
      visits: [...visits],
      startTime: departure,
      endTime,
      distance,
      duration,
      arrival,
      loadAfter,
      cost,
    },
    violations,
  };
}
