import type { Route } from './route.ts';
import type { SearchData } from './search-data.ts';
import { DurationSegment } from './segments/duration-segment.ts';
import { joinedTripExcess, tripExcess } from './segments/load-segment.ts';

/**
 * Assembles a candidate route from pieces of existing routes — a prefix, single locations, forward
 * or reversed stretches, a suffix — concatenating distance, load and duration summaries, and prices
 * it. Prefixes and suffixes come from the route caches in O(1); stretches cost O(1) for distance
 * and load (without reloads) and O(length) for duration (only when time matters), which keeps
 * Exchange(N, M) moves O(1) and intra-route reversals linear in the reversed part.
 *
 * Usage: `startPrefix` (or `startEmpty`), any number of `add*`, then `finishSuffix` or `finish`,
 * which return the penalised cost. One reusable instance per user: nothing is allocated.
 */
export class RouteProposal {
  type = 0;
  distance = 0;
  numVisits = 0;
  excessLoad = 0;
  readonly segment = new DurationSegment();
  /** Load of the trip still open at the end of the assembled part, per dimension. */
  private readonly open: Float64Array;
  private last = 0;
  private readonly data: SearchData;

  constructor(data: SearchData) {
    this.data = data;
    this.open = new Float64Array(data.K);
  }

  /** Starts a route of type `t` at its start depot. */
  startEmpty(t: number): void {
    const { K, depots } = this.data;
    this.type = t;
    this.distance = 0;
    this.numVisits = 0;
    this.excessLoad = 0;
    this.last = this.data.startDepot[t]!;
    for (let d = 0; d < K; d++) this.open[d] = this.data.initialLoad[t * K + d]!;
    if (this.data.usesDuration)
      this.segment.set(0, depots.startWarp[t]!, depots.startEarly[t]!, depots.startLate[t]!);
  }

  /** Starts with positions 0..p of `route` (0 ≤ p ≤ size), priced as a route of its type. */
  startPrefix(route: Route, p: number): void {
    const K = this.data.K;
    this.type = route.type;
    this.distance = route.preDist[p]!;
    this.numVisits = p;
    this.excessLoad = route.preEx[p]!;
    this.last = route.nodes[p]!;
    for (let d = 0; d < K; d++) this.open[d] = route.preLoad[p * K + d]!;
    if (this.data.usesDuration)
      this.segment.set(route.preD[p]!, route.preTW[p]!, route.preE[p]!, route.preL[p]!);
  }

  /** Appends one location (a client or a reload depot). */
  addNode(x: number): void {
    this.addPassThrough(x);
    this.loadNode(x);
  }

  /** Appends a depot visited without unloading (only to price invalid plans like the checker does). */
  addPassThrough(x: number): void {
    const data = this.data;
    const n = data.n;
    this.distance += data.distance[this.last * n + x]!;
    if (data.usesDuration) {
      this.segment.append(
        data.duration[this.last * n + x]!,
        data.service[x]!,
        0,
        data.twEarly[x]!,
        data.twLate[x]!,
      );
    }
    this.numVisits++;
    this.last = x;
  }

  /** Appends positions i..j (1 ≤ i ≤ j ≤ size) of `route`, in order. */
  addRange(route: Route, i: number, j: number): void {
    const data = this.data;
    const { n, K } = data;
    const nodes = route.nodes;
    this.distance += data.distance[this.last * n + nodes[i]!]! + route.preDist[j]! - route.preDist[i]!;
    if (data.usesDuration) {
      const { duration, service, twEarly, twLate } = data;
      const seg = this.segment;
      let prev = this.last;
      for (let p = i; p <= j; p++) {
        const x = nodes[p]!;
        seg.append(duration[prev * n + x]!, service[x]!, 0, twEarly[x]!, twLate[x]!);
        prev = x;
      }
    }
    if (route.preReloads[j] === route.preReloads[i - 1]) {
      // No reload inside: the stretch's load is a difference of prefix loads.
      const pre = route.preLoad;
      for (let d = 0; d < K; d++) this.open[d] = this.open[d]! + pre[j * K + d]! - pre[(i - 1) * K + d]!;
    } else {
      for (let p = i; p <= j; p++) this.loadNode(nodes[p]!);
    }
    this.numVisits += j - i + 1;
    this.last = nodes[j]!;
  }

  /** Appends positions j, j−1, …, i (1 ≤ i ≤ j ≤ size) of `route`. */
  addRangeReversed(route: Route, i: number, j: number): void {
    const data = this.data;
    const { n, K } = data;
    const nodes = route.nodes;
    this.distance += data.distance[this.last * n + nodes[j]!]! + route.preRevDist[j]! - route.preRevDist[i]!;
    if (data.usesDuration) {
      const { duration, service, twEarly, twLate } = data;
      const seg = this.segment;
      let prev = this.last;
      for (let p = j; p >= i; p--) {
        const x = nodes[p]!;
        seg.append(duration[prev * n + x]!, service[x]!, 0, twEarly[x]!, twLate[x]!);
        prev = x;
      }
    }
    if (route.preReloads[j] === route.preReloads[i - 1]) {
      const pre = route.preLoad;
      for (let d = 0; d < K; d++) this.open[d] = this.open[d]! + pre[j * K + d]! - pre[(i - 1) * K + d]!;
    } else {
      for (let p = j; p >= i; p--) this.loadNode(nodes[p]!);
    }
    this.numVisits += j - i + 1;
    this.last = nodes[i]!;
  }

  /**
   * Appends positions q..size of `route` and this proposal's own end depot; returns the penalised
   * cost. The suffix may belong to a route of another type (2-opt*): its cached internal load excess
   * used that route's capacity, so with reloads inside and a different type it is re-walked.
   */
  finishSuffix(route: Route, q: number): number {
    const m = route.size;
    if (q > m) return this.finish();
    if (route.type !== this.type && route.preReloads[m] !== route.preReloads[q - 1]) {
      this.addRange(route, q, m);
      return this.finish();
    }
    const data = this.data;
    const { n, K } = data;
    const t = this.type;
    const first = route.nodes[q]!;
    const lastVisit = route.nodes[m]!;
    const end = data.endDepot[t]!;
    this.distance +=
      data.distance[this.last * n + first]! +
      route.preDist[m]! -
      route.preDist[q]! +
      data.distance[lastVisit * n + end]!;
    if (data.usesDuration) {
      const depots = data.depots;
      const seg = this.segment;
      seg.append(
        data.duration[this.last * n + first]!,
        route.sufD[q]!,
        route.sufTW[q]!,
        route.sufE[q]!,
        route.sufL[q]!,
      );
      seg.append(
        data.duration[lastVisit * n + end]!,
        0,
        depots.endWarp[t]!,
        depots.endEarly[t]!,
        depots.endLate[t]!,
      );
    }
    this.excessLoad +=
      route.sufEx[q]! + joinedTripExcess(this.open, 0, route.sufLoad, q * K, data.capacity, t * K, K);
    this.numVisits += m - q + 1;
    this.last = end;
    return this.price();
  }

  /** Appends the end depot; returns the penalised cost. */
  finish(): number {
    const data = this.data;
    const t = this.type;
    const end = data.endDepot[t]!;
    this.distance += data.distance[this.last * data.n + end]!;
    if (data.usesDuration) {
      const depots = data.depots;
      this.segment.append(
        data.duration[this.last * data.n + end]!,
        0,
        depots.endWarp[t]!,
        depots.endEarly[t]!,
        depots.endLate[t]!,
      );
    }
    this.excessLoad += tripExcess(this.open, 0, data.capacity, t * data.K, data.K);
    this.last = end;
    return this.price();
  }

  /** Duration of the finished proposal (0 when time is irrelevant to the problem). */
  get duration(): number {
    return this.data.usesDuration ? this.segment.duration : 0;
  }

  /** Time warp of the finished proposal, maximum-duration excess included. */
  get timeWarp(): number {
    if (!this.data.usesDuration) return 0;
    return this.data.costs.totalTimeWarp(this.type, this.segment.duration, this.segment.timeWarp);
  }

  private price(): number {
    return this.data.costs.penalisedRouteCost(
      this.type,
      this.numVisits,
      this.distance,
      this.duration,
      this.timeWarp,
      this.excessLoad,
    );
  }

  private loadNode(x: number): void {
    const { K, numDepots, demand, capacity } = this.data;
    const open = this.open;
    if (x >= numDepots) {
      for (let d = 0; d < K; d++) open[d] = open[d]! + demand[x * K + d]!;
    } else {
      this.excessLoad += tripExcess(open, 0, capacity, this.type * K, K);
      for (let d = 0; d < K; d++) open[d] = 0;
    }
  }
}
