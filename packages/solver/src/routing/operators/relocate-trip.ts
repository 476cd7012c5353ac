import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type OperatorContext, type RouteOperator } from './operator.ts';

/**
 * Relocate a whole trip: the clients between two reloads of U (with one of the reloads that bound it)
 * become a trip of their own in V, at one of V's trip boundaries (its start, right after one of its
 * reloads, or its end), separated by a visit to one of V's reload depots. For waste collection this is
 * the move that empties a vehicle: a route left with one trip can hand it over whole, where moving its
 * bins one by one never pays until the last one has gone. Also how a full truck with time to spare
 * takes over a trip from a long day. Problems with reloads only.
 *
 * Priced exactly from the route caches: U without the trip is a prefix plus a suffix (O(1)); V with it
 * is a prefix, the trip (O(|trip|) for time), a reload and a suffix. Best over all trips of U and all
 * boundaries of V; O(trips(U) · trips(V) · |trip|) per route pair.
 */
export class RelocateTrip implements RouteOperator {
  readonly name = 'relocate-trip';
  private readonly ctx: OperatorContext;
  // Best candidate of the last `evaluate`.
  private tripStart = 0;
  private tripEnd = 0;
  private cutStart = 0;
  private cutEnd = 0;
  private boundary = 0;
  private depot = 0;

  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
  }

  evaluate(U: Route, V: Route): number {
    const data = this.ctx.data;
    const problem = data.problem;
    const D = data.numDepots;
    const t = V.type;
    if (U === V || U.numClients === 0 || V.numClients === 0) return NOT_APPLICABLE;
    const depots = problem.reloadOffsets[t + 1]! - problem.reloadOffsets[t]!;
    if (depots === 0 || V.preReloads[V.size + 1]! + 1 > problem.maxReloads[t]!) return NOT_APPLICABLE;
    const P = this.ctx.proposal;
    const nodes = U.nodes;
    let best = NOT_APPLICABLE;
    for (let s = 1; s <= U.size; ) {
      let e = s;
      let mask = 0xffffffff;
      while (e <= U.size && nodes[e]! >= D) mask &= data.visitMask[nodes[e++]!]!;
      const last = e - 1;
      if (last >= s && ((mask >>> t) & 1) === 1) {
        // The trip [s, last] and the reload before it, else the one after it, else the whole route.
        const cutStart = s > 1 ? s - 1 : s;
        const cutEnd = s > 1 || last === U.size ? last : last + 1;
        let removed: number;
        if (U.numClients === last - s + 1) removed = -U.cost;
        else {
          P.startPrefix(U, cutStart - 1);
          removed = P.finishSuffix(U, cutEnd + 1) - U.cost;
        }
        for (let r = problem.reloadOffsets[t]!; r < problem.reloadOffsets[t + 1]!; r++) {
          const depot = problem.reloadDepots[r]!;
          for (let b = 0; b <= V.size; b++) {
            // Boundaries: V's start, right after one of its reloads, its end.
            if (b > 0 && b < V.size && V.nodes[b]! >= D) continue;
            const delta = removed + this.priceInto(V, b, U, s, last, depot) - V.cost;
            if (delta < best) {
              best = delta;
              this.tripStart = s;
              this.tripEnd = last;
              this.cutStart = cutStart;
              this.cutEnd = cutEnd;
              this.boundary = b;
              this.depot = depot;
            }
          }
        }
      }
      s = e + 1;
    }
    return best;
  }

  /** V with U's trip [s, e] after position b: at the end it follows a reload, elsewhere it precedes one. */
  private priceInto(V: Route, b: number, U: Route, s: number, e: number, depot: number): number {
    const P = this.ctx.proposal;
    P.startPrefix(V, b);
    if (b === V.size) {
      P.addNode(depot);
      P.addRange(U, s, e);
      return P.finish();
    }
    P.addRange(U, s, e);
    P.addNode(depot);
    return P.finishSuffix(V, b + 1);
  }

  apply(U: Route, V: Route): void {
    const scratch = this.ctx.scratch;
    const length = this.tripEnd - this.tripStart + 1;
    const atEnd = this.boundary === V.size;
    let k = 0;
    if (atEnd) scratch[k++] = this.depot;
    for (let p = this.tripStart; p <= this.tripEnd; p++) scratch[k++] = U.nodes[p]!;
    if (!atEnd) scratch[k++] = this.depot;
    V.insertAt(this.boundary + 1, scratch, 0, k);
    // A route left with reloads only is no route: the vehicle stays home.
    if (U.numClients === length) U.size = 0;
    else U.removeAt(this.cutStart, this.cutEnd - this.cutStart + 1);
  }
}
