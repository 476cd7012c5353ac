import type { Route } from '../search/route.ts';
import { InsertionCosts, NONE } from './insertion-costs.ts';
import { NOT_APPLICABLE, type OperatorContext, type RouteOperator } from './operator.ts';

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: Open-source implementation and SWAP*
 * neighborhood"): exchange u ∈ U and v ∈ V where each is re-inserted at its best position in the
 * other route, not necessarily in the other's place. The best position of v in U \ {u} is one of
 * v's three best positions in U (the first not adjacent to u) or u's place, so with per-(route,
 * client) top-3 caches the whole neighbourhood costs O(|U|·|V|) per route pair. Also evaluates
 * relocating one client into the other route at its best position (as HGS does).
 *
 * Candidates are screened with an approximation — load penalties from route totals, insertion and
 * removal costs without load (distance, and time terms through segments when time matters) — and
 * the single best candidate is then priced exactly, so the returned delta is exact.
 */
export class SwapStar implements RouteOperator {
  readonly name = 'swap*';
  private readonly ctx: OperatorContext;
  private readonly insertion: InsertionCosts;
  /** Removal delta (no load terms) of the client at each position of U and of V. */
  private removalU = new Float64Array(64);
  private removalV = new Float64Array(64);
  private readonly overU: Float64Array;
  private readonly overV: Float64Array;
  // Best candidate: kind 0 = swap, 1 = relocate u into V, 2 = relocate v into U.
  private kind = 0;
  private pu = 0;
  private qU = 0;
  private pv = 0;
  private qV = 0;
  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
    this.insertion = new InsertionCosts(ctx);
    this.overU = new Float64Array(ctx.data.K);
    this.overV = new Float64Array(ctx.data.K);
  }

  evaluate(U: Route, V: Route): number {
    const ctx = this.ctx;
    const data = ctx.data;
    const { K, numDepots, demand, capacity, visitMask } = data;
    if (U === V || U.numClients === 0 || V.numClients === 0) return NOT_APPLICABLE;
    const mU = U.size;
    const mV = V.size;
    if (this.removalU.length < mU + 2) this.removalU = new Float64Array(2 * mU + 2);
    if (this.removalV.length < mV + 2) this.removalV = new Float64Array(2 * mV + 2);
    this.insertion.fillRemoval(U, this.removalU);
    this.insertion.fillRemoval(V, this.removalV);
    const remU = this.removalU;
    const remV = this.removalV;
    const tU = U.type;
    const tV = V.type;
    const useTotals = !data.hasReloads;
    const penLoad = data.costs.loadPenalty;
    // Capacity overshoot of each route before the swap, per dimension (negative: slack).
    const overU = this.overU;
    const overV = this.overV;
    for (let d = 0; d < K; d++) {
      overU[d] = U.preLoad[(mU + 1) * K + d]! - capacity[tU * K + d]!;
      overV[d] = V.preLoad[(mV + 1) * K + d]! - capacity[tV * K + d]!;
    }
    const loadBase = -penLoad * (U.excessLoad + V.excessLoad);
    const uNodes = U.nodes;
    const vNodes = V.nodes;

    let best = ctx.exact ? NOT_APPLICABLE : 0;
    let found = false;
    for (let pu = 1; pu <= mU; pu++) {
      const u = uNodes[pu]!;
      if (u < numDepots || ((visitMask[u]! >>> tV) & 1) === 0) continue;
      const remove = remU[pu]!;
      for (let pv = 1; pv <= mV; pv++) {
        const v = vNodes[pv]!;
        if (v < numDepots || ((visitMask[v]! >>> tU) & 1) === 0) continue;
        let delta = remove + remV[pv]!;
        if (useTotals) {
          let excess = 0;
          for (let d = 0; d < K; d++) {
            const diff = demand[v * K + d]! - demand[u * K + d]!;
            const a = overU[d]! + diff;
            const b = overV[d]! - diff;
            if (a > 0) excess += a;
            if (b > 0) excess += b;
          }
          delta += penLoad * excess + loadBase;
        }
        if (delta >= best) continue;
        delta += this.insertion.best(v, U, pu, remU);
        if (delta >= best) continue;
        const qU = this.insertion.foundPos;
        delta += this.insertion.best(u, V, pv, remV);
        if (delta >= best) continue;
        best = delta;
        found = true;
        this.kind = 0;
        this.pu = pu;
        this.qU = qU;
        this.pv = pv;
        this.qV = this.insertion.foundPos;
      }
    }
    // Relocations of a single client into the other route.
    for (let side = 0; side < 2; side++) {
      const from = side === 0 ? U : V;
      const to = side === 0 ? V : U;
      const rem = side === 0 ? remU : remV;
      const fromEnd = (from.size + 1) * K;
      const toEnd = (to.size + 1) * K;
      for (let p = 1; p <= from.size; p++) {
        const x = from.nodes[p]!;
        if (x < numDepots || ((visitMask[x]! >>> to.type) & 1) === 0) continue;
        let delta = rem[p]!;
        if (useTotals) {
          let exFrom = 0;
          let exTo = 0;
          for (let d = 0; d < K; d++) {
            const q = demand[x * K + d]!;
            const overFrom = from.preLoad[fromEnd + d]! - q - capacity[from.type * K + d]!;
            const overTo = to.preLoad[toEnd + d]! + q - capacity[to.type * K + d]!;
            if (overFrom > 0) exFrom += overFrom;
            if (overTo > 0) exTo += overTo;
          }
          delta += penLoad * (exFrom + exTo - from.excessLoad - to.excessLoad);
        }
        if (delta >= best) continue;
        delta += this.insertion.best(x, to, NONE, rem);
        if (delta >= best) continue;
        best = delta;
        found = true;
        this.kind = side + 1;
        if (side === 0) {
          this.pu = p;
          this.qV = this.insertion.foundPos;
        } else {
          this.pv = p;
          this.qU = this.insertion.foundPos;
        }
      }
    }
    if (!found) return NOT_APPLICABLE;
    return this.exactDelta(U, V);
  }

  apply(U: Route, V: Route): void {
    if (this.kind === 0) {
      const u = U.nodes[this.pu]!;
      const v = V.nodes[this.pv]!;
      U.removeAndInsert(this.pu, v, this.qU);
      V.removeAndInsert(this.pv, u, this.qV);
    } else if (this.kind === 1) {
      const u = U.nodes[this.pu]!;
      U.removeAt(this.pu, 1);
      V.insertOne(this.qV + 1, u);
    } else {
      const v = V.nodes[this.pv]!;
      V.removeAt(this.pv, 1);
      U.insertOne(this.qU + 1, v);
    }
  }

  /** Exact penalised-cost change of the recorded candidate. */
  private exactDelta(U: Route, V: Route): number {
    const P = this.ctx.proposal;
    if (this.kind === 0) {
      const costU = this.removeInsertCost(U, this.pu, V.nodes[this.pv]!, this.qU);
      const costV = this.removeInsertCost(V, this.pv, U.nodes[this.pu]!, this.qV);
      return costU + costV - U.cost - V.cost;
    }
    const from = this.kind === 1 ? U : V;
    const to = this.kind === 1 ? V : U;
    const p = this.kind === 1 ? this.pu : this.pv;
    const q = this.kind === 1 ? this.qV : this.qU;
    P.startPrefix(from, p - 1);
    const costFrom = P.finishSuffix(from, p + 1);
    P.startPrefix(to, q);
    P.addNode(from.nodes[p]!);
    const costTo = P.finishSuffix(to, q + 1);
    return costFrom + costTo - U.cost - V.cost;
  }

  /** Cost of R with its visit at p removed and x inserted after position q (q ≠ p). */
  private removeInsertCost(R: Route, p: number, x: number, q: number): number {
    const P = this.ctx.proposal;
    if (q === p - 1) {
      P.startPrefix(R, p - 1);
      P.addNode(x);
      return P.finishSuffix(R, p + 1);
    }
    if (q < p) {
      P.startPrefix(R, q);
      P.addNode(x);
      P.addRange(R, q + 1, p - 1);
      return P.finishSuffix(R, p + 1);
    }
    P.startPrefix(R, p - 1);
    P.addRange(R, p + 1, q);
    P.addNode(x);
    return P.finishSuffix(R, q + 1);
  }
}
