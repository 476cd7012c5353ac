import type { Rng } from '@village/domain';
import type { ProblemData } from '../model/problem-data.ts';
import type { Plan, PlannedRoute } from '../search/plan.ts';

/**
 * A random plan, the raw material of HGS's initial population (the local search then improves it):
 * a random giant tour of the required clients (and of each optional client with probability ½),
 * cut greedily into routes — a client starts a new route when it would overload the current one in
 * some dimension or its vehicle type may not serve it. New routes take a random vehicle type that
 * may serve the client and still has a free vehicle; when the fleet is exhausted the client joins
 * a random compatible route (the plan is then infeasible and the penalties take over).
 */
export function randomPlan(problem: ProblemData, rng: Rng): Plan {
  const { numDepots: D, numLocations: n, numLoadDims: K } = problem;
  const tour: number[] = [];
  for (let l = D; l < n; l++) if (problem.required[l] === 1 || rng.next() < 0.5) tour.push(l);
  for (let k = tour.length - 1; k > 0; k--) {
    const r = rng.int(k + 1);
    const tmp = tour[k]!;
    tour[k] = tour[r]!;
    tour[r] = tmp;
  }

  const free = Int32Array.from(problem.numAvailable);
  const routes: PlannedRoute[] = [];
  const loads: Float64Array[] = [];
  let current = -1;
  const allowed = (t: number, l: number): boolean => ((problem.allowedTypesMask[l]! >>> t) & 1) === 1;
  const fits = (r: number, l: number): boolean => {
    const t = routes[r]!.vehicleType;
    for (let d = 0; d < K; d++) {
      if (loads[r]![d]! + problem.demand[l * K + d]! > problem.capacity[t * K + d]!) return false;
    }
    return true;
  };
  const add = (r: number, l: number): void => {
    routes[r]!.visits.push(l);
    for (let d = 0; d < K; d++) loads[r]![d] = loads[r]![d]! + problem.demand[l * K + d]!;
  };

  for (const l of tour) {
    if (current >= 0 && allowed(routes[current]!.vehicleType, l) && fits(current, l)) {
      add(current, l);
      continue;
    }
    const types: number[] = [];
    for (let t = 0; t < problem.numVehicleTypes; t++) if (free[t]! > 0 && allowed(t, l)) types.push(t);
    if (types.length > 0) {
      const t = rng.pick(types);
      free[t]!--;
      routes.push({ vehicleType: t, visits: [] });
      const load = new Float64Array(K);
      for (let d = 0; d < K; d++) load[d] = problem.initialLoad[t * K + d]!;
      loads.push(load);
      current = routes.length - 1;
      add(current, l);
      continue;
    }
    const compatible: number[] = [];
    for (let r = 0; r < routes.length; r++) if (allowed(routes[r]!.vehicleType, l)) compatible.push(r);
    // No vehicle can take the client at all: leave it unvisited (the plan reports it missing).
    if (compatible.length > 0) add(rng.pick(compatible), l);
  }
  return { routes };
}
