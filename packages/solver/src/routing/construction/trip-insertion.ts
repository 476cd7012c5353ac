import type { OperatorContext } from '../operators/operator.ts';
import type { OptionalClients } from '../operators/optional-clients.ts';
import type { Route } from '../search/route.ts';

/**
 * Inserting an unvisited client together with a reload visit: "unload, then x" or "x, then unload"
 * after position j of V — how a construction opens a new trip when x would overload the trip it
 * joins. Priced exactly like `OptionalClients.evaluateInsert` (penalised route cost − absence cost);
 * only tried when the plain insertion overloads that trip and V's type may still reload. O(1) per
 * reload depot of the type.
 */
export class TripInsertion {
  private readonly ctx: OperatorContext;
  private readonly optional: OptionalClients;
  private depot = 0;
  private depotFirst = true;

  constructor(ctx: OperatorContext, optional: OptionalClients) {
    this.ctx = ctx;
    this.optional = optional;
  }

  /** Whether x after position j would overload the trip it joins (in any load dimension). */
  overloads(x: number, V: Route, j: number): boolean {
    const { K, demand, capacity } = this.ctx.data;
    const t = V.type;
    for (let d = 0; d < K; d++) {
      const trip = V.preLoad[j * K + d]! + V.sufLoad[(j + 1) * K + d]!;
      if (trip + demand[x * K + d]! > capacity[t * K + d]!) return true;
    }
    return false;
  }

  /** Best delta of x with a reload next to it after position j of V; +∞ when V may not reload. */
  evaluate(x: number, V: Route, j: number): number {
    const data = this.ctx.data;
    const problem = data.problem;
    const t = V.type;
    if (((data.visitMask[x]! >>> t) & 1) === 0) return Number.POSITIVE_INFINITY;
    if (V.preReloads[V.size + 1]! >= problem.maxReloads[t]!) return Number.POSITIVE_INFINITY;
    const P = this.ctx.proposal;
    const absence = this.optional.absenceCost(x);
    let best = Number.POSITIVE_INFINITY;
    for (let r = problem.reloadOffsets[t]!; r < problem.reloadOffsets[t + 1]!; r++) {
      const depot = problem.reloadDepots[r]!;
      for (let order = 0; order < 2; order++) {
        P.startPrefix(V, j);
        P.addNode(order === 0 ? depot : x);
        P.addNode(order === 0 ? x : depot);
        const delta = P.finishSuffix(V, j + 1) - V.cost - absence;
        if (delta < best) {
          best = delta;
          this.depot = depot;
          this.depotFirst = order === 0;
        }
      }
    }
    return best;
  }

  /** Performs the insertion last evaluated (call the route's `update()` afterwards). */
  apply(x: number, V: Route, j: number): void {
    V.insertOne(j + 1, this.depotFirst ? x : this.depot);
    V.insertOne(j + 1, this.depotFirst ? this.depot : x);
  }
}
