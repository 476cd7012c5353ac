import { missingRequiredCost } from '../search/evaluate-plan.ts';
import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type OperatorContext } from './operator.ts';

/**
 * Inserting and removing clients (prize-collecting and repair). The plan's objective charges the
 * prize of every unvisited optional client and a prohibitive cost for every unvisited required one
 * (`missingRequiredCost`), so both moves are priced as ordinary deltas of the penalised cost:
 *   remove x from U:         cost(U \ x) − cost(U) + prize(x)       (optional clients only)
 *   insert x after V's j:    cost(V + x) − cost(V) − prize(x)        (required: − missing cost)
 * The local search removes a visited optional client when its delta is negative (its prize is
 * below the saving), and inserts an unvisited client at its cheapest granular position when that
 * improves — always, for required clients.
 */
export class OptionalClients {
  private readonly ctx: OperatorContext;
  private readonly missingCost: number;

  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
    this.missingCost = missingRequiredCost(ctx.data.problem);
  }

  /** What leaving client x unvisited costs in the objective. */
  absenceCost(x: number): number {
    const problem = this.ctx.data.problem;
    return problem.required[x] === 1 ? this.missingCost : problem.prize[x]!;
  }

  evaluateRemove(U: Route, i: number): number {
    const problem = this.ctx.data.problem;
    if (i < 1 || i > U.size) return NOT_APPLICABLE;
    const x = U.nodes[i]!;
    if (x < problem.numDepots || problem.required[x] === 1) return NOT_APPLICABLE;
    const P = this.ctx.proposal;
    P.startPrefix(U, i - 1);
    return P.finishSuffix(U, i + 1) - U.cost + problem.prize[x]!;
  }

  applyRemove(U: Route, i: number): void {
    U.removeAt(i, 1);
  }

  /** Inserting unvisited client x after position j (0..size) of V. */
  evaluateInsert(x: number, V: Route, j: number): number {
    const data = this.ctx.data;
    if (j < 0 || j > V.size || ((data.visitMask[x]! >>> V.type) & 1) === 0) return NOT_APPLICABLE;
    const { n, fastDistance: dist, costs } = data;
    const a = V.nodes[j]!;
    const b = V.nodes[j + 1]!;
    const absence = this.absenceCost(x);
    const added = dist[a * n + x]! + dist[x * n + b]! - dist[a * n + b]!;
    const bound = costs.lowerBound(V.type, V.size + 1, V.distance + added) - V.cost - absence;
    if (bound >= 0 && !this.ctx.exact) return bound;
    const P = this.ctx.proposal;
    P.startPrefix(V, j);
    P.addNode(x);
    return P.finishSuffix(V, j + 1) - V.cost - absence;
  }

  applyInsert(x: number, V: Route, j: number): void {
    V.insertOne(j + 1, x);
  }
}
