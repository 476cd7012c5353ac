import { createRng } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import { OrderedCrossover } from '../../../../packages/solver/src/routing/metaheuristic/crossover/ordered-crossover.ts';
import { SelectiveRouteExchange } from '../../../../packages/solver/src/routing/metaheuristic/crossover/selective-route-exchange.ts';
import {
  isGiantTourProblem,
  Split,
} from '../../../../packages/solver/src/routing/metaheuristic/crossover/split.ts';
import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { Plan } from '../../../../packages/solver/src/routing/search/plan.ts';
import { richProblem } from './rich-problem.ts';
import { checkerEvaluate, loadCvrplib, randomPlan, visitCounts } from './support.ts';

const penalties = { load: 5, timeWarp: 2 };

/** Violations a crossover must never cause; load, time and missing optional clients are the LS's business. */
const STRUCTURAL = new Set([
  'duplicateVisit',
  'fleetExceeded',
  'vehicleTypeNotAllowed',
  'reloadNotAllowed',
  'tooManyReloads',
  'unknownLocation',
  'unknownVehicleType',
  'missingRequired',
]);

function structuralViolations(problem: ProblemData, plan: Plan): string[] {
  return checkPlan(problem, plan)
    .violations.filter((v) => STRUCTURAL.has(v.kind) && v.kind !== 'tooManyReloads')
    .map((v) => v.kind);
}

describe('OrderedCrossover (OX + Split)', () => {
  const problem = loadCvrplib('A-n32-k5');

  it('applies to CVRPLIB instances only', () => {
    expect(isGiantTourProblem(problem)).toBe(true);
    expect(isGiantTourProblem(richProblem())).toBe(false);
  });

  it('produces plans visiting every client exactly once', () => {
    const rng = createRng(11);
    const ox = new OrderedCrossover(problem);
    for (let i = 0; i < 100; i++) {
      const child = ox.cross(randomPlan(problem, rng), randomPlan(problem, rng), penalties, rng);
      const counts = visitCounts(problem, child);
      for (let c = problem.numDepots; c < problem.numLocations; c++) expect(counts[c]).toBe(1);
      expect(child.routes.every((r) => r.vehicleType === 0 && r.visits.length > 0)).toBe(true);
    }
  });

  it('keeps a parent crossed with itself close to that parent', () => {
    const rng = createRng(5);
    const parent = randomPlan(problem, rng);
    const child = new OrderedCrossover(problem).cross(parent, parent, penalties, rng);
    expect(
      visitCounts(problem, child)
        .slice(1)
        .every((k) => k === 1),
    ).toBe(true);
  });
});

describe('Split', () => {
  it('finds the cheapest penalised partition of a giant tour (brute force on 15 clients)', () => {
    const problem = loadCvrplib('P-n16-k8');
    const tour = Int32Array.from({ length: 15 }, (_, i) => i + 1);
    const cap = problem.capacity[0]!;
    const moderate = { load: 1, timeWarp: 1 };
    const plan = new Split(problem).split(tour, 15, moderate);
    const splitCost = checkerEvaluate(problem, plan, moderate).penalisedCost;
    let best = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 1 << 14; mask++) {
      const routes: number[][] = [[1]];
      for (let c = 2; c <= 15; c++) {
        if (mask & (1 << (c - 2))) routes.push([c]);
        else routes[routes.length - 1]!.push(c);
      }
      // Split never extends a route beyond 1.5× capacity (except single clients).
      const tooHeavy = routes.some(
        (r) => r.length > 1 && r.reduce((s, c) => s + problem.demand[c]!, 0) > 1.5 * cap,
      );
      if (tooHeavy) continue;
      const cost = checkerEvaluate(
        problem,
        { routes: routes.map((visits) => ({ vehicleType: 0, visits })) },
        moderate,
      );
      best = Math.min(best, cost.penalisedCost);
    }
    expect(splitCost).toBeCloseTo(best, 9);
  });
});

describe('SelectiveRouteExchange', () => {
  const problem = richProblem();

  it('produces plans with each client at most once, every required client, fleet and types respected', () => {
    const rng = createRng(3);
    const srex = new SelectiveRouteExchange(problem, (plan, p) => checkerEvaluate(problem, plan, p));
    for (let i = 0; i < 200; i++) {
      const a = randomPlan(problem, rng);
      const b = randomPlan(problem, rng);
      const child = srex.cross(a, b, penalties, rng);
      expect(structuralViolations(problem, child)).toEqual([]);
      const counts = visitCounts(problem, child);
      expect(counts.every((k) => k <= 1)).toBe(true);
    }
  });

  it('returns a copy of the non-empty parent when the other has no routes', () => {
    const rng = createRng(1);
    const srex = new SelectiveRouteExchange(problem, (plan, p) => checkerEvaluate(problem, plan, p));
    const a = randomPlan(problem, rng);
    expect(srex.cross(a, { routes: [] }, penalties, rng)).toEqual(a);
  });
});
