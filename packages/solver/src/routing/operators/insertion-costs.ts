import type { Route } from '../search/route.ts';
import type { OperatorContext } from './operator.ts';

export const NONE = -1;

/** Top-3 insertion positions of every client into one route, valid for one route version. */
interface InsertionCache {
  version: Int32Array;
  cost: Float64Array;
  pos: Int32Array;
}

/**
 * SWAP*'s insertion and removal prices: for every (route, client) the three cheapest positions to
 * insert the client (Vidal 2022: the best position in a route minus one client is among them, or
 * that client's place), cached until the route changes. Costs leave load out (SWAP* prices load
 * from route totals): distance only when time plays no role, else exact segment concatenation.
 */
export class InsertionCosts {
  /** Position (insert after) found by the last `best` call. */
  foundPos = 0;
  private readonly ctx: OperatorContext;
  private readonly caches: (InsertionCache | undefined)[] = [];

  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
  }

  /** Route cost without load terms: removal/insertion screening prices load from totals instead. */
  noLoadCost(R: Route): number {
    return R.cost - this.ctx.data.costs.loadPenalty * R.excessLoad;
  }

  proposalNoLoadCost(cost: number): number {
    return cost - this.ctx.data.costs.loadPenalty * this.ctx.proposal.excessLoad;
  }

  /** Removal delta (no load terms) of the visit at each position of R, into `out[position]`. */
  fillRemoval(R: Route, out: Float64Array): void {
    const data = this.ctx.data;
    const { n, fastDistance: dist } = data;
    const nodes = R.nodes;
    if (!data.usesDuration) {
      const c = data.costs.unitDistanceCost(R.type);
      const pre = R.preDist;
      for (let p = 1; p <= R.size; p++) {
        out[p] = c * (dist[nodes[p - 1]! * n + nodes[p + 1]!]! - (pre[p + 1]! - pre[p - 1]!));
      }
      return;
    }
    const P = this.ctx.proposal;
    const base = this.noLoadCost(R);
    for (let p = 1; p <= R.size; p++) {
      P.startPrefix(R, p - 1);
      out[p] = this.proposalNoLoadCost(P.finishSuffix(R, p + 1)) - base;
    }
  }

  /**
   * Cheapest insertion cost of client x into R, avoiding positions adjacent to R's position
   * `removed` (NONE: no removal; `removal` holds R's removal deltas); sets `foundPos` to the
   * position x goes after. Relative to the route with the removal already done.
   */
  best(x: number, R: Route, removed: number, removal: Float64Array): number {
    const cache = this.cacheOf(R);
    if (cache.version[x] !== R.version) this.computeTop3(cache, x, R);
    for (let k = 0; k < 3; k++) {
      const q = cache.pos[x * 3 + k]!;
      if (q === NONE) break;
      if (q !== removed && q !== removed - 1) {
        this.foundPos = q;
        return cache.cost[x * 3 + k]!;
      }
    }
    // In the place of the removed client.
    this.foundPos = removed - 1;
    const data = this.ctx.data;
    const nodes = R.nodes;
    const a = nodes[removed - 1]!;
    const b = nodes[removed + 1]!;
    if (!data.usesDuration) {
      const { n, fastDistance: dist } = data;
      return data.costs.unitDistanceCost(R.type) * (dist[a * n + x]! + dist[x * n + b]! - dist[a * n + b]!);
    }
    const P = this.ctx.proposal;
    P.startPrefix(R, removed - 1);
    P.addNode(x);
    const withX = this.proposalNoLoadCost(P.finishSuffix(R, removed + 1));
    return withX - this.noLoadCost(R) - removal[removed]!;
  }

  private computeTop3(cache: InsertionCache, x: number, R: Route): void {
    const data = this.ctx.data;
    const { n, fastDistance: dist } = data;
    const nodes = R.nodes;
    const m = R.size;
    // Top three kept in locals: this loop runs millions of times per descent.
    let c0 = Number.POSITIVE_INFINITY;
    let c1 = Number.POSITIVE_INFINITY;
    let c2 = Number.POSITIVE_INFINITY;
    let p0 = NONE;
    let p1 = NONE;
    let p2 = NONE;
    const P = this.ctx.proposal;
    const base = data.usesDuration ? this.noLoadCost(R) : 0;
    const c = data.costs.unitDistanceCost(R.type);
    const pre = R.preDist;
    const sym = data.symmetric;
    const row = x * n;
    // d(node q → x); with a symmetric matrix it is the previous iteration's d(x → node q), so the
    // scan reads one matrix row only.
    let into = sym ? dist[row + nodes[0]!]! : dist[nodes[0]! * n + x]!;
    for (let q = 0; q <= m; q++) {
      let cost: number;
      if (!data.usesDuration) {
        const b = nodes[q + 1]!;
        const out = dist[row + b]!;
        cost = c * (into + out - (pre[q + 1]! - pre[q]!));
        into = sym ? out : dist[b * n + x]!;
      } else {
        P.startPrefix(R, q);
        P.addNode(x);
        cost = this.proposalNoLoadCost(P.finishSuffix(R, q + 1)) - base;
      }
      if (cost >= c2) continue;
      if (cost < c1) {
        c2 = c1;
        p2 = p1;
        if (cost < c0) {
          c1 = c0;
          p1 = p0;
          c0 = cost;
          p0 = q;
        } else {
          c1 = cost;
          p1 = q;
        }
      } else {
        c2 = cost;
        p2 = q;
      }
    }
    const at = x * 3;
    cache.version[x] = R.version;
    cache.cost[at] = c0;
    cache.cost[at + 1] = c1;
    cache.cost[at + 2] = c2;
    cache.pos[at] = p0;
    cache.pos[at + 1] = p1;
    cache.pos[at + 2] = p2;
  }

  private cacheOf(R: Route): InsertionCache {
    let cache = this.caches[R.idx];
    if (!cache) {
      const n = this.ctx.data.n;
      cache = {
        version: new Int32Array(n).fill(-1),
        cost: new Float64Array(3 * n),
        pos: new Int32Array(3 * n),
      };
      this.caches[R.idx] = cache;
    }
    return cache;
  }
}
