import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { lineProblem } from './line-problem.ts';

// Depot at 0; required clients 1 (x=10) and 2 (x=20); optional client 3 (x=30, prize 50).
const problem = createProblem(
  lineProblem({
    depots: [{ x: 0 }],
    clients: [
      { x: 10, demand: [1] },
      { x: 20, demand: [1] },
      { x: 30, demand: [1], required: false, prize: 50 },
    ],
    vehicleTypes: [{ numAvailable: 1 }, { numAvailable: 2, fixedCost: 7 }],
  }),
);

describe('checkPlan', () => {
  it('accepts a feasible plan and charges the prizes of unvisited optional clients', () => {
    const check = checkPlan(problem, { routes: [{ vehicleType: 0, visits: [1, 2] }] });
    expect(check.violations).toEqual([]);
    expect(check.unassigned).toEqual([3]);
    expect(check.cost).toBe(40 + 50);
    expect(check.routes).toHaveLength(1);
    expect(check.routes[0]?.distance).toBe(40);
  });

  it('adds up route costs when every client is visited', () => {
    const check = checkPlan(problem, {
      routes: [
        { vehicleType: 0, visits: [1] },
        { vehicleType: 1, visits: [3, 2] },
      ],
    });
    expect(check.violations).toEqual([]);
    expect(check.unassigned).toEqual([]);
    expect(check.cost).toBe(20 + (7 + 60));
  });

  it('reports duplicate visits, missing required clients and fleet overuse', () => {
    const check = checkPlan(problem, {
      routes: [
        { vehicleType: 0, visits: [1, 3] },
        { vehicleType: 0, visits: [3] },
      ],
    });
    expect(check.violations).toEqual([
      {
        kind: 'duplicateVisit',
        location: 3,
        visits: [
          { route: 0, position: 1 },
          { route: 1, position: 0 },
        ],
      },
      { kind: 'missingRequired', location: 2 },
      { kind: 'fleetExceeded', vehicleType: 0, used: 2, available: 1 },
    ]);
    expect(check.unassigned).toEqual([2]);
  });

  it('tags route violations with the route index', () => {
    const check = checkPlan(problem, {
      routes: [
        { vehicleType: 1, visits: [1, 2] },
        { vehicleType: 1, visits: [9] },
      ],
    });
    expect(check.violations).toEqual([{ kind: 'unknownLocation', location: 9, position: 0, route: 1 }]);
  });
});
