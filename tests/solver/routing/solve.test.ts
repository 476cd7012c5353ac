import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../packages/solver/src/routing/check/check-plan.ts';
import { defaultSearchComponents } from '../../../packages/solver/src/routing/metaheuristic/search-components.ts';
import { createProblem, type ProblemData } from '../../../packages/solver/src/routing/model/problem-data.ts';
import type { ProgressPoint } from '../../../packages/solver/src/routing/model/solution.ts';
import type { Plan } from '../../../packages/solver/src/routing/search/plan.ts';
import { InternalSolverError, solve, solveWith } from '../../../packages/solver/src/routing/solve.ts';
import { lineProblem } from './check/line-problem.ts';
import { richProblem } from './metaheuristic/rich-problem.ts';
import { loadCvrplib } from './metaheuristic/support.ts';

/** The checker's verdict on a result's routes; only "missing required" may remain when infeasible. */
function hardViolations(problem: ProblemData, routes: { vehicleType: number; visits: number[] }[]): string[] {
  return checkPlan(problem, { routes })
    .violations.filter((v) => v.kind !== 'missingRequired')
    .map((v) => v.kind);
}

describe('solve', () => {
  it('finds the optimum of P-n16-k8 (450)', () => {
    const problem = loadCvrplib('P-n16-k8');
    const result = solve(problem, { seed: 1, maxIterations: 300 });
    expect(result.feasible).toBe(true);
    expect(result.cost).toBe(450);
    expect(result.unassigned).toEqual([]);
    expect(hardViolations(problem, result.routes)).toEqual([]);
  });

  it('finds the optimum of A-n32-k5 (784)', () => {
    const problem = loadCvrplib('A-n32-k5');
    const result = solve(problem, { seed: 1, maxIterations: 500 });
    expect(result.feasible).toBe(true);
    expect(result.cost).toBe(784);
    expect(hardViolations(problem, result.routes)).toEqual([]);
  });

  it('solves a problem with time windows, reloads, two fleets and optional clients (SREX path)', () => {
    const problem = richProblem();
    const result = solve(problem, { seed: 2, maxIterations: 150 });
    expect(result.feasible).toBe(true);
    expect(hardViolations(problem, result.routes)).toEqual([]);
    const visited = new Set(result.routes.flatMap((r) => r.visits));
    for (let c = problem.numDepots; c < problem.numLocations; c++) {
      if (problem.required[c] === 1) expect(visited.has(c)).toBe(true);
    }
    expect(checkPlan(problem, { routes: result.routes }).cost).toBeCloseTo(result.cost, 6);
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const problem = loadCvrplib('P-n16-k8');
    const a = solve(problem, { seed: 7, maxIterations: 40 });
    const b = solve(problem, { seed: 7, maxIterations: 40 });
    expect(b.routes.map((r) => r.visits)).toEqual(a.routes.map((r) => r.visits));
    expect(b.cost).toBe(a.cost);
    expect(b.stats.iterations).toBe(a.stats.iterations);
    expect(b.stats.progress.map((p) => [p.iteration, p.bestCost])).toEqual(
      a.stats.progress.map((p) => [p.iteration, p.bestCost]),
    );
  });

  it('reports strictly decreasing progress, and the last point is the result', () => {
    const problem = loadCvrplib('P-n16-k8');
    const seen: ProgressPoint[] = [];
    const result = solve(problem, { seed: 3, maxIterations: 100, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(result.stats.progress);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bestCost).toBeLessThan(seen[i - 1]!.bestCost);
      expect(seen[i]!.iteration).toBeGreaterThanOrEqual(seen[i - 1]!.iteration);
    }
    expect(seen[seen.length - 1]!.bestCost).toBe(result.cost);
  });

  it('stops early on abort and returns the feasible best so far', () => {
    const problem = loadCvrplib('P-n16-k8');
    const controller = new AbortController();
    const result = solve(problem, {
      seed: 1,
      maxIterations: 100_000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(result.stats.iterations).toBe(0);
    expect(result.feasible).toBe(true);
    expect(hardViolations(problem, result.routes)).toEqual([]);
    expect(result.stats.progress).toHaveLength(1);
  });

  it('stops at the time limit of an injected clock', () => {
    const problem = loadCvrplib('P-n16-k8');
    let t = 0;
    const result = solve(problem, {
      seed: 1,
      timeLimitMs: 100,
      now: () => {
        t += 1;
        return t;
      },
    });
    expect(result.feasible).toBe(true);
    expect(result.stats.iterations).toBeLessThan(100);
  });

  it('leaves out clients no vehicle can serve, reporting them and keeping every route feasible', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }],
        clients: [
          { x: 10, demand: [10] },
          { x: 20, demand: [500] }, // heavier than any truck
          { x: 30, demand: [10], allowedVehicleTypes: [1] }, // type 1 has no vehicle
          { x: 40, demand: [10], required: false, prize: 1000, twEarly: 0, twLate: 5 }, // unreachable in time
        ],
        vehicleTypes: [{ numAvailable: 2 }, { numAvailable: 0 }],
      }),
    );
    const result = solve(problem, { seed: 1, maxIterations: 20 });
    expect(result.feasible).toBe(false);
    expect(result.unassigned).toEqual([2, 3, 4]);
    expect(result.routes.flatMap((r) => r.visits)).toEqual([1]);
    expect(hardViolations(problem, result.routes)).toEqual([]);
    // The forgone prize counts, in the progress as in the result.
    expect(result.cost).toBe(20 + 1000);
    expect(result.stats.progress[result.stats.progress.length - 1]?.bestCost).toBe(result.cost);
  });

  it('returns the feasible part when the fleet is too small for all clients', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }],
        clients: [10, 20, 30, 40].map((x) => ({ x, demand: [60] })),
        vehicleTypes: [{ numAvailable: 2 }],
      }),
    );
    const result = solve(problem, { seed: 1, maxIterations: 20 });
    expect(result.feasible).toBe(false);
    expect(result.unassigned.length).toBeGreaterThanOrEqual(2);
    expect(result.routes.length).toBeLessThanOrEqual(2);
    expect(hardViolations(problem, result.routes)).toEqual([]);
  });

  it('handles a problem without clients', () => {
    const problem = createProblem(lineProblem({ depots: [{ x: 0 }], clients: [] }));
    const result = solve(problem, { seed: 1 });
    expect(result).toMatchObject({ routes: [], unassigned: [], cost: 0, feasible: true });
  });

  it('refuses to return a plan the checker rejects', () => {
    const problem = loadCvrplib('P-n16-k8');
    // A broken search: one overloaded route, which its evaluation calls feasible.
    const lying = (p: ProblemData) => {
      const components = defaultSearchComponents(p);
      const oneRoute = (plan: Plan): Plan => ({
        routes: [{ vehicleType: 0, visits: plan.routes.flatMap((r) => r.visits) }],
      });
      return {
        ...components,
        evaluate: (plan: Plan, penalties: { load: number; timeWarp: number }) => ({
          ...components.evaluate(plan, penalties),
          feasible: true,
        }),
        localSearch: { improve: oneRoute },
      };
    };
    expect(() => solveWith(problem, { seed: 1, maxIterations: 2 }, { components: lying })).toThrow(
      InternalSolverError,
    );
  });
});
