import type { Route } from '../search/route.ts';
import { NOT_APPLICABLE, type OperatorContext } from './operator.ts';

/**
 * Placing and dropping reload visits within one route (no client moves): a trip over capacity is
 * best split by a reload at the right place, and a reload that no longer pays (the vehicle could
 * carry on) should go. Route-level, run on changed routes only, so problems without reload depots
 * never reach this code.
 */
export class ReloadPlacement {
  private readonly ctx: OperatorContext;
  private bestPos = 0;
  private bestDepot = 0;

  constructor(ctx: OperatorContext) {
    this.ctx = ctx;
  }

  /** Delta of removing the reload depot at position p of R. */
  evaluateRemove(R: Route, p: number): number {
    if (p < 1 || p > R.size || R.nodes[p]! >= this.ctx.data.numDepots) return NOT_APPLICABLE;
    const P = this.ctx.proposal;
    P.startPrefix(R, p - 1);
    return P.finishSuffix(R, p + 1) - R.cost;
  }

  applyRemove(R: Route, p: number): void {
    R.removeAt(p, 1);
  }

  /** Best delta of inserting one of R's reload depots anywhere in R; `applyInsert` performs it. */
  evaluateInsert(R: Route): number {
    const problem = this.ctx.data.problem;
    const t = R.type;
    if (R.numClients === 0 || R.preReloads[R.size + 1]! >= problem.maxReloads[t]!) return NOT_APPLICABLE;
    const P = this.ctx.proposal;
    let best = NOT_APPLICABLE;
    for (let r = problem.reloadOffsets[t]!; r < problem.reloadOffsets[t + 1]!; r++) {
      const depot = problem.reloadDepots[r]!;
      for (let p = 0; p <= R.size; p++) {
        P.startPrefix(R, p);
        P.addNode(depot);
        const delta = P.finishSuffix(R, p + 1) - R.cost;
        if (delta < best) {
          best = delta;
          this.bestPos = p;
          this.bestDepot = depot;
        }
      }
    }
    return best;
  }

  applyInsert(R: Route): void {
    R.insertOne(this.bestPos + 1, this.bestDepot);
  }
}
