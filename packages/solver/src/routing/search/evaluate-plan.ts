import type { ProblemData } from '../model/problem-data.ts';
import type { Evaluation, Penalties, Plan } from './plan.ts';
import { RouteProposal } from './route-proposal.ts';
import { createSearchData, mayVisit, type SearchData } from './search-data.ts';

/** Tolerance for calling a violation zero (integer data compares exactly). */
const FEASIBILITY_EPS = 1e-9;

const cache = new WeakMap<ProblemData, { data: SearchData; missingCost: number }>();

/** Shared per-problem tables (computed once per `ProblemData` object). */
export function searchDataOf(problem: ProblemData): SearchData {
  return cached(problem).data;
}

/**
 * Penalised cost of leaving a required client unvisited: larger than any route could cost for it,
 * so no trade-off ever prefers dropping a required client. Scaled to the problem's own units.
 */
export function missingRequiredCost(problem: ProblemData): number {
  return cached(problem).missingCost;
}

function cached(problem: ProblemData): { data: SearchData; missingCost: number } {
  let entry = cache.get(problem);
  if (!entry) {
    let maxDist = 0;
    let maxDur = 0;
    for (let i = 0; i < problem.distance.length; i++) {
      if (problem.distance[i]! > maxDist) maxDist = problem.distance[i]!;
      if (problem.duration[i]! > maxDur) maxDur = problem.duration[i]!;
    }
    let perClient = 1;
    for (let t = 0; t < problem.numVehicleTypes; t++) {
      perClient = Math.max(
        perClient,
        problem.fixedCost[t]! +
          problem.unitDistanceCost[t]! * maxDist +
          problem.unitDurationCost[t]! * maxDur,
      );
    }
    let maxPrize = 0;
    for (let l = 0; l < problem.numLocations; l++) maxPrize = Math.max(maxPrize, problem.prize[l]!);
    entry = { data: createSearchData(problem), missingCost: 1e4 * (perClient + maxPrize) };
    cache.set(problem, entry);
  }
  return entry;
}

/**
 * Evaluates a plan with the search's own cost model (see `CostEvaluator`): the objective, the
 * violations the penalties price, and hard-rule feasibility (vehicle availability, allowed types,
 * reload depots and limits, duplicate or unknown visits, required clients). Routes without visits
 * cost nothing and use no vehicle (the local search never returns them).
 */
export function evaluatePlan(problem: ProblemData, plan: Plan, penalties: Penalties): Evaluation {
  const data = searchDataOf(problem);
  const costs = data.costs;
  costs.setPenalties(penalties);
  const proposal = new RouteProposal(data);
  const seen = new Uint8Array(problem.numLocations);
  const used = new Int32Array(problem.numVehicleTypes);
  let cost = 0;
  let excessLoad = 0;
  let timeWarp = 0;
  let hardOk = true;

  for (const route of plan.routes) {
    const t = route.vehicleType;
    if (!Number.isInteger(t) || t < 0 || t >= problem.numVehicleTypes) {
      hardOk = false;
      continue;
    }
    if (route.visits.length === 0) continue;
    used[t]!++;
    proposal.startEmpty(t);
    let reloads = 0;
    for (const l of route.visits) {
      if (!Number.isInteger(l) || l < 0 || l >= problem.numLocations) {
        hardOk = false;
        continue;
      }
      if (!mayVisit(data, t, l)) hardOk = false;
      if (l < problem.numDepots) {
        reloads++;
        // A depot that is not a reload depot of this type does not unload (checker convention).
        if (!mayVisit(data, t, l)) {
          proposal.addPassThrough(l);
          continue;
        }
      } else {
        if (seen[l] === 1) hardOk = false;
        seen[l] = 1;
      }
      proposal.addNode(l);
    }
    if (reloads > problem.maxReloads[t]!) hardOk = false;
    proposal.finish();
    cost += costs.routeCost(t, proposal.numVisits, proposal.distance, proposal.duration);
    excessLoad += proposal.excessLoad;
    timeWarp += proposal.timeWarp;
  }

  for (let t = 0; t < problem.numVehicleTypes; t++) if (used[t]! > problem.numAvailable[t]!) hardOk = false;

  let missingRequired = 0;
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    if (seen[l] === 1) continue;
    if (problem.required[l] === 1) missingRequired++;
    else cost += problem.prize[l]!;
  }

  const feasible =
    hardOk && missingRequired === 0 && excessLoad <= FEASIBILITY_EPS && timeWarp <= FEASIBILITY_EPS;
  const penalisedCost =
    cost +
    penalties.load * excessLoad +
    penalties.timeWarp * timeWarp +
    missingRequired * missingRequiredCost(problem);
  return { cost, excessLoad, timeWarp, missingRequired, feasible, penalisedCost };
}
