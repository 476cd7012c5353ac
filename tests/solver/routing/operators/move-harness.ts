import { expect } from 'vitest';
import { createRng, type Rng } from '../../../../packages/domain/src/random.ts';
import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import {
  createOperatorContext,
  type NodeOperator,
  type OperatorContext,
  type RouteOperator,
} from '../../../../packages/solver/src/routing/operators/operator.ts';
import { evaluatePlan } from '../../../../packages/solver/src/routing/search/evaluate-plan.ts';
import type { Penalties, Plan } from '../../../../packages/solver/src/routing/search/plan.ts';
import type { Route } from '../../../../packages/solver/src/routing/search/route.ts';
import { RouteSet } from '../../../../packages/solver/src/routing/search/route-set.ts';
import { createSearchData, mayVisit } from '../../../../packages/solver/src/routing/search/search-data.ts';
import { type RandomProblemSpec, randomProblem, randomTestPlan } from '../search/random-problem.ts';

/** Instance families every operator is checked on. */
export const FAMILIES: Record<string, RandomProblemSpec> = {
  everything: {
    clients: 14,
    depots: 3,
    vehicleTypes: 3,
    timeWindows: true,
    optional: true,
    reloads: true,
    restrictedTypes: true,
    durationCosts: true,
  },
  timeWindows: {
    clients: 16,
    timeWindows: true,
    durationCosts: true,
    vehicleTypes: 2,
    restrictedTypes: true,
  },
  cvrp: { clients: 18, dims: 1, depots: 1, vehicleTypes: 1, integer: true, numAvailable: 8 },
  reloads: { clients: 14, reloads: true, vehicleTypes: 2, capacity: 25 },
  prizes: { clients: 16, optional: true, timeWindows: true, vehicleTypes: 2 },
};

export interface Scenario {
  problem: ProblemData;
  ctx: OperatorContext;
  routes: RouteSet;
  penalties: Penalties;
  rng: Rng;
}

/** A random problem of a family, a random plan loaded into a RouteSet, random penalties, exact mode. */
export function scenario(family: string, seed: number): Scenario {
  const problem = randomProblem(seed, FAMILIES[family]!);
  const rng = createRng(seed * 7919 + 17);
  const data = createSearchData(problem);
  const penalties = { load: rng.range(0.5, 50), timeWarp: rng.range(0.5, 50) };
  data.costs.setPenalties(penalties);
  const ctx = createOperatorContext(data);
  ctx.exact = true;
  const routes = new RouteSet(data);
  routes.load(randomTestPlan(problem, rng, { dropRequired: true }));
  // Offer empty routes of every type, as the local search does.
  for (let t = 0; t < problem.numVehicleTypes; t++) routes.emptyRoute(t);
  return { problem, ctx, routes, penalties, rng };
}

export function penalisedCost(s: Scenario): number {
  return evaluatePlan(s.problem, s.routes.export(), s.penalties).penalisedCost;
}

/** Structural invariants of the search state after a move. */
export function expectValid(s: Scenario): void {
  const { problem, routes } = s;
  const data = createSearchData(problem);
  const plan: Plan = routes.export();
  const seen = new Set<number>();
  for (const route of plan.routes) {
    let reloads = 0;
    for (const l of route.visits) {
      expect(mayVisit(data, route.vehicleType, l)).toBe(true);
      if (l < problem.numDepots) reloads++;
      else {
        expect(seen.has(l)).toBe(false);
        seen.add(l);
      }
    }
    expect(reloads).toBeLessThanOrEqual(problem.maxReloads[route.vehicleType]!);
  }
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    const r = routes.routeOf[l]!;
    if (r < 0) {
      expect(seen.has(l)).toBe(false);
      continue;
    }
    expect(routes.routes[r]!.nodes[routes.posOf[l]!]).toBe(l);
  }
}

export function pickRoute(s: Scenario, nonEmpty: boolean): Route | undefined {
  const candidates = s.routes.routes.filter((r) => !nonEmpty || r.size > 0);
  return candidates.length === 0 ? undefined : s.rng.pick(candidates);
}

/**
 * Thousands of random (U, i, V, j) moves: whenever the operator says the move exists, its predicted
 * delta must equal the change of `evaluatePlan`'s penalised cost after `apply` (to 1e-6).
 */
export function checkNodeOperator(
  make: (ctx: OperatorContext) => NodeOperator,
  options: { families?: string[]; seeds?: number; moves?: number; sameRouteShare?: number } = {},
): { applied: number; evaluated: number } {
  let applied = 0;
  let evaluated = 0;
  for (const family of options.families ?? Object.keys(FAMILIES)) {
    for (let seed = 1; seed <= (options.seeds ?? 4); seed++) {
      const s = scenario(family, seed);
      const op = make(s.ctx);
      let before = penalisedCost(s);
      for (let m = 0; m < (options.moves ?? 400); m++) {
        const U = pickRoute(s, true);
        if (!U) break;
        const V = s.rng.next() < (options.sameRouteShare ?? 0.3) ? U : pickRoute(s, false)!;
        const i = 1 + s.rng.int(U.size);
        const j = s.rng.int(V.size + 1);
        evaluated++;
        const delta = op.evaluate(U, i, V, j);
        if (!Number.isFinite(delta)) continue;
        op.apply(U, i, V, j);
        s.routes.numUpdates++;
        s.routes.update(U);
        if (V !== U) s.routes.update(V);
        const after = penalisedCost(s);
        expect(after - before, `${op.name} ${family} seed ${seed} move ${m}`).toBeCloseTo(delta, 6);
        expectValid(s);
        before = after;
        applied++;
      }
    }
  }
  return { applied, evaluated };
}

/** The same for route operators (SWAP*), on random pairs of routes. */
export function checkRouteOperator(
  make: (ctx: OperatorContext) => RouteOperator,
  options: { families?: string[]; seeds?: number; moves?: number } = {},
): number {
  let applied = 0;
  for (const family of options.families ?? Object.keys(FAMILIES)) {
    for (let seed = 1; seed <= (options.seeds ?? 4); seed++) {
      const s = scenario(family, seed);
      const op = make(s.ctx);
      let before = penalisedCost(s);
      for (let m = 0; m < (options.moves ?? 200); m++) {
        const U = pickRoute(s, true);
        const V = pickRoute(s, true);
        if (!U || !V || U === V) continue;
        const delta = op.evaluate(U, V);
        if (!Number.isFinite(delta)) continue;
        op.apply(U, V);
        s.routes.numUpdates++;
        s.routes.update(U);
        s.routes.update(V);
        const after = penalisedCost(s);
        expect(after - before, `${op.name} ${family} seed ${seed} move ${m}`).toBeCloseTo(delta, 6);
        expectValid(s);
        before = after;
        applied++;
      }
    }
  }
  return applied;
}
