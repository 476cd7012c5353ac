import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../packages/domain/src/random.ts';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import {
  evaluatePlan,
  missingRequiredCost,
} from '../../../../packages/solver/src/routing/search/evaluate-plan.ts';
import { createLocalSearch } from '../../../../packages/solver/src/routing/search/local-search.ts';
import { simulatePlan } from './brute-force.ts';
import { type RandomProblemSpec, randomProblem, randomTestPlan } from './random-problem.ts';

const SPECS: Record<string, RandomProblemSpec> = {
  everything: {
    clients: 15,
    depots: 3,
    vehicleTypes: 3,
    timeWindows: true,
    optional: true,
    reloads: true,
    restrictedTypes: true,
    durationCosts: true,
  },
  timeWindows: { clients: 20, timeWindows: true, durationCosts: true },
  cvrp: { clients: 20, dims: 1, depots: 1, vehicleTypes: 1, integer: true },
};

describe('evaluatePlan', () => {
  it.each(Object.keys(SPECS))('agrees with a brute-force route simulation (%s)', (name) => {
    for (let seed = 1; seed <= 30; seed++) {
      const problem = randomProblem(seed, SPECS[name]!);
      const rng = createRng(seed);
      for (let k = 0; k < 10; k++) {
        const plan = randomTestPlan(problem, rng, { dropRequired: true });
        const penalties = { load: rng.range(0, 100), timeWarp: rng.range(0, 100) };
        const got = evaluatePlan(problem, plan, penalties);
        const want = simulatePlan(problem, plan, penalties);
        expect(got.cost).toBeCloseTo(want.cost, 6);
        expect(got.excessLoad).toBeCloseTo(want.excessLoad, 6);
        expect(got.timeWarp).toBeCloseTo(want.timeWarp, 6);
        expect(got.missingRequired).toBe(want.missingRequired);
        expect(got.penalisedCost).toBeCloseTo(
          want.penalised + want.missingRequired * missingRequiredCost(problem),
          5,
        );
        expect(got.feasible).toBe(
          want.missingRequired === 0 && want.excessLoad < 1e-9 && want.timeWarp < 1e-9,
        );
      }
    }
  });

  it('agrees with the independent checker on the cost of feasible plans', () => {
    let compared = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const problem = randomProblem(seed, { ...SPECS.everything!, numAvailable: 6 });
      const rng = createRng(seed);
      const ls = createLocalSearch(problem);
      const plan = ls.improve(randomTestPlan(problem, rng), { load: 1000, timeWarp: 1000 }, rng);
      const ours = evaluatePlan(problem, plan, { load: 1000, timeWarp: 1000 });
      const check = checkPlan(problem, plan);
      expect(check.violations.length === 0).toBe(ours.feasible);
      if (ours.feasible) {
        expect(ours.cost).toBeCloseTo(check.cost, 6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2);
  });

  it('flags hard-rule violations as infeasible', () => {
    const problem = createProblem({
      numLoadDimensions: 1,
      depots: [{}, {}],
      clients: [{ demand: [1], allowedVehicleTypes: [1] }, { demand: [1] }],
      vehicleTypes: [
        { numAvailable: 1, capacity: [10], startDepot: 0, endDepot: 0, reloadDepots: [1], maxReloads: 1 },
        { numAvailable: 1, capacity: [10], startDepot: 0, endDepot: 0 },
      ],
      distance: [
        [0, 1, 2, 3],
        [1, 0, 1, 2],
        [2, 1, 0, 1],
        [3, 2, 1, 0],
      ],
    });
    const pen = { load: 1, timeWarp: 1 };
    const ok = evaluatePlan(problem, { routes: [{ vehicleType: 1, visits: [2, 3] }] }, pen);
    expect(ok).toMatchObject({ feasible: true, cost: 6, missingRequired: 0 });
    // Client 2 may not ride on type 0.
    expect(evaluatePlan(problem, { routes: [{ vehicleType: 0, visits: [2, 3] }] }, pen).feasible).toBe(false);
    // Fleet exceeded.
    const twice = { routes: [1, 1].map((t, k) => ({ vehicleType: t, visits: [k + 2] })) };
    expect(evaluatePlan(problem, twice, pen).feasible).toBe(false);
    // Too many reloads, and a depot that is not a reload depot of the type.
    expect(evaluatePlan(problem, { routes: [{ vehicleType: 0, visits: [3, 1, 1] }] }, pen).feasible).toBe(
      false,
    );
    expect(evaluatePlan(problem, { routes: [{ vehicleType: 1, visits: [2, 1, 3] }] }, pen).feasible).toBe(
      false,
    );
    // Duplicates and missing required clients.
    expect(evaluatePlan(problem, { routes: [{ vehicleType: 1, visits: [2, 3, 2] }] }, pen).feasible).toBe(
      false,
    );
    const missing = evaluatePlan(problem, { routes: [{ vehicleType: 1, visits: [2] }] }, pen);
    expect(missing.missingRequired).toBe(1);
    expect(missing.penalisedCost).toBeGreaterThan(1e4);
    // Empty routes cost nothing and use no vehicle.
    const withEmpty = evaluatePlan(
      problem,
      {
        routes: [
          { vehicleType: 1, visits: [2, 3] },
          { vehicleType: 1, visits: [] },
        ],
      },
      pen,
    );
    expect(withEmpty).toMatchObject({ feasible: true, cost: 6 });
  });
});
