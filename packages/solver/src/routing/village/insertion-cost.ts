import type { ProblemData } from '../model/problem-data.ts';
import { type RouteLoads, routeLoads } from './route-loads.ts';
import { type RouteSchedule, routeCost, scheduleRoute } from './route-schedule.ts';

/**
 * What it would cost to add one left-out client to the final plan: the cheapest FEASIBLE insertion
 * into an existing route (capacity of the trip, every later window, the disposal site's hours, shift
 * end, maximum duration), or a vehicle not used yet. Feasibility matters for the explanation: an
 * infeasible cheap slot would give "cost 3,000 < value 20,000" for a bin that was rightly left out.
 *
 * When the trip at a slot is full, the client may come with an extra unload: [client, disposal] (the
 * truck unloads right after it) or [disposal, client] (it unloads first). Without this a bin next to a
 * full truck would read "no room" when the truth is "not worth an extra disposal trip".
 *
 * Later stops keep their old times when the push-forward is absorbed by waiting, and the departure is
 * not re-optimised, so the figure is a slight over-estimate at worst, never an under-estimate.
 */
export interface ScheduledRoute {
  vehicleType: number;
  visits: readonly number[];
  schedule: RouteSchedule;
}

const EPS = 1e-6;

function allowed(data: ProblemData, client: number, t: number): boolean {
  return ((data.allowedTypesMask[client]! >>> t) & 1) === 1;
}

/** Does the client fit on top of `load[offset .. offset + K)` (optionally minus `minus[...]`)? */
function fits(
  data: ProblemData,
  client: number,
  t: number,
  load: Float64Array,
  offset: number,
  minus?: Float64Array,
): boolean {
  const K = data.numLoadDims;
  for (let d = 0; d < K; d++) {
    const onBoard = load[offset + d]! - (minus ? minus[offset + d]! : 0);
    if (onBoard + data.demand[client * K + d]! > data.capacity[t * K + d]! + EPS) return false;
  }
  return true;
}

function endWithinLimits(
  data: ProblemData,
  t: number,
  endArrival: number,
  startTime: number,
): number | undefined {
  const end = data.endDepot[t]!;
  if (endArrival > data.twLate[end]! + EPS) return undefined;
  const endTime = Math.max(endArrival, data.twEarly[end]!);
  if (endTime > data.shiftLate[t]! + EPS || endTime - startTime > data.maxDuration[t]! + EPS)
    return undefined;
  return endTime;
}

/** Extra cost of inserting `sequence` before position `p` of `route`, or undefined if late anywhere. */
function insertionAt(
  data: ProblemData,
  sequence: readonly number[],
  route: ScheduledRoute,
  p: number,
): number | undefined {
  const { numLocations: n, duration, distance } = data;
  const t = route.vehicleType;
  const { visits, schedule } = route;
  const prev = p === 0 ? data.startDepot[t]! : visits[p - 1]!;
  const next = p === visits.length ? data.endDepot[t]! : visits[p]!;
  let time = p === 0 ? schedule.startTime : schedule.departure[p - 1]!;
  let at = prev;
  let extraKm = -distance[prev * n + next]!;
  for (const l of sequence) {
    extraKm += distance[at * n + l]!;
    const arrive = time + duration[at * n + l]!;
    if (arrive > data.twLate[l]! + EPS) return undefined;
    time = Math.max(arrive, data.twEarly[l]!) + data.serviceDuration[l]!;
    at = l;
  }
  extraKm += distance[at * n + next]!;
  let endTime: number | undefined = schedule.endTime;
  let pushed = true;
  for (let q = p; q < visits.length; q++) {
    const l = visits[q]!;
    const arrive = time + duration[at * n + l]!;
    if (arrive <= schedule.arrival[q]! + EPS) {
      pushed = false;
      break;
    }
    if (arrive > data.twLate[l]! + EPS) return undefined;
    time = Math.max(arrive, data.twEarly[l]!) + data.serviceDuration[l]!;
    at = l;
  }
  if (pushed) {
    const endArrival = time + duration[at * n + data.endDepot[t]!]!;
    endTime =
      endArrival <= schedule.endArrival + EPS
        ? schedule.endTime
        : endWithinLimits(data, t, endArrival, schedule.startTime);
    if (endTime === undefined) return undefined;
  }
  const oldDuration = schedule.endTime - schedule.startTime;
  return (
    routeCost(data, t, schedule.distance + extraKm, endTime - schedule.startTime) -
    routeCost(data, t, schedule.distance, oldDuration)
  );
}

/**
 * The sequences worth trying at slot p: the client alone if the trip has room, else with an extra
 * unload right after it (the load before the slot plus the client must fit) or right before it (the
 * client plus the rest of the trip must fit).
 */
function candidates(
  data: ProblemData,
  client: number,
  route: ScheduledRoute,
  p: number,
  loads: RouteLoads,
): number[][] {
  const t = route.vehicleType;
  const at = p * data.numLoadDims;
  if (fits(data, client, t, loads.tripEnd, at)) return [[client]];
  if (loads.reloads >= data.maxReloads[t]!) return [];
  const out: number[][] = [];
  for (let i = data.reloadOffsets[t]!; i < data.reloadOffsets[t + 1]!; i++) {
    const r = data.reloadDepots[i]!;
    if (fits(data, client, t, loads.before, at)) out.push([client, r]);
    if (fits(data, client, t, loads.tripEnd, at, loads.before)) out.push([r, client]);
  }
  return out;
}

/** Where the cheapest feasible insertion is: `sequence` before `position` of `routes[route]`, or a new route. */
export type Insertion = { cost: number; sequence: number[] } & (
  | { kind: 'existing'; route: number; position: number }
  | { kind: 'new'; vehicleType: number; startTime: number }
);

/** Distance part of the extra cost: a lower bound on the whole (time costs only add). */
function extraDistanceCost(
  data: ProblemData,
  sequence: readonly number[],
  route: ScheduledRoute,
  p: number,
): number {
  const n = data.numLocations;
  const t = route.vehicleType;
  const prev = p === 0 ? data.startDepot[t]! : route.visits[p - 1]!;
  const next = p === route.visits.length ? data.endDepot[t]! : route.visits[p]!;
  let km = -data.distance[prev * n + next]!;
  let at = prev;
  for (const l of sequence) {
    km += data.distance[at * n + l]!;
    at = l;
  }
  km += data.distance[at * n + next]!;
  return data.unitDistanceCost[t]! * km;
}

/**
 * Cheapest feasible slot in one route, below `bound`. Slots are tried in order of their distance cost,
 * a lower bound, so the first feasible ones end the search early: pricing every slot of a 500-bin day
 * for each left-out bin would otherwise cost more than the search itself.
 */
function bestInRoute(
  data: ProblemData,
  client: number,
  route: ScheduledRoute,
  bound: number,
): { cost: number; sequence: number[]; position: number } | undefined {
  const loads = routeLoads(data, route);
  const slots: { position: number; sequence: number[]; lowerBound: number }[] = [];
  for (let p = 0; p <= route.visits.length; p++) {
    for (const sequence of candidates(data, client, route, p, loads)) {
      const lowerBound = extraDistanceCost(data, sequence, route, p);
      if (lowerBound < bound) slots.push({ position: p, sequence, lowerBound });
    }
  }
  slots.sort((a, b) => a.lowerBound - b.lowerBound || a.position - b.position);
  let best: { cost: number; sequence: number[]; position: number } | undefined;
  for (const slot of slots) {
    if (slot.lowerBound >= (best?.cost ?? bound)) break;
    const cost = insertionAt(data, slot.sequence, route, slot.position);
    if (cost !== undefined && cost < (best?.cost ?? bound)) {
      best = { cost, sequence: slot.sequence, position: slot.position };
    }
  }
  return best;
}

/**
 * Cheapest feasible way to add `client` (a location index) to the plan, in the solver's cost units;
 * undefined when no route and no spare vehicle can take it (for less than `bound`, if given). `sunkTypes[t]`: a vehicle of type t is on
 * the road anyway (re-planning), so only its extra driving counts.
 */
export function cheapestInsertion(
  data: ProblemData,
  client: number,
  routes: readonly ScheduledRoute[],
  sunkTypes: readonly boolean[],
  bound = Number.POSITIVE_INFINITY,
): Insertion | undefined {
  let best: Insertion | undefined;
  const used = new Int32Array(data.numVehicleTypes);
  routes.forEach((route, r) => {
    const t = route.vehicleType;
    used[t] = used[t]! + 1;
    if (!allowed(data, client, t)) return;
    const found = bestInRoute(data, client, route, best?.cost ?? bound);
    if (found && (best === undefined || found.cost < best.cost)) {
      best = {
        kind: 'existing',
        cost: found.cost,
        sequence: found.sequence,
        route: r,
        position: found.position,
      };
    }
  });
  const n = data.numLocations;
  for (let t = 0; t < data.numVehicleTypes; t++) {
    if (!allowed(data, client, t) || used[t]! >= data.numAvailable[t]!) continue;
    // A spare vehicle: an empty route leaving so as to arrive when the client's window opens.
    const start = data.startDepot[t]!;
    const startTime = Math.max(
      data.shiftEarly[t]!,
      data.twEarly[client]! - data.duration[start * n + client]!,
    );
    const empty = { vehicleType: t, visits: [], schedule: scheduleRoute(data, t, [], startTime) };
    const base = sunkTypes[t]
      ? 0
      : routeCost(data, t, empty.schedule.distance, empty.schedule.endTime - startTime);
    const found = bestInRoute(data, client, empty, (best?.cost ?? bound) - base);
    if (!found) continue;
    const cost = found.cost + base;
    if (best === undefined || cost < best.cost) {
      best = { kind: 'new', cost, sequence: found.sequence, vehicleType: t, startTime };
    }
  }
  return best;
}
