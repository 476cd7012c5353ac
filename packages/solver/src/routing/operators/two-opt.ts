import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type NodeOperator, type OperatorContext } from './operator.ts';

/**
 * 2-opt within one route (HGS move 7): with u before v, replaces edges (u, x) and (v, y) by (u, v)
 * and (x, y), reversing x..v. The distance change is O(1) even on asymmetric matrices thanks to
 * the route's reversed prefix distances; time windows are re-checked by walking the reversed part
 * (only for moves the distance bound did not already reject). Reload depots may lie in the
 * reversed part: the route keeps its trips, only their order changes.
 */
export class TwoOpt implements NodeOperator {
  readonly name = '2-opt';
  private readonly ctx: OperatorContext;

  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
  }

  evaluate(U: Route, i: number, V: Route, j: number): number {
    if (U !== V) return NOT_APPLICABLE;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    if (hi - lo < 2 || lo < 0 || hi > U.size) return NOT_APPLICABLE;
    const ctx = this.ctx;
    const { n, fastDistance: dist, costs } = ctx.data;
    const nodes = U.nodes;
    const a = nodes[lo]!;
    const b = nodes[lo + 1]!;
    const c = nodes[hi]!;
    const d = nodes[hi + 1]!;
    const delta =
      dist[a * n + c]! +
      dist[b * n + d]! -
      dist[a * n + b]! -
      dist[c * n + d]! +
      U.preRevDist[hi]! -
      U.preRevDist[lo + 1]! -
      (U.preDist[hi]! - U.preDist[lo + 1]!);
    const bound = costs.lowerBound(U.type, U.size, U.distance + delta) - U.cost;
    if (bound >= 0 && !ctx.exact) return bound;
    const P = ctx.proposal;
    P.startPrefix(U, lo);
    P.addRangeReversed(U, lo + 1, hi);
    return P.finishSuffix(U, hi + 1) - U.cost;
  }

  apply(U: Route, i: number, _V: Route, j: number): void {
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    U.reverse(lo + 1, hi);
  }
}
