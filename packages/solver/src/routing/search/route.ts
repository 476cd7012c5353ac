import type { SearchData } from './search-data.ts';
import { tripExcess } from './segments/load-segment.ts';
import { fillDurationCaches } from './segments/route-durations.ts';

/**
 * The search's route: a flat array of locations with cached prefix/suffix summaries, so that any
 * move touching a route is priced in O(1) from a few cache reads (see `RouteProposal`).
 *
 * Positions: 0 is the start depot, 1..size the visits (clients and reload depots), size + 1 the end
 * depot. Caches, all indexed by position:
 * - `preDist[p]`: distance 0 → p along the route; `preRevDist[p]`: the same path walked backwards
 *   (Σ d(k+1 → k)), so reversing a stretch is O(1) on asymmetric matrices too;
 * - `preLoad[p·K + d]` / `preEx[p]`: load of the open trip after p and excess of closed trips;
 *   `sufLoad[q·K + d]` / `sufEx[q]`: load of q..size up to its first reload and excess of the later
 *   trips (q = size + 1 is the empty suffix); `preReloads[p]`: reloads at positions ≤ p;
 * - `preD/preTW/preE/preL[p]`: duration segment of 0..p; `sufD…[q]`: of q..size (end depot
 *   excluded, so a suffix can be joined to another vehicle type's end depot);
 * - `sufMask[q]`: AND of `visitMask` over q..size — which vehicle types may take the tail;
 *   `preMask[p]` the same over 1..p.
 *
 * Mutations (`insertAt`, `removeAt`, …) only edit `nodes`/`size`; the owner then calls `update()`,
 * which recomputes the caches in O(size · K). Only the routes a move changed are updated.
 */
export class Route {
  readonly idx: number;
  type: number;
  size = 0;
  /** Clients among the visits (reload depots excluded). */
  numClients = 0;
  distance = 0;
  duration = 0;
  /** Time warp including maximum-duration excess. */
  timeWarp = 0;
  excessLoad = 0;
  /** Penalised cost under the evaluator's current penalties. */
  cost = 0;
  /** Bumped by every `update()`; caches keyed on a route compare it. */
  version = 0;
  /** Move counter value when the local search last changed this route. */
  lastModified = 0;

  nodes: Int32Array;
  preDist: Float64Array;
  preRevDist: Float64Array;
  preLoad: Float64Array;
  preEx: Float64Array;
  preReloads: Int32Array;
  sufLoad: Float64Array;
  sufEx: Float64Array;
  sufMask: Uint32Array;
  preMask: Uint32Array;
  preD: Float64Array;
  preTW: Float64Array;
  preE: Float64Array;
  preL: Float64Array;
  sufD: Float64Array;
  sufTW: Float64Array;
  sufE: Float64Array;
  sufL: Float64Array;

  private readonly data: SearchData;
  private capacityNodes = 0;

  constructor(data: SearchData, idx: number, type: number, initialCapacity = 16) {
    this.data = data;
    this.idx = idx;
    this.type = type;
    this.nodes = new Int32Array(0);
    this.preDist = this.preRevDist = this.preEx = this.sufEx = new Float64Array(0);
    this.preLoad = this.sufLoad = new Float64Array(0);
    this.preReloads = new Int32Array(0);
    this.sufMask = this.preMask = new Uint32Array(0);
    this.preD = this.preTW = this.preE = this.preL = new Float64Array(0);
    this.sufD = this.sufTW = this.sufE = this.sufL = new Float64Array(0);
    this.reserve(initialCapacity);
    this.update();
  }

  /** Makes room for `visits` visits (amortised doubling; the only allocation routes do). */
  reserve(visits: number): void {
    const need = visits + 2;
    if (need <= this.capacityNodes) return;
    const cap = Math.max(need, this.capacityNodes * 2, 8);
    const K = this.data.K;
    const nodes = new Int32Array(cap);
    nodes.set(this.nodes.subarray(0, this.size + 2));
    this.nodes = nodes;
    this.preDist = new Float64Array(cap);
    this.preRevDist = new Float64Array(cap);
    this.preLoad = new Float64Array(cap * K);
    this.preEx = new Float64Array(cap);
    this.preReloads = new Int32Array(cap);
    this.sufLoad = new Float64Array(cap * K);
    this.sufEx = new Float64Array(cap);
    this.sufMask = new Uint32Array(cap);
    this.preMask = new Uint32Array(cap);
    if (this.data.usesDuration) {
      this.preD = new Float64Array(cap);
      this.preTW = new Float64Array(cap);
      this.preE = new Float64Array(cap);
      this.preL = new Float64Array(cap);
      this.sufD = new Float64Array(cap);
      this.sufTW = new Float64Array(cap);
      this.sufE = new Float64Array(cap);
      this.sufL = new Float64Array(cap);
    }
    this.capacityNodes = cap;
  }

  /** Replaces all visits (call `update()` afterwards). */
  setVisits(type: number, visits: ArrayLike<number>, count = visits.length): void {
    this.type = type;
    this.reserve(count);
    for (let i = 0; i < count; i++) this.nodes[i + 1] = visits[i]!;
    this.size = count;
  }

  /** Inserts `count` locations from `src[from..]` before position `pos` (1 ≤ pos ≤ size + 1). */
  insertAt(pos: number, src: Int32Array, from: number, count: number): void {
    this.reserve(this.size + count);
    const nodes = this.nodes;
    nodes.copyWithin(pos + count, pos, this.size + 1);
    for (let k = 0; k < count; k++) nodes[pos + k] = src[from + k]!;
    this.size += count;
  }

  insertOne(pos: number, location: number): void {
    this.reserve(this.size + 1);
    this.nodes.copyWithin(pos + 1, pos, this.size + 1);
    this.nodes[pos] = location;
    this.size += 1;
  }

  /**
   * Removes the visit at `p` and inserts `x` after position `q` (positions before the removal;
   * q ≠ p; q = p − 1 puts x in p's place). The length is unchanged, so nothing moves beyond.
   */
  removeAndInsert(p: number, x: number, q: number): void {
    const nodes = this.nodes;
    if (q === p - 1) nodes[p] = x;
    else if (q < p) {
      nodes.copyWithin(q + 2, q + 1, p);
      nodes[q + 1] = x;
    } else {
      nodes.copyWithin(p, p + 1, q + 1);
      nodes[q] = x;
    }
  }

  /** Removes `count` visits starting at position `pos`. */
  removeAt(pos: number, count: number): void {
    this.nodes.copyWithin(pos, pos + count, this.size + 1);
    this.size -= count;
  }

  /** Reverses positions i..j in place. */
  reverse(i: number, j: number): void {
    const nodes = this.nodes;
    while (i < j) {
      const tmp = nodes[i]!;
      nodes[i++] = nodes[j]!;
      nodes[j--] = tmp;
    }
  }

  /** Keeps positions ≤ `keep` and appends `count` locations from `src[from..]`. */
  replaceTail(keep: number, src: Int32Array, from: number, count: number): void {
    this.reserve(keep + count);
    for (let k = 0; k < count; k++) this.nodes[keep + 1 + k] = src[from + k]!;
    this.size = keep + count;
  }

  /** Copies visits at positions i..j into `out[at..]`; returns the count. */
  copyVisits(i: number, j: number, out: Int32Array, at: number): number {
    for (let p = i; p <= j; p++) out[at + p - i] = this.nodes[p]!;
    return j - i + 1;
  }

  /** Number of reload depots at positions i..j. */
  reloadsIn(i: number, j: number): number {
    return this.preReloads[j]! - this.preReloads[i - 1]!;
  }

  /** Recomputes every cache and the summary from `nodes[1..size]`. */
  update(): void {
    const data = this.data;
    const { n, K, numDepots, distance, demand, capacity } = data;
    const t = this.type;
    const m = this.size;
    const nodes = this.nodes;
    nodes[0] = data.startDepot[t]!;
    nodes[m + 1] = data.endDepot[t]!;
    const capAt = t * K;

    const preDist = this.preDist;
    const preRev = this.preRevDist;
    const preLoad = this.preLoad;
    const preEx = this.preEx;
    const preReloads = this.preReloads;
    preDist[0] = 0;
    preRev[0] = 0;
    preEx[0] = 0;
    preReloads[0] = 0;
    for (let d = 0; d < K; d++) preLoad[d] = data.initialLoad[capAt + d]!;
    let clients = 0;
    let prev = nodes[0]!;
    for (let p = 1; p <= m + 1; p++) {
      const x = nodes[p]!;
      preDist[p] = preDist[p - 1]! + distance[prev * n + x]!;
      preRev[p] = preRev[p - 1]! + distance[x * n + prev]!;
      const at = p * K;
      if (x >= numDepots) {
        clients++;
        for (let d = 0; d < K; d++) preLoad[at + d] = preLoad[at - K + d]! + demand[x * K + d]!;
        preEx[p] = preEx[p - 1]!;
        preReloads[p] = preReloads[p - 1]!;
      } else if (p <= m) {
        // A reload depot closes the trip and restarts from an empty vehicle.
        preEx[p] = preEx[p - 1]! + tripExcess(preLoad, at - K, capacity, capAt, K);
        for (let d = 0; d < K; d++) preLoad[at + d] = 0;
        preReloads[p] = preReloads[p - 1]! + 1;
      } else {
        // The end depot closes the last trip.
        preEx[p] = preEx[p - 1]! + tripExcess(preLoad, at - K, capacity, capAt, K);
        for (let d = 0; d < K; d++) preLoad[at + d] = preLoad[at - K + d]!;
        preReloads[p] = preReloads[p - 1]!;
      }
      prev = x;
    }

    const sufLoad = this.sufLoad;
    const sufEx = this.sufEx;
    const sufMask = this.sufMask;
    const visitMask = data.visitMask;
    for (let d = 0; d < K; d++) sufLoad[(m + 1) * K + d] = 0;
    sufEx[m + 1] = 0;
    sufMask[m + 1] = 0xffffffff;
    for (let q = m; q >= 1; q--) {
      const x = nodes[q]!;
      const at = q * K;
      if (x >= numDepots) {
        for (let d = 0; d < K; d++) sufLoad[at + d] = sufLoad[at + K + d]! + demand[x * K + d]!;
        sufEx[q] = sufEx[q + 1]!;
      } else {
        sufEx[q] = sufEx[q + 1]! + tripExcess(sufLoad, at + K, capacity, capAt, K);
        for (let d = 0; d < K; d++) sufLoad[at + d] = 0;
      }
      sufMask[q] = (sufMask[q + 1]! & visitMask[x]!) >>> 0;
    }
    const preMask = this.preMask;
    preMask[0] = 0xffffffff;
    for (let p = 1; p <= m; p++) preMask[p] = (preMask[p - 1]! & visitMask[nodes[p]!]!) >>> 0;

    this.size = m;
    this.numClients = clients;
    this.distance = preDist[m + 1]!;
    this.excessLoad = preEx[m + 1]!;
    if (data.usesDuration) {
      const seg = fillDurationCaches(this, data);
      this.duration = seg.duration;
      this.timeWarp = data.costs.totalTimeWarp(t, seg.duration, seg.timeWarp);
    } else {
      this.duration = 0;
      this.timeWarp = 0;
    }
    this.cost = data.costs.penalisedRouteCost(
      t,
      m,
      this.distance,
      this.duration,
      this.timeWarp,
      this.excessLoad,
    );
    this.version++;
  }

  /** Re-prices the route after a penalty change (caches are penalty-free). */
  reprice(): void {
    this.cost = this.data.costs.penalisedRouteCost(
      this.type,
      this.size,
      this.distance,
      this.duration,
      this.timeWarp,
      this.excessLoad,
    );
  }
}
