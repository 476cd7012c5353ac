import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../packages/domain/src/random.ts';
import { insertionPlan } from '../../../../packages/solver/src/routing/construction/insertion.ts';
import { randomPlan } from '../../../../packages/solver/src/routing/construction/random-plan.ts';
import { savingsPlan } from '../../../../packages/solver/src/routing/construction/savings.ts';
import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { evaluatePlan } from '../../../../packages/solver/src/routing/search/evaluate-plan.ts';
import type { Plan } from '../../../../packages/solver/src/routing/search/plan.ts';
import { randomProblem } from '../search/random-problem.ts';

const PEN = { load: 1000, timeWarp: 1000 };

function visitedOnce(problem: ProblemData, plan: Plan): Set<number> {
  const seen = new Set<number>();
  for (const route of plan.routes) {
    for (const l of route.visits) {
      if (l < problem.numDepots) continue;
      expect(seen.has(l)).toBe(false);
      expect((problem.allowedTypesMask[l]! >>> route.vehicleType) & 1).toBe(1);
      seen.add(l);
    }
  }
  return seen;
}

describe('randomPlan', () => {
  it('visits every required client once, on allowed vehicle types, within the fleet', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const problem = randomProblem(seed, {
        clients: 40,
        optional: true,
        restrictedTypes: true,
        vehicleTypes: 3,
        numAvailable: 10,
      });
      const plan = randomPlan(problem, createRng(seed));
      const seen = visitedOnce(problem, plan);
      for (let l = problem.numDepots; l < problem.numLocations; l++)
        if (problem.required[l] === 1) expect(seen.has(l)).toBe(true);
      const used = new Map<number, number>();
      for (const r of plan.routes) used.set(r.vehicleType, (used.get(r.vehicleType) ?? 0) + 1);
      for (const [t, count] of used) expect(count).toBeLessThanOrEqual(problem.numAvailable[t]!);
    }
  });

  it('differs between seeds and repeats for a seed', () => {
    const problem = randomProblem(1, { clients: 30 });
    expect(randomPlan(problem, createRng(1))).toEqual(randomPlan(problem, createRng(1)));
    expect(randomPlan(problem, createRng(1))).not.toEqual(randomPlan(problem, createRng(2)));
  });
});

describe('savingsPlan', () => {
  it('builds feasible CVRP plans much cheaper than one route per client', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const problem = randomProblem(seed, {
        clients: 80,
        dims: 1,
        depots: 1,
        vehicleTypes: 1,
        integer: true,
        numAvailable: 80,
        capacity: 60,
      });
      const plan = savingsPlan(problem);
      expect(visitedOnce(problem, plan).size).toBe(problem.numClients);
      const e = evaluatePlan(problem, plan, PEN);
      expect(e.feasible).toBe(true);
      const n = problem.numLocations;
      let star = 0;
      for (let l = 1; l < n; l++) star += problem.distance[l]! + problem.distance[l * n]!;
      expect(e.cost - problem.fixedCost[0]! * plan.routes.length).toBeLessThan(0.6 * star);
    }
  });

  it('keeps time windows and duration limits', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const problem = randomProblem(seed, {
        clients: 50,
        timeWindows: true,
        vehicleTypes: 1,
        depots: 1,
        numAvailable: 50,
      });
      const e = evaluatePlan(problem, savingsPlan(problem), PEN);
      // Some random windows cannot be met even by a dedicated vehicle; merges never add lateness.
      const star = {
        routes: Array.from({ length: problem.numClients }, (_, k) => ({ vehicleType: 0, visits: [k + 1] })),
      };
      expect(e.timeWarp).toBeCloseTo(evaluatePlan(problem, star, PEN).timeWarp, 9);
      expect(e.excessLoad).toBe(0);
    }
  });

  it('falls back to insertion when the problem is not CVRP-like', () => {
    const problem = randomProblem(2, { clients: 20, reloads: true, vehicleTypes: 2 });
    expect(visitedOnce(problem, savingsPlan(problem)).size).toBe(problem.numClients);
  });
});

describe('insertionPlan', () => {
  it('honours every constraint when the fleet allows it', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const problem = randomProblem(seed, {
        clients: 40,
        timeWindows: true,
        durationCosts: true,
        restrictedTypes: true,
        optional: true,
        vehicleTypes: 3,
        numAvailable: 40,
      });
      const plan = insertionPlan(problem);
      const seen = visitedOnce(problem, plan);
      for (let l = problem.numDepots; l < problem.numLocations; l++)
        if (problem.required[l] === 1) expect(seen.has(l)).toBe(true);
      expect(evaluatePlan(problem, plan, PEN).feasible).toBe(true);
    }
  });

  it('repairs a partial plan, keeping what is there', () => {
    const problem = randomProblem(3, { clients: 30, timeWindows: true, numAvailable: 30 });
    const partial = { routes: [{ vehicleType: 0, visits: [problem.numDepots, problem.numDepots + 1] }] };
    const plan = insertionPlan(problem, createRng(1), { initial: partial, order: 'random' });
    expect(visitedOnce(problem, plan).size).toBe(problem.numClients);
    const first = plan.routes.find((r) => r.visits.includes(problem.numDepots))!;
    expect(first.visits).toContain(problem.numDepots + 1);
  });
});
