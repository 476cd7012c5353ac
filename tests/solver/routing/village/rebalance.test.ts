import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import {
  createProblem,
  type ProblemData,
} from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { solveWith } from '../../../../packages/solver/src/routing/solve.ts';
import type { SolveOptions } from '../../../../packages/solver/src/routing/solve-options.ts';
import { buildProblem } from '../../../../packages/solver/src/routing/village/build-problem.ts';
import { planCollectionWith } from '../../../../packages/solver/src/routing/village/collection-planner.ts';
import {
  type CollectionRequestInput,
  parseCollectionRequest,
} from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { rebalanceRoutes, spreadOf } from '../../../../packages/solver/src/routing/village/rebalance.ts';
import { scheduleRoute } from '../../../../packages/solver/src/routing/village/route-schedule.ts';
import { generateVillageInstance } from '../../../../packages/solver/src/routing/village/village-instance.ts';
import { expectSoundPlan } from './plan-assertions.ts';

const dataset = generateDemoVillage({ seed: 1, vehicles: 4 });

/**
 * The real search, bounded by iterations instead of time (and a small initial population), so the
 * comparison is the same on a quiet and on a loaded machine. The planner's own limit is far away, so
 * the balancing pass after the search is not cut either.
 */
const boundedSolve = (data: ProblemData, options?: SolveOptions) =>
  solveWith(data, { seed: options?.seed ?? 1, maxIterations: 20 }, { hgs: { initialPopulationSize: 8 } });

function day(seed: number, balance: boolean): CollectionRequestInput {
  return generateVillageInstance(dataset, { seed, bins: 300, balance });
}

function plan(input: CollectionRequestInput) {
  const result = planCollectionWith(boundedSolve, input, { timeLimitMs: 60_000, seed: 1 });
  expectSoundPlan(result, parseCollectionRequest(input));
  expect(result.feasible).toBe(true);
  expect(result.allMustCollected).toBe(true);
  const days = result.routes.filter((r) => r.binsCollected > 0).map((r) => r.durationMinutes);
  return { result, days, spread: spreadOf(days) };
}

describe('balance', () => {
  for (const seed of [2, 4]) {
    it(`evens out the crews' days on a 300-bin village day (seed ${seed}), staying feasible`, () => {
      const off = plan(day(seed, false));
      const on = plan(day(seed, true));
      expect(off.days.length).toBeGreaterThan(1);
      expect(on.days.length).toBeGreaterThan(1);
      // Off: one crew works a long day, another a short one; on: within a fraction of that spread.
      expect(off.spread).toBeGreaterThan(120);
      expect(on.spread).toBeLessThan(off.spread / 4);
      expect(Math.max(...on.days) / Math.min(...on.days)).toBeLessThan(1.25);
    });
  }

  it('leaves a one-route plan alone', () => {
    const built = buildProblem(parseCollectionRequest(day(4, true)));
    const data = createProblem(built.input);
    const solved = boundedSolve(data);
    const [first] = solved.routes;
    const routes = [
      {
        vehicleType: first!.vehicleType,
        visits: first!.visits,
        schedule: scheduleRoute(data, first!.vehicleType, first!.visits, first!.startTime),
      },
    ];
    const out = rebalanceRoutes(built, data, routes, [], { seed: 1 });
    expect(out.routes).toEqual(routes);
  });
});
