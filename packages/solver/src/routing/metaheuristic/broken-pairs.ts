import type { ProblemData } from '../model/problem-data.ts';
import type { Plan } from '../search/plan.ts';

/** Marks an unvisited client in the neighbour arrays. */
export const UNVISITED = -1;

/**
 * Fills `pred[l]`/`succ[l]` with the locations before and after each client in `plan` (start/end depots
 * and reload depots by their own index, `UNVISITED` for clients no route visits). These arrays are all
 * the broken-pairs distance needs, so they are computed once per individual.
 */
export function fillNeighbours(problem: ProblemData, plan: Plan, pred: Int32Array, succ: Int32Array): void {
  pred.fill(UNVISITED);
  succ.fill(UNVISITED);
  const D = problem.numDepots;
  for (const route of plan.routes) {
    const visits = route.visits;
    if (visits.length === 0) continue;
    let prev = problem.startDepot[route.vehicleType]!;
    for (let i = 0; i < visits.length; i++) {
      const l = visits[i]!;
      if (l >= D) pred[l] = prev;
      if (prev >= D) succ[prev] = l;
      prev = l;
    }
    if (prev >= D) succ[prev] = problem.endDepot[route.vehicleType]!;
  }
}

/**
 * Broken-pairs distance (Prins 2009; HGS, PyVRP): the share of client adjacencies of one plan that the
 * other does not have, in [0, 1]. 0 means the same edges (a reversed route counts as identical, as for
 * symmetric costs it is), 1 means no adjacency in common.
 *
 * Each client's two neighbours in `a` are looked up among its neighbours in `b` and vice versa; counting
 * both directions makes the measure symmetric (one direction alone is not when the plans have different
 * numbers of depot edges). Allocation-free: it runs λ+μ times per offspring.
 */
export function brokenPairsDistance(
  firstClient: number,
  numLocations: number,
  aPred: Int32Array,
  aSucc: Int32Array,
  bPred: Int32Array,
  bSucc: Int32Array,
): number {
  const numClients = numLocations - firstClient;
  if (numClients <= 0) return 0;
  let broken = 0;
  for (let j = firstClient; j < numLocations; j++) {
    const ap = aPred[j]!;
    const as = aSucc[j]!;
    const bp = bPred[j]!;
    const bs = bSucc[j]!;
    if (as !== bs && as !== bp) broken++;
    if (ap !== bp && ap !== bs) broken++;
    if (bs !== as && bs !== ap) broken++;
    if (bp !== ap && bp !== as) broken++;
  }
  return broken / (4 * numClients);
}
