import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { SolveResult } from '../../../../packages/solver/src/routing/model/solution.ts';
import type { Solve } from '../../../../packages/solver/src/routing/solve-options.ts';

/**
 * Stand-ins for the real search, so the mapping, repair pass and explanations are tested on their own
 * and deterministically. They fill only the fields the village layer reads (routes' type, visits and
 * start time; unassigned).
 */
const stats = { iterations: 0, elapsedMs: 0, progress: [] };

function clients(data: ProblemData): number[] {
  return Array.from({ length: data.numClients }, (_, j) => data.numDepots + j);
}

/** Returns no routes: every client left out, for the repair pass to place. */
export const noRoutes: Solve = (data) => ({
  routes: [],
  unassigned: clients(data),
  cost: 0,
  feasible: false,
  stats,
});

/**
 * One vehicle of type 0 visits every required client in index order, unloading at its first reload
 * depot whenever the next client would overflow it; optional clients are left out.
 */
export const sweepRequired: Solve = (data): SolveResult => {
  const K = data.numLoadDims;
  const reload = data.reloadDepots[data.reloadOffsets[0]!]!;
  const load = new Float64Array(K);
  const visits: number[] = [];
  for (const c of clients(data).filter((l) => data.required[l] === 1)) {
    let overflow = false;
    for (let d = 0; d < K; d++) if (load[d]! + data.demand[c * K + d]! > data.capacity[d]!) overflow = true;
    if (overflow) {
      visits.push(reload);
      load.fill(0);
    }
    visits.push(c);
    for (let d = 0; d < K; d++) load[d] = load[d]! + data.demand[c * K + d]!;
  }
  const route = {
    vehicleType: 0,
    visits,
    startTime: data.shiftEarly[0]!,
    endTime: 0,
    distance: 0,
    duration: 0,
    arrival: [],
    loadAfter: [],
    cost: 0,
  };
  return {
    routes: [route],
    unassigned: clients(data).filter((l) => data.required[l] === 0),
    cost: 0,
    feasible: true,
    stats,
  };
};
