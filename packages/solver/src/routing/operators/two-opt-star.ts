import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type NodeOperator, type OperatorContext } from './operator.ts';

/**
 * 2-opt* between two routes: cut U after u and V after v, then reconnect.
 * - tails variant (HGS move 9, PyVRP SwapTails): U' = U[..u] + V[v+1..], V' = V[..v] + U[u+1..];
 *   O(1) from the prefix/suffix caches, and valid with time windows (orientation is kept).
 * - reversed variant (HGS move 8): U' = U[..u] + reverse(V[1..v]), V' = reverse(U[u+1..]) + V[v+1..],
 *   which creates the edge (u, v) itself. Reversal costs O(length) in time-window problems, so it is
 *   only enabled when duration plays no role (`reversed` option; the CVRP case where HGS uses it).
 * Whole tails change vehicle, so the tails' allowed-type masks and reload counts are checked.
 */
export class TwoOptStar implements NodeOperator {
  readonly name = '2-opt*';
  private readonly ctx: OperatorContext;
  private readonly reversed: boolean;
  private useReversed = false;

  constructor(ctx: OperatorContext, options: { reversed?: boolean } = {}) {
    this.ctx = ctx;
    this.reversed = options.reversed ?? !ctx.data.usesDuration;
  }

  evaluate(U: Route, i: number, V: Route, j: number): number {
    this.useReversed = false;
    if (U === V || i < 0 || j < 0 || i > U.size || j > V.size) return NOT_APPLICABLE;
    const tails = this.evaluateTails(U, i, V, j);
    if (!this.reversed || (tails < 0 && !this.ctx.exact)) return tails;
    const reversed = this.evaluateReversed(U, i, V, j);
    if (reversed < tails) {
      this.useReversed = true;
      return reversed;
    }
    return tails;
  }

  private evaluateTails(U: Route, i: number, V: Route, j: number): number {
    const ctx = this.ctx;
    const data = ctx.data;
    const mU = U.size;
    const mV = V.size;
    if (i === mU && j === mV) return NOT_APPLICABLE;
    if (((V.sufMask[j + 1]! >>> U.type) & 1) === 0 || ((U.sufMask[i + 1]! >>> V.type) & 1) === 0)
      return NOT_APPLICABLE;
    if (data.hasReloads) {
      const maxReloads = data.problem.maxReloads;
      if (U.preReloads[i]! + V.preReloads[mV]! - V.preReloads[j]! > maxReloads[U.type]!)
        return NOT_APPLICABLE;
      if (V.preReloads[j]! + U.preReloads[mU]! - U.preReloads[i]! > maxReloads[V.type]!)
        return NOT_APPLICABLE;
    }
    const { n, fastDistance: dist, costs } = data;
    const endU = data.endDepot[U.type]!;
    const endV = data.endDepot[V.type]!;
    const u = U.nodes[i]!;
    const nu = U.nodes[i + 1]!;
    const v = V.nodes[j]!;
    // Joining edges read from the rows of u and of u's successor (cached while u is examined).
    const uToTail = j < mV ? dist[u * n + V.nodes[j + 1]!]! : dist[u * n + endU]!;
    const vToTail = i < mU ? (data.symmetric ? dist[nu * n + v]! : dist[v * n + nu]!) : dist[v * n + endV]!;
    const distU = U.preDist[i]! + uToTail + tailDistance(n, dist, V, j + 1, endU);
    const distV = V.preDist[j]! + vToTail + tailDistance(n, dist, U, i + 1, endV);
    let bound =
      costs.lowerBound(U.type, i + mV - j, distU) +
      costs.lowerBound(V.type, j + mU - i, distV) -
      U.cost -
      V.cost;
    if (!ctx.exact) {
      if (bound >= 0) return bound;
      // Without reloads the new loads follow from prefix loads: add their exact penalties.
      if (U.preReloads[mU + 1] === 0 && V.preReloads[mV + 1] === 0) {
        const { K, capacity } = data;
        let excess = 0;
        for (let d = 0; d < K; d++) {
          const headU = U.preLoad[i * K + d]!;
          const headV = V.preLoad[j * K + d]!;
          const tailU = U.preLoad[(mU + 1) * K + d]! - headU;
          const tailV = V.preLoad[(mV + 1) * K + d]! - headV;
          const overU = headU + tailV - capacity[U.type * K + d]!;
          const overV = headV + tailU - capacity[V.type * K + d]!;
          if (overU > 0 && i + mV - j > 0) excess += overU;
          if (overV > 0 && j + mU - i > 0) excess += overV;
        }
        bound += costs.loadPenalty * excess;
        if (bound >= 0) return bound;
      }
    }
    const P = ctx.proposal;
    P.startPrefix(U, i);
    const costU = P.finishSuffix(V, j + 1);
    if (!ctx.exact) {
      // With V's distance bound this often settles it before pricing V exactly.
      const partial = costU - U.cost + costs.lowerBound(V.type, j + mU - i, distV) - V.cost;
      if (partial >= 0) return partial;
    }
    P.startPrefix(V, j);
    const costV = P.finishSuffix(U, i + 1);
    return costU + costV - U.cost - V.cost;
  }

  private evaluateReversed(U: Route, i: number, V: Route, j: number): number {
    const data = this.ctx.data;
    const mU = U.size;
    if (j === 0 && i === mU) return NOT_APPLICABLE;
    if (((V.preMask[j]! >>> U.type) & 1) === 0 || ((U.sufMask[i + 1]! >>> V.type) & 1) === 0)
      return NOT_APPLICABLE;
    if (data.hasReloads) {
      const maxReloads = data.problem.maxReloads;
      if (U.preReloads[i]! + V.preReloads[j]! > maxReloads[U.type]!) return NOT_APPLICABLE;
      if (
        U.preReloads[mU]! - U.preReloads[i]! + V.preReloads[V.size]! - V.preReloads[j]! >
        maxReloads[V.type]!
      )
        return NOT_APPLICABLE;
    }
    const { n, fastDistance: dist, costs } = data;
    const mV = V.size;
    const endU = data.endDepot[U.type]!;
    const u = U.nodes[i]!;
    const startV = V.nodes[0]!;
    const vTail = V.nodes[j + 1]!; // V's end depot when j = mV
    // U' = U[..i] + reverse(V[1..j]) + endU
    const distU =
      U.preDist[i]! +
      (j >= 1
        ? dist[u * n + V.nodes[j]!]! +
          V.preRevDist[j]! -
          V.preRevDist[1]! +
          (data.symmetric ? dist[endU * n + V.nodes[1]!]! : dist[V.nodes[1]! * n + endU]!)
        : dist[u * n + endU]!);
    // V' = startV + reverse(U[i+1..]) + V[j+1..]
    const distV =
      (i < mU
        ? dist[startV * n + U.nodes[mU]!]! +
          U.preRevDist[mU]! -
          U.preRevDist[i + 1]! +
          dist[U.nodes[i + 1]! * n + vTail]!
        : dist[startV * n + vTail]!) +
      V.preDist[mV + 1]! -
      V.preDist[j + 1]!;
    const bound =
      costs.lowerBound(U.type, i + j, distU) +
      costs.lowerBound(V.type, mU - i + mV - j, distV) -
      U.cost -
      V.cost;
    if (bound >= 0 && !this.ctx.exact) return bound;
    const P = this.ctx.proposal;
    P.startPrefix(U, i);
    if (j >= 1) P.addRangeReversed(V, 1, j);
    const costU = P.finish();
    P.startPrefix(V, 0);
    if (i < mU) P.addRangeReversed(U, i + 1, mU);
    const costV = P.finishSuffix(V, j + 1);
    return costU + costV - U.cost - V.cost;
  }

  apply(U: Route, i: number, V: Route, j: number): void {
    const s = this.ctx.scratch;
    const mU = U.size;
    const mV = V.size;
    if (!this.useReversed) {
      const tailU = U.copyVisits(i + 1, mU, s, 0);
      const tailV = V.copyVisits(j + 1, mV, s, tailU);
      U.replaceTail(i, s, tailU, tailV);
      V.replaceTail(j, s, 0, tailU);
      return;
    }
    // V' = reverse(U[i+1..]) + V[j+1..]; U' = U[..i] + reverse(V[1..j]).
    let at = 0;
    for (let p = mU; p > i; p--) s[at++] = U.nodes[p]!;
    at += V.copyVisits(j + 1, mV, s, at);
    const headV = at;
    for (let p = j; p >= 1; p--) s[at++] = V.nodes[p]!;
    U.replaceTail(i, s, headV, j);
    V.replaceTail(0, s, 0, headV);
  }
}

/** Distance from R's position q through R's last visit to `end` (0 when q > size). */
function tailDistance(
  n: number,
  dist: Float64Array | Float32Array | Uint16Array,
  R: Route,
  q: number,
  end: number,
): number {
  const m = R.size;
  if (q > m) return 0;
  if (end === R.nodes[m + 1]) return R.preDist[m + 1]! - R.preDist[q]!;
  return R.preDist[m]! - R.preDist[q]! + dist[R.nodes[m]! * n + end]!;
}
