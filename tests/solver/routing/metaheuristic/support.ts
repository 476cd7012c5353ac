import { readFileSync } from 'node:fs';
import type { Rng } from '@village/domain';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import { parseCvrplib } from '../../../../packages/solver/src/routing/io/cvrplib.ts';
import {
  createProblem,
  type ProblemData,
} from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { Evaluation, Penalties, Plan } from '../../../../packages/solver/src/routing/search/plan.ts';

export const CVRPLIB_DIR = new URL('../../../../../shared/bench/cvrplib/', import.meta.url);

export function loadCvrplib(name: string): ProblemData {
  const text = readFileSync(new URL(`${name}.vrp`, CVRPLIB_DIR), 'utf8');
  return createProblem(parseCvrplib(text).input);
}

/**
 * An evaluation built on the independent checker — slow but obviously right, so the metaheuristic's
 * own tests (crossover choice, population) do not depend on the search's evaluator.
 */
export function checkerEvaluate(problem: ProblemData, plan: Plan, penalties: Penalties): Evaluation {
  const check = checkPlan(problem, plan);
  let excessLoad = 0;
  let timeWarp = 0;
  let missingRequired = 0;
  for (const v of check.violations) {
    if (v.kind === 'capacity') excessLoad += v.excess;
    else if (v.kind === 'lateArrival' || v.kind === 'lateDeparture') timeWarp += v.lateness;
    else if (v.kind === 'shiftEnd' || v.kind === 'maxDuration') timeWarp += v.excess;
    else if (v.kind === 'missingRequired') missingRequired++;
  }
  const penalisedCost =
    check.cost + penalties.load * excessLoad + penalties.timeWarp * timeWarp + 1e9 * missingRequired;
  return {
    cost: check.cost,
    excessLoad,
    timeWarp,
    missingRequired,
    feasible: check.violations.length === 0,
    penalisedCost,
  };
}

/** Every client at most once, each in a route of an allowed type; returns the visit count per client. */
export function visitCounts(problem: ProblemData, plan: Plan): Int32Array {
  const counts = new Int32Array(problem.numLocations);
  for (const route of plan.routes) {
    for (const l of route.visits) if (l >= problem.numDepots) counts[l]!++;
  }
  return counts;
}

/** A random plan: clients of allowed types shuffled into up to `maxRoutes` routes (tests only). */
export function randomPlan(problem: ProblemData, rng: Rng, visitOptional = 0.5): Plan {
  const clients: number[] = [];
  for (let c = problem.numDepots; c < problem.numLocations; c++) {
    if (problem.allowedTypesMask[c] === 0) continue;
    if (problem.required[c] === 1 || rng.next() < visitOptional) clients.push(c);
  }
  for (let i = clients.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [clients[i], clients[j]] = [clients[j]!, clients[i]!];
  }
  const slots: number[] = [];
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    for (let k = 0; k < Math.min(problem.numAvailable[t]!, 6); k++) slots.push(t);
  }
  const routes = slots.map((vehicleType) => ({ vehicleType, visits: [] as number[] }));
  for (const c of clients) {
    const options = routes.filter((r) => (problem.allowedTypesMask[c]! >>> r.vehicleType) & 1);
    if (options.length > 0) rng.pick(options).visits.push(c);
  }
  return { routes: routes.filter((r) => r.visits.length > 0) };
}
