import type { Route } from './route.ts';
import type { RouteSet } from './route-set.ts';

/** Below this many routes every pair is tried (cheap, and sectors mean little with few routes). */
const ALL_PAIRS_ROUTES = 8;

/**
 * Which route pairs SWAP* examines. HGS restricts SWAP* to routes whose polar sectors around the
 * depot overlap; our problems carry no coordinates (only matrices), so we use the granular
 * neighbourhood instead: two routes are candidates when some client of one has one of its `depth`
 * nearest neighbours in the other — the same "these routes are interleaved" signal, valid for any
 * matrix. As in HGS a pair is re-examined only when one of its routes changed since the first
 * route was last examined.
 */
export class SwapStarPairs {
  private adjacent = new Uint8Array(0);
  private lastTested = new Int32Array(0);
  private readonly routes: RouteSet;
  private readonly offsets: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly depth: number;

  constructor(routes: RouteSet, offsets: Int32Array, neighbours: Int32Array, depth = 40) {
    this.routes = routes;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.depth = depth;
  }

  reset(): void {
    this.lastTested.fill(-1);
  }

  forEachCandidate(loop: number, visit: (U: Route, V: Route) => void): void {
    const all = this.routes.routes;
    const R = all.length;
    this.markAdjacent(R);
    if (this.lastTested.length < R) {
      const grown = new Int32Array(2 * R).fill(-1);
      grown.set(this.lastTested);
      this.lastTested = grown;
    }
    const adjacent = this.adjacent;
    for (let a = 0; a < R; a++) {
      const U = all[a]!;
      if (U.numClients === 0) continue;
      const lastTest = this.lastTested[a]!;
      this.lastTested[a] = this.routes.numUpdates;
      for (let b = a + 1; b < R && U.numClients > 0; b++) {
        if (adjacent[a * R + b] === 0) continue;
        const V = all[b]!;
        if (V.numClients === 0) continue;
        if (loop > 0 && U.lastModified <= lastTest && V.lastModified <= lastTest) continue;
        visit(U, V);
      }
    }
  }

  private markAdjacent(R: number): void {
    if (this.adjacent.length < R * R) this.adjacent = new Uint8Array(2 * R * 2 * R);
    const adjacent = this.adjacent;
    adjacent.fill(0, 0, R * R);
    const { routeOf } = this.routes;
    let used = 0;
    for (const route of this.routes.routes) if (route.numClients > 0) used++;
    if (used <= ALL_PAIRS_ROUTES) {
      adjacent.fill(1, 0, R * R);
      return;
    }
    const nb = this.neighbours;
    for (let u = 0; u < routeOf.length; u++) {
      const a = routeOf[u]!;
      if (a < 0) continue;
      const from = this.offsets[u]!;
      const to = Math.min(this.offsets[u + 1]!, from + this.depth);
      for (let k = from; k < to; k++) {
        const b = routeOf[nb[k]!]!;
        if (b < 0 || b === a) continue;
        adjacent[a * R + b] = 1;
        adjacent[b * R + a] = 1;
      }
    }
  }
}
