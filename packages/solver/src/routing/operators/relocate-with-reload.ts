import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type NodeOperator, type OperatorContext } from './operator.ts';

/**
 * Relocate with a reload (PyVRP's RelocateWithDepot): moves client u after v and inserts a visit
 * to one of V's reload depots right before or right after u — the move that turns an overloaded
 * trip into two trips where plain relocation cannot. u may stay where it is (v = p(u) or v = u):
 * then the move only adds a reload next to u. Evaluated exactly (problems with reloads only).
 */
export class RelocateWithReload implements NodeOperator {
  readonly name = 'relocate+reload';
  private readonly ctx: OperatorContext;
  private depot = 0;
  private depotFirst = false;

  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
  }

  evaluate(U: Route, i: number, V: Route, j: number): number {
    const data = this.ctx.data;
    const problem = data.problem;
    if (i < 1 || i > U.size || j < 0 || j > V.size) return NOT_APPLICABLE;
    const u = U.nodes[i]!;
    const t = V.type;
    if (u < data.numDepots || ((data.visitMask[u]! >>> t) & 1) === 0) return NOT_APPLICABLE;
    if (V.preReloads[V.size + 1]! >= problem.maxReloads[t]!) return NOT_APPLICABLE;
    let best = NOT_APPLICABLE;
    for (let r = problem.reloadOffsets[t]!; r < problem.reloadOffsets[t + 1]!; r++) {
      const depot = problem.reloadDepots[r]!;
      for (let order = 0; order < 2; order++) {
        const delta = this.price(U, i, V, j, depot, order === 0);
        if (delta < best) {
          best = delta;
          this.depot = depot;
          this.depotFirst = order === 0;
        }
      }
    }
    return best;
  }

  private price(U: Route, i: number, V: Route, j: number, depot: number, depotFirst: boolean): number {
    const P = this.ctx.proposal;
    const u = U.nodes[i]!;
    if (U !== V) {
      P.startPrefix(U, i - 1);
      const costU = P.finishSuffix(U, i + 1);
      P.startPrefix(V, j);
      this.addPair(u, depot, depotFirst);
      return costU + P.finishSuffix(V, j + 1) - U.cost - V.cost;
    }
    if (j >= i) {
      P.startPrefix(U, i - 1);
      if (j > i) P.addRange(U, i + 1, j);
      this.addPair(u, depot, depotFirst);
      return P.finishSuffix(U, j + 1) - U.cost;
    }
    P.startPrefix(U, j);
    this.addPair(u, depot, depotFirst);
    if (j + 1 <= i - 1) P.addRange(U, j + 1, i - 1);
    return P.finishSuffix(U, i + 1) - U.cost;
  }

  private addPair(u: number, depot: number, depotFirst: boolean): void {
    const P = this.ctx.proposal;
    P.addNode(depotFirst ? depot : u);
    P.addNode(depotFirst ? u : depot);
  }

  apply(U: Route, i: number, V: Route, j: number): void {
    const u = U.nodes[i]!;
    U.removeAt(i, 1);
    // Positions after u shift down by one once it is removed from the same route.
    const at = U === V && j >= i ? j : j + 1;
    V.insertOne(at, this.depotFirst ? u : this.depot);
    V.insertOne(at, this.depotFirst ? this.depot : u);
  }
}
