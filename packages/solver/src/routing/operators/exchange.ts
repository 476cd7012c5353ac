import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type NodeOperator, type OperatorContext } from './operator.ts';

/**
 * Exchange(N, M): swaps the string of N clients starting at U's position i with the string of M
 * clients starting at V's position j; with M = 0 the N clients are inserted after V's position j
 * (j = 0: right after V's start depot). Relocate is (1, 0), or-opt (2, 0)/(3, 0), swap (1, 1);
 * (2, 1) and (2, 2) are HGS's moves 5 and 6. Strings never contain reload depots and keep their
 * orientation, except with `reversed` (M = 0 only: the string is inserted backwards, HGS's move 3).
 * Works within one route and between routes, respecting the vehicle types allowed for every moved
 * client.
 *
 * Evaluation: the distance change is computed from the ≤ 8 edges involved; with every other cost
 * term ≥ 0 this gives a lower bound on the new costs, which rejects most candidates without
 * touching load or time data. Only promising moves are priced exactly with `RouteProposal`.
 */
export class Exchange implements NodeOperator {
  readonly name: string;
  private readonly N: number;
  private readonly M: number;
  private readonly ctx: OperatorContext;
  private readonly reversed: boolean;

  constructor(ctx: OperatorContext, N: number, M: number, name = `exchange(${N},${M})`, reversed = false) {
    if (N < 1 || M < 0 || M > N) throw new RangeError('Exchange needs N ≥ 1 and 0 ≤ M ≤ N');
    if (reversed && M !== 0) throw new RangeError('Exchange: only moved strings (M = 0) can be reversed');
    this.ctx = ctx;
    this.N = N;
    this.M = M;
    this.name = name;
    this.reversed = reversed;
  }

  /** Appends U's string i..i+N−1 to the proposal, backwards when the operator reverses it. */
  private addString(U: Route, i: number): void {
    if (this.reversed) this.ctx.proposal.addRangeReversed(U, i, i + this.N - 1);
    else this.ctx.proposal.addRange(U, i, i + this.N - 1);
  }

  /** Change of the string's own length when it is reversed (0 on symmetric matrices). */
  private reversalDelta(U: Route, i: number): number {
    if (!this.reversed) return 0;
    const last = i + this.N - 1;
    return U.preRevDist[last]! - U.preRevDist[i]! - (U.preDist[last]! - U.preDist[i]!);
  }

  evaluate(U: Route, i: number, V: Route, j: number): number {
    const { N, M } = this;
    const mU = U.size;
    const reloads = this.ctx.data.hasReloads;
    if (i < 1 || i + N - 1 > mU || (reloads && U.reloadsIn(i, i + N - 1) !== 0)) return NOT_APPLICABLE;
    if (M === 0) {
      if (j < 0 || j > V.size) return NOT_APPLICABLE;
    } else if (j < 1 || j + M - 1 > V.size || (reloads && V.reloadsIn(j, j + M - 1) !== 0)) {
      return NOT_APPLICABLE;
    }
    return U === V ? this.evaluateSame(U, i, j) : this.evaluateBetween(U, i, V, j);
  }

  private evaluateBetween(U: Route, i: number, V: Route, j: number): number {
    const { N, M, ctx } = this;
    const data = ctx.data;
    const { n, fastDistance: dist, visitMask, costs } = data;
    const tU = U.type;
    const tV = V.type;
    if (tU !== tV) {
      for (let p = i; p < i + N; p++) if (((visitMask[U.nodes[p]!]! >>> tV) & 1) === 0) return NOT_APPLICABLE;
      for (let p = j; p < j + M; p++) if (((visitMask[V.nodes[p]!]! >>> tU) & 1) === 0) return NOT_APPLICABLE;
    }
    const uN = U.nodes;
    const vN = V.nodes;
    const pu = uN[i - 1]!;
    const fu = uN[i]!;
    const lu = uN[i + N - 1]!;
    const nu = uN[i + N]!;
    // Edges that disappear are read from the routes' prefix distances (sequential memory); new
    // edges are read from rows of u's side, which stay cached while u's neighbours are scanned.
    const sym = data.symmetric;
    const uPre = U.preDist;
    const vPre = V.preDist;
    const removedU = uPre[i + N]! - uPre[i - 1]! - (uPre[i + N - 1]! - uPre[i]!);
    let dU: number;
    let dV: number;
    if (M === 0) {
      dU = dist[pu * n + nu]! - removedU;
      const v = vN[j]!;
      const vn = vN[j + 1]!;
      dV = this.reversed
        ? (sym ? dist[lu * n + v]! : dist[v * n + lu]!) + dist[fu * n + vn]! + this.reversalDelta(U, i)
        : (sym ? dist[fu * n + v]! : dist[v * n + fu]!) + dist[lu * n + vn]!;
      dV -= vPre[j + 1]! - vPre[j]!;
    } else {
      const pv = vN[j - 1]!;
      const fv = vN[j]!;
      const lv = vN[j + M - 1]!;
      const nv = vN[j + M]!;
      dU = dist[pu * n + fv]! + (sym ? dist[nu * n + lv]! : dist[lv * n + nu]!) - removedU;
      dV =
        (sym ? dist[fu * n + pv]! : dist[pv * n + fu]!) +
        dist[lu * n + nv]! -
        (vPre[j + M]! - vPre[j - 1]!) +
        (vPre[j + M - 1]! - vPre[j]!);
    }
    const sizeU = U.size - N + M;
    const sizeV = V.size + N - M;
    let bound =
      costs.lowerBound(tU, sizeU, U.distance + dU) +
      costs.lowerBound(tV, sizeV, V.distance + dV) -
      U.cost -
      V.cost;
    if (!ctx.exact) {
      if (bound >= 0) return bound;
      // Overloaded routes make the distance bound useless (their penalty is subtracted); without
      // reloads the new loads follow from the totals, so add their exact penalties (HGS's check).
      if (U.preReloads[U.size + 1] === 0 && V.preReloads[V.size + 1] === 0) {
        bound += costs.loadPenalty * this.excessAfter(U, i, sizeU, V, j, sizeV);
        if (bound >= 0) return bound;
      }
    }

    // Price V (which receives u's string, usually the side that gets dearer) first: with U's bound
    // it often already proves the move useless, halving the exact work (time-window problems).
    const P = ctx.proposal;
    P.startPrefix(V, M === 0 ? j : j - 1);
    this.addString(U, i);
    const costV = P.finishSuffix(V, j + M + (M === 0 ? 1 : 0));
    if (!ctx.exact) {
      const partial = costV - V.cost + costs.lowerBound(tU, sizeU, U.distance + dU) - U.cost;
      if (partial >= 0) return partial;
    }
    P.startPrefix(U, i - 1);
    if (M > 0) P.addRange(V, j, j + M - 1);
    const costU = P.finishSuffix(U, i + N);
    return costU + costV - U.cost - V.cost;
  }

  /** Load excess of both routes after the exchange (routes without reloads only). */
  private excessAfter(U: Route, i: number, sizeU: number, V: Route, j: number, sizeV: number): number {
    const { N, M } = this;
    const { K, capacity } = this.ctx.data;
    const uLoad = U.preLoad;
    const vLoad = V.preLoad;
    const uEnd = (U.size + 1) * K;
    const vEnd = (V.size + 1) * K;
    let excess = 0;
    for (let d = 0; d < K; d++) {
      const segU = uLoad[(i + N - 1) * K + d]! - uLoad[(i - 1) * K + d]!;
      const segV = M > 0 ? vLoad[(j + M - 1) * K + d]! - vLoad[(j - 1) * K + d]! : 0;
      const overU = uLoad[uEnd + d]! - segU + segV - capacity[U.type * K + d]!;
      const overV = vLoad[vEnd + d]! - segV + segU - capacity[V.type * K + d]!;
      if (overU > 0 && sizeU > 0) excess += overU;
      if (overV > 0 && sizeV > 0) excess += overV;
    }
    return excess;
  }

  private evaluateSame(U: Route, i: number, j: number): number {
    const { N, M, ctx } = this;
    const { n, fastDistance: dist, costs } = ctx.data;
    const nodes = U.nodes;
    const P = ctx.proposal;
    let delta: number;
    if (M === 0) {
      if (j >= i - 1 && j <= i + N - 1) return NOT_APPLICABLE;
      const pu = nodes[i - 1]!;
      const fu = nodes[i]!;
      const lu = nodes[i + N - 1]!;
      const nu = nodes[i + N]!;
      const v = nodes[j]!;
      const vn = nodes[j + 1]!;
      const pre = U.preDist;
      const sym = ctx.data.symmetric;
      const joins = this.reversed
        ? (sym ? dist[lu * n + v]! : dist[v * n + lu]!) + dist[fu * n + vn]! + this.reversalDelta(U, i)
        : (sym ? dist[fu * n + v]! : dist[v * n + fu]!) + dist[lu * n + vn]!;
      delta =
        dist[pu * n + nu]! +
        joins -
        (pre[i + N]! - pre[i - 1]! - (pre[i + N - 1]! - pre[i]!)) -
        (pre[j + 1]! - pre[j]!);
      const bound = costs.lowerBound(U.type, U.size, U.distance + delta) - U.cost;
      if (bound >= 0 && !ctx.exact) return bound;
      if (j > i) {
        P.startPrefix(U, i - 1);
        P.addRange(U, i + N, j);
        this.addString(U, i);
        return P.finishSuffix(U, j + 1) - U.cost;
      }
      P.startPrefix(U, j);
      this.addString(U, i);
      P.addRange(U, j + 1, i - 1);
      return P.finishSuffix(U, i + N) - U.cost;
    }

    // Two strings of one route: A (earlier, length la) and B (later, length lb) trade places.
    const a = Math.min(i, j);
    const la = i < j ? N : M;
    const b = Math.max(i, j);
    const lb = i < j ? M : N;
    if (a + la > b) return NOT_APPLICABLE; // overlapping strings
    const pa = nodes[a - 1]!;
    const fa = nodes[a]!;
    const ea = nodes[a + la - 1]!;
    const na = nodes[a + la]!;
    const pb = nodes[b - 1]!;
    const fb = nodes[b]!;
    const eb = nodes[b + lb - 1]!;
    const nb = nodes[b + lb]!;
    if (a + la === b) {
      delta =
        dist[pa * n + fb]! +
        dist[eb * n + fa]! +
        dist[ea * n + nb]! -
        dist[pa * n + fa]! -
        dist[ea * n + fb]!;
      delta -= dist[eb * n + nb]!;
    } else {
      delta =
        dist[pa * n + fb]! +
        dist[eb * n + na]! +
        dist[pb * n + fa]! +
        dist[ea * n + nb]! -
        dist[pa * n + fa]! -
        dist[ea * n + na]! -
        dist[pb * n + fb]! -
        dist[eb * n + nb]!;
    }
    const bound = costs.lowerBound(U.type, U.size, U.distance + delta) - U.cost;
    if (bound >= 0 && !ctx.exact) return bound;
    P.startPrefix(U, a - 1);
    P.addRange(U, b, b + lb - 1);
    if (a + la <= b - 1) P.addRange(U, a + la, b - 1);
    P.addRange(U, a, a + la - 1);
    return P.finishSuffix(U, b + lb) - U.cost;
  }

  apply(U: Route, i: number, V: Route, j: number): void {
    const { N, M } = this;
    const s = this.ctx.scratch;
    if (U !== V) {
      U.copyVisits(i, i + N - 1, s, 0);
      if (this.reversed) reverseInPlace(s, N);
      if (M > 0) V.copyVisits(j, j + M - 1, s, N);
      U.removeAt(i, N);
      if (M > 0) {
        U.insertAt(i, s, N, M);
        V.removeAt(j, M);
        V.insertAt(j, s, 0, N);
      } else V.insertAt(j + 1, s, 0, N);
      return;
    }
    const nodes = U.nodes;
    if (M === 0) {
      U.copyVisits(i, i + N - 1, s, 0);
      if (this.reversed) reverseInPlace(s, N);
      if (j > i) {
        nodes.copyWithin(i, i + N, j + 1);
        for (let k = 0; k < N; k++) nodes[j - N + 1 + k] = s[k]!;
      } else {
        nodes.copyWithin(j + 1 + N, j + 1, i);
        for (let k = 0; k < N; k++) nodes[j + 1 + k] = s[k]!;
      }
      return;
    }
    const a = Math.min(i, j);
    const la = i < j ? N : M;
    const b = Math.max(i, j);
    const lb = i < j ? M : N;
    let at = U.copyVisits(b, b + lb - 1, s, 0);
    if (a + la <= b - 1) at += U.copyVisits(a + la, b - 1, s, at);
    at += U.copyVisits(a, a + la - 1, s, at);
    for (let k = 0; k < at; k++) nodes[a + k] = s[k]!;
  }
}

function reverseInPlace(a: Int32Array, count: number): void {
  for (let lo = 0, hi = count - 1; lo < hi; lo++, hi--) {
    const tmp = a[lo]!;
    a[lo] = a[hi]!;
    a[hi] = tmp;
  }
}
