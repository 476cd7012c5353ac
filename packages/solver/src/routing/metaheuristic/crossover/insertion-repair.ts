import type { ProblemData } from '../../model/problem-data.ts';
import type { Penalties, PlannedRoute } from '../../search/plan.ts';

/**
 * Greedy cheapest insertion of clients into a partial plan: how SREX offspring get back the clients
 * of the routes they dropped (PyVRP's greedy repair, with load and time-window terms priced by the
 * current penalties instead of being hard filters, so a full fleet still gets every client somewhere).
 *
 * An insertion is priced from two passes over the route: forward departure times (waiting at early
 * windows, warping back at late ones) and backward latest arrivals that keep the rest of the route on
 * time. The time-warp term is an estimate (it ignores the route's best departure and duration limits);
 * the local search prices exactly. A client may also open a new route when a vehicle is free. Optional
 * clients go in only where their prize pays for the detour.
 */
export class InsertionRepair {
  private readonly problem: ProblemData;
  private depart = new Float64Array(0);
  private latest = new Float64Array(0);
  private trip = new Int32Array(0);
  private tripLoad = new Float64Array(0);
  private readonly used: Int32Array;

  constructor(problem: ProblemData) {
    this.problem = problem;
    this.used = new Int32Array(problem.numVehicleTypes);
  }

  /** Mutates `routes` (may append new ones); returns the clients it could place nowhere. */
  insert(routes: PlannedRoute[], clients: readonly number[], penalties: Penalties): number[] {
    const p = this.problem;
    const left: number[] = [];
    this.used.fill(0);
    for (const route of routes) this.used[route.vehicleType]!++;
    for (const c of clients) {
      let bestCost = Number.POSITIVE_INFINITY;
      let bestRoute = -1;
      let bestPos = -1;
      let bestNewType = -1;
      const mask = p.allowedTypesMask[c]!;
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r]!;
        if (((mask >>> route.vehicleType) & 1) === 0) continue;
        this.scan(route);
        const L = route.visits.length;
        for (let pos = 0; pos <= L; pos++) {
          const cost = this.insertionCost(route, c, pos, penalties);
          if (cost < bestCost) {
            bestCost = cost;
            bestRoute = r;
            bestPos = pos;
          }
        }
      }
      for (let t = 0; t < p.numVehicleTypes; t++) {
        if (((mask >>> t) & 1) === 0 || this.used[t]! >= p.numAvailable[t]!) continue;
        const cost = this.newRouteCost(t, c, penalties);
        if (cost < bestCost) {
          bestCost = cost;
          bestNewType = t;
          bestRoute = -1;
        }
      }
      const worthIt = p.required[c] === 1 || bestCost < p.prize[c]!;
      if (!worthIt || bestCost === Number.POSITIVE_INFINITY) {
        left.push(c);
      } else if (bestNewType >= 0 && bestRoute < 0) {
        routes.push({ vehicleType: bestNewType, visits: [c] });
        this.used[bestNewType]!++;
      } else {
        routes[bestRoute]!.visits.splice(bestPos, 0, c);
      }
    }
    return left;
  }

  /** Fills departure times, latest arrivals and trip loads for `route` (index 0 = start depot). */
  private scan(route: PlannedRoute): void {
    const p = this.problem;
    const { numLocations: n, numDepots: D, numLoadDims: K, duration, serviceDuration, twEarly, twLate } = p;
    const t = route.vehicleType;
    const visits = route.visits;
    const L = visits.length;
    this.ensure(L + 2);
    const depart = this.depart;
    const latest = this.latest;
    const start = p.startDepot[t]!;
    const end = p.endDepot[t]!;

    depart[0] = Math.max(p.shiftEarly[t]!, twEarly[start]!);
    let prev = start;
    let trips = 0;
    this.trip[0] = 0;
    for (let d = 0; d < K; d++) this.tripLoad[d] = p.initialLoad[t * K + d]!;
    for (let i = 0; i < L; i++) {
      const l = visits[i]!;
      let s = Math.max(depart[i]! + duration[prev * n + l]!, twEarly[l]!);
      if (s > twLate[l]!) s = twLate[l]!;
      depart[i + 1] = s + serviceDuration[l]!;
      if (l < D) {
        trips++;
        for (let d = 0; d < K; d++) this.tripLoad[trips * K + d] = 0;
      } else {
        for (let d = 0; d < K; d++) this.tripLoad[trips * K + d]! += p.demand[l * K + d]!;
      }
      this.trip[i + 1] = trips;
      prev = l;
    }
    latest[L + 1] = Math.min(twLate[end]!, p.shiftLate[t]!);
    let next = end;
    for (let i = L - 1; i >= 0; i--) {
      const l = visits[i]!;
      latest[i + 1] = Math.min(twLate[l]!, latest[i + 2]! - duration[l * n + next]! - serviceDuration[l]!);
      next = l;
    }
  }

  /** Cost of inserting client `c` before `route.visits[pos]` (after the last visit when pos = L). */
  private insertionCost(route: PlannedRoute, c: number, pos: number, penalties: Penalties): number {
    const p = this.problem;
    const { numLocations: n, numLoadDims: K, distance, duration } = p;
    const t = route.vehicleType;
    const visits = route.visits;
    const prev = pos === 0 ? p.startDepot[t]! : visits[pos - 1]!;
    const next = pos === visits.length ? p.endDepot[t]! : visits[pos]!;

    const dDist = distance[prev * n + c]! + distance[c * n + next]! - distance[prev * n + next]!;
    const dDur =
      duration[prev * n + c]! + p.serviceDuration[c]! + duration[c * n + next]! - duration[prev * n + next]!;

    const arrive = this.depart[pos]! + duration[prev * n + c]!;
    let warp = Math.max(0, arrive - p.twLate[c]!);
    const s = Math.min(Math.max(arrive, p.twEarly[c]!), p.twLate[c]!);
    const arriveNext = s + p.serviceDuration[c]! + duration[c * n + next]!;
    const oldArriveNext = this.depart[pos]! + duration[prev * n + next]!;
    const limit = this.latest[pos + 1]!;
    warp += Math.max(0, Math.max(0, arriveNext - limit) - Math.max(0, oldArriveNext - limit));

    const trip = this.trip[pos]!;
    let excess = 0;
    for (let d = 0; d < K; d++) {
      const load = this.tripLoad[trip * K + d]!;
      const cap = p.capacity[t * K + d]!;
      excess += Math.max(0, load + p.demand[c * K + d]! - cap) - Math.max(0, load - cap);
    }
    return (
      p.unitDistanceCost[t]! * dDist +
      p.unitDurationCost[t]! * dDur +
      penalties.load * excess +
      penalties.timeWarp * warp
    );
  }

  private newRouteCost(t: number, c: number, penalties: Penalties): number {
    const p = this.problem;
    const { numLocations: n, numLoadDims: K, distance, duration } = p;
    const start = p.startDepot[t]!;
    const end = p.endDepot[t]!;
    const arrive = Math.max(p.shiftEarly[t]!, p.twEarly[start]!) + duration[start * n + c]!;
    let warp = Math.max(0, arrive - p.twLate[c]!);
    const s = Math.min(Math.max(arrive, p.twEarly[c]!), p.twLate[c]!);
    warp += Math.max(
      0,
      s + p.serviceDuration[c]! + duration[c * n + end]! - Math.min(p.twLate[end]!, p.shiftLate[t]!),
    );
    let excess = 0;
    for (let d = 0; d < K; d++) {
      excess += Math.max(0, p.initialLoad[t * K + d]! + p.demand[c * K + d]! - p.capacity[t * K + d]!);
    }
    return (
      p.fixedCost[t]! +
      p.unitDistanceCost[t]! * (distance[start * n + c]! + distance[c * n + end]!) +
      p.unitDurationCost[t]! * (duration[start * n + c]! + p.serviceDuration[c]! + duration[c * n + end]!) +
      penalties.load * excess +
      penalties.timeWarp * warp
    );
  }

  private ensure(size: number): void {
    if (this.depart.length >= size) return;
    const cap = Math.max(size, this.depart.length * 2, 16);
    this.depart = new Float64Array(cap);
    this.latest = new Float64Array(cap);
    this.trip = new Int32Array(cap);
    this.tripLoad = new Float64Array(cap * this.problem.numLoadDims);
  }
}
