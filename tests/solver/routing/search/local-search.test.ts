import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../packages/domain/src/random.ts';
import { randomPlan } from '../../../../packages/solver/src/routing/construction/random-plan.ts';
import {
  createProblem,
  type ProblemData,
} from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { createOperatorContext } from '../../../../packages/solver/src/routing/operators/operator.ts';
import { createOrOpt } from '../../../../packages/solver/src/routing/operators/or-opt.ts';
import { createRelocate } from '../../../../packages/solver/src/routing/operators/relocate.ts';
import { createSwap } from '../../../../packages/solver/src/routing/operators/swap.ts';
import { TwoOpt } from '../../../../packages/solver/src/routing/operators/two-opt.ts';
import { TwoOptStar } from '../../../../packages/solver/src/routing/operators/two-opt-star.ts';
import { evaluatePlan } from '../../../../packages/solver/src/routing/search/evaluate-plan.ts';
import { createLocalSearch } from '../../../../packages/solver/src/routing/search/local-search.ts';
import { computeNeighbourhood } from '../../../../packages/solver/src/routing/search/neighbourhood.ts';
import type { Plan } from '../../../../packages/solver/src/routing/search/plan.ts';
import { RouteSet } from '../../../../packages/solver/src/routing/search/route-set.ts';
import { createSearchData, mayVisit } from '../../../../packages/solver/src/routing/search/search-data.ts';
import { simulatePlan } from './brute-force.ts';
import { type RandomProblemSpec, randomProblem, randomTestPlan } from './random-problem.ts';

const HIGH = { load: 1000, timeWarp: 1000 };

function expectValidPlan(problem: ProblemData, plan: Plan): void {
  const data = createSearchData(problem);
  const seen = new Set<number>();
  const used = new Map<number, number>();
  for (const route of plan.routes) {
    expect(route.visits.length).toBeGreaterThan(0);
    used.set(route.vehicleType, (used.get(route.vehicleType) ?? 0) + 1);
    for (const l of route.visits) {
      expect(mayVisit(data, route.vehicleType, l)).toBe(true);
      if (l >= problem.numDepots) {
        expect(seen.has(l)).toBe(false);
        seen.add(l);
      }
    }
  }
  for (const [t, count] of used) expect(count).toBeLessThanOrEqual(problem.numAvailable[t]!);
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    if (problem.required[l] === 1) expect(seen.has(l)).toBe(true);
  }
}

/** Every (plan with route types) of a tiny problem; returns the cheapest feasible cost. */
function bruteForceOptimum(problem: ProblemData): number {
  const clients: number[] = [];
  for (let l = problem.numDepots; l < problem.numLocations; l++) clients.push(l);
  const vehicles: number[] = [];
  for (let t = 0; t < problem.numVehicleTypes; t++)
    for (let k = 0; k < problem.numAvailable[t]!; k++) vehicles.push(t);
  let best = Number.POSITIVE_INFINITY;
  const routes: number[][] = [];
  const assignTypes = (r: number, types: number[], left: number[]): void => {
    if (r === routes.length) {
      const plan = { routes: routes.map((visits, k) => ({ vehicleType: types[k]!, visits })) };
      const sim = simulatePlan(problem, plan, HIGH);
      if (sim.excessLoad < 1e-9 && sim.timeWarp < 1e-9 && sim.missingRequired === 0)
        best = Math.min(best, sim.cost);
      return;
    }
    for (let t = 0; t < left.length; t++) {
      if (left[t] === 0 || !routes[r]!.every((l) => ((problem.allowedTypesMask[l]! >>> t) & 1) === 1))
        continue;
      left[t]!--;
      types.push(t);
      assignTypes(r + 1, types, left);
      types.pop();
      left[t]!++;
    }
  };
  const place = (c: number): void => {
    if (c === clients.length) {
      assignTypes(0, [], Array.from(problem.numAvailable));
      return;
    }
    const l = clients[c]!;
    if (problem.required[l] === 0) place(c + 1);
    for (const route of routes) {
      for (let p = 0; p <= route.length; p++) {
        route.splice(p, 0, l);
        place(c + 1);
        route.splice(p, 1);
      }
    }
    if (routes.length < vehicles.length) {
      routes.push([l]);
      place(c + 1);
      routes.pop();
    }
  };
  place(0);
  return best;
}

describe('local search', () => {
  const specs: [string, RandomProblemSpec][] = [
    [
      'everything',
      {
        clients: 30,
        depots: 3,
        vehicleTypes: 3,
        timeWindows: true,
        optional: true,
        reloads: true,
        restrictedTypes: true,
        durationCosts: true,
        numAvailable: 5,
      },
    ],
    ['time windows', { clients: 40, timeWindows: true, durationCosts: true, numAvailable: 6 }],
    [
      'cvrp',
      { clients: 60, dims: 1, depots: 1, vehicleTypes: 1, integer: true, numAvailable: 60, capacity: 60 },
    ],
    ['reloads', { clients: 30, reloads: true, vehicleTypes: 2, capacity: 40, numAvailable: 2 }],
  ];

  it.each(specs)('returns valid plans no worse than its input (%s)', (_name, spec) => {
    for (let seed = 1; seed <= 5; seed++) {
      const problem = randomProblem(seed, spec);
      const ls = createLocalSearch(problem);
      const rng = createRng(seed);
      for (const penalties of [HIGH, { load: 1, timeWarp: 0.5 }]) {
        const input = randomTestPlan(problem, rng, { dropRequired: true });
        const output = ls.improve(input, penalties, rng);
        expectValidPlan(problem, output);
        expect(evaluatePlan(problem, output, penalties).penalisedCost).toBeLessThanOrEqual(
          evaluatePlan(problem, input, penalties).penalisedCost + 1e-6,
        );
      }
    }
  });

  it.each(specs)('ends in a local optimum of the node operators over granular pairs (%s)', (_name, spec) => {
    const problem = randomProblem(11, spec);
    const rng = createRng(11);
    const plan = createLocalSearch(problem, { granularity: 8 }).improve(randomPlan(problem, rng), HIGH, rng);
    const data = createSearchData(problem);
    data.costs.setPenalties(HIGH);
    const ctx = createOperatorContext(data);
    const routes = new RouteSet(data);
    routes.load(plan);
    const ops = [
      createRelocate(ctx),
      createOrOpt(ctx, 2),
      createOrOpt(ctx, 3),
      createSwap(ctx),
      new TwoOpt(ctx),
      new TwoOptStar(ctx),
    ];
    const hood = computeNeighbourhood(problem, { granularity: 8 });
    for (let u = problem.numDepots; u < problem.numLocations; u++) {
      if (routes.routeOf[u]! < 0) continue;
      const U = routes.routes[routes.routeOf[u]!]!;
      for (let k = hood.offsets[u]!; k < hood.offsets[u + 1]!; k++) {
        const v = hood.neighbours[k]!;
        if (routes.routeOf[v]! < 0) continue;
        const V = routes.routes[routes.routeOf[v]!]!;
        for (const op of ops) {
          expect(op.evaluate(U, routes.posOf[u]!, V, routes.posOf[v]!)).toBeGreaterThanOrEqual(-1e-6);
          if (routes.posOf[v] === 1)
            expect(op.evaluate(U, routes.posOf[u]!, V, 0)).toBeGreaterThanOrEqual(-1e-6);
        }
      }
    }
  });

  it('is deterministic for a seed', () => {
    const problem = randomProblem(5, specs[0]![1]);
    const run = () => {
      const rng = createRng(42);
      const ls = createLocalSearch(problem);
      return ls.improve(randomPlan(problem, rng), { load: 10, timeWarp: 10 }, rng);
    };
    expect(run()).toEqual(run());
    // The same engine reused gives the same answer too (no state leaks between calls).
    const ls = createLocalSearch(problem);
    const a = createRng(7);
    const first = ls.improve(randomPlan(problem, a), HIGH, a);
    ls.improve(randomPlan(problem, createRng(99)), HIGH, createRng(99));
    const b = createRng(7);
    expect(ls.improve(randomPlan(problem, b), HIGH, b)).toEqual(first);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'finds the brute-force optimum of tiny instances with a few restarts (#%i)',
    (seed) => {
      const spec: RandomProblemSpec = {
        clients: seed <= 3 ? 5 : 6,
        depots: 2,
        vehicleTypes: 2,
        timeWindows: seed % 2 === 0,
        durationCosts: seed % 3 === 0,
        optional: seed >= 4,
        restrictedTypes: true,
        numAvailable: 2,
        capacity: 30,
      };
      const problem = randomProblem(seed, spec);
      const optimum = bruteForceOptimum(problem);
      expect(Number.isFinite(optimum)).toBe(true);
      const ls = createLocalSearch(problem);
      let best = Number.POSITIVE_INFINITY;
      for (let restart = 0; restart < 20; restart++) {
        const rng = createRng(restart + 1);
        const plan = ls.improve(randomPlan(problem, rng), HIGH, rng);
        const e = evaluatePlan(problem, plan, HIGH);
        if (e.feasible) best = Math.min(best, e.cost);
      }
      expect(best).toBeCloseTo(optimum, 6);
    },
  );

  it('splits overloaded trips with reload visits', () => {
    // One truck of capacity 10 for 30 units of waste: feasible only by unloading twice at depot 1.
    const xs = [0, 5, 1, 2, 3, 6, 7, 8];
    const problem = createProblem({
      numLoadDimensions: 1,
      depots: [{}, { serviceDuration: 1 }],
      clients: xs.slice(2).map(() => ({ demand: [5] })),
      vehicleTypes: [{ numAvailable: 1, capacity: [10], startDepot: 0, endDepot: 0, reloadDepots: [1] }],
      distance: xs.map((a) => xs.map((b) => Math.abs(a - b))),
    });
    const rng = createRng(1);
    const plan = createLocalSearch(problem).improve(
      { routes: [{ vehicleType: 0, visits: [2, 3, 4, 5, 6, 7] }] },
      HIGH,
      rng,
    );
    const e = evaluatePlan(problem, plan, HIGH);
    expect(e.feasible).toBe(true);
    expect(plan.routes[0]!.visits.filter((l) => l === 1)).toHaveLength(2);
  });

  it('keeps optional clients whose prize pays for the detour and drops the others', () => {
    const xs = [0, 1, 2, 50, -60];
    const problem = createProblem({
      numLoadDimensions: 1,
      depots: [{}],
      clients: [
        { demand: [1] },
        { demand: [1], required: false, prize: 10 }, // 2 units away: worth it
        { demand: [1], required: false, prize: 10 }, // 100 units detour: not worth it
        { demand: [1], required: false, prize: 500 }, // far but valuable
      ],
      vehicleTypes: [{ numAvailable: 2, capacity: [10], startDepot: 0, endDepot: 0 }],
      distance: xs.map((a) => xs.map((b) => Math.abs(a - b))),
    });
    const rng = createRng(3);
    const plan = createLocalSearch(problem).improve(
      { routes: [{ vehicleType: 0, visits: [1, 3] }] },
      HIGH,
      rng,
    );
    const visited = plan.routes.flatMap((r) => r.visits).sort((a, b) => a - b);
    expect(visited).toEqual([1, 2, 4]);
  });
});

describe('local search edge cases', () => {
  const line = (xs: number[]) => xs.map((a) => xs.map((b) => Math.abs(a - b)));

  it('handles problems with no clients, one client, and no free vehicle', () => {
    const none = createProblem({
      numLoadDimensions: 1,
      depots: [{}],
      clients: [],
      vehicleTypes: [{ numAvailable: 2, capacity: [1], startDepot: 0, endDepot: 0 }],
      distance: [[0]],
    });
    expect(createLocalSearch(none).improve({ routes: [] }, HIGH, createRng(1))).toEqual({ routes: [] });

    const one = createProblem({
      numLoadDimensions: 1,
      depots: [{}],
      clients: [{ demand: [1] }],
      vehicleTypes: [{ numAvailable: 1, capacity: [1], startDepot: 0, endDepot: 0 }],
      distance: line([0, 3]),
    });
    expect(createLocalSearch(one).improve({ routes: [] }, HIGH, createRng(1))).toEqual({
      routes: [{ vehicleType: 0, visits: [1] }],
    });

    const noFleet = createProblem({
      numLoadDimensions: 1,
      depots: [{}],
      clients: [{ demand: [1] }, { demand: [1] }],
      vehicleTypes: [{ numAvailable: 0, capacity: [1], startDepot: 0, endDepot: 0 }],
      distance: line([0, 3, 4]),
    });
    expect(createLocalSearch(noFleet).improve({ routes: [] }, HIGH, createRng(1))).toEqual({ routes: [] });
  });

  it('drops what it cannot represent and still returns a valid plan', () => {
    const problem = randomProblem(9, { clients: 10, restrictedTypes: true, vehicleTypes: 2, reloads: true });
    const messy = {
      routes: [
        { vehicleType: 0, visits: [2, 2, 3, 999, -1, 1.5] },
        { vehicleType: 7, visits: [4] },
        { vehicleType: 1, visits: [0, 0, 0, 0, 0] },
        { vehicleType: 1, visits: [] },
      ],
    };
    const plan = createLocalSearch(problem).improve(messy, HIGH, createRng(2));
    expectValidPlan(problem, plan);
  });

  it('works within the fleet when the input plan uses too many vehicles', () => {
    const problem = randomProblem(10, {
      clients: 12,
      dims: 1,
      vehicleTypes: 1,
      depots: 1,
      numAvailable: 3,
      capacity: 200,
    });
    const overfull = { routes: Array.from({ length: 12 }, (_, k) => ({ vehicleType: 0, visits: [k + 1] })) };
    const plan = createLocalSearch(problem).improve(overfull, HIGH, createRng(3));
    expect(plan.routes.length).toBeLessThanOrEqual(3);
    expectValidPlan(problem, plan);
    expect(evaluatePlan(problem, plan, HIGH).feasible).toBe(true);
  });
});
