import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import { InsertionRepair } from '../../../../packages/solver/src/routing/metaheuristic/crossover/insertion-repair.ts';
import { feasiblePart } from '../../../../packages/solver/src/routing/metaheuristic/feasible-part.ts';
import {
  unservableClients,
  withoutClients,
} from '../../../../packages/solver/src/routing/metaheuristic/unservable-clients.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { PlannedRoute } from '../../../../packages/solver/src/routing/search/plan.ts';
import { lineProblem } from '../check/line-problem.ts';
import { richProblem } from './rich-problem.ts';

// Depot at 0; vehicles of capacity 100, shift until 100.
const problem = createProblem(
  lineProblem({
    depots: [{ x: 0 }],
    clients: [
      { x: 10, demand: [40] },
      { x: 20, demand: [40] },
      { x: 30, demand: [40] },
      { x: 45, demand: [10], twEarly: 0, twLate: 40 }, // reachable at 45 > 40: never on time
      { x: 5, demand: [101] }, // too heavy
      { x: 5, demand: [1], allowedVehicleTypes: [1] }, // type 1 has no vehicle
    ],
    vehicleTypes: [{ numAvailable: 2, twLate: 100 }, { numAvailable: 0 }],
  }),
);

describe('unservableClients', () => {
  it('finds clients that no vehicle can serve even alone', () => {
    expect(unservableClients(problem)).toEqual([4, 5, 6]);
  });

  it('takes them out of the search without touching the original problem', () => {
    const reduced = withoutClients(problem, [5]);
    expect(reduced.required[5]).toBe(0);
    expect(reduced.allowedTypesMask[5]).toBe(0);
    expect(problem.required[5]).toBe(1);
    expect(withoutClients(problem, [])).toBe(problem);
  });
});

describe('feasiblePart', () => {
  it('keeps what passes the checker: duplicates, overloads, late visits and surplus routes go', () => {
    const plan = {
      routes: [
        { vehicleType: 0, visits: [1, 2, 3] }, // 120 > 100: 3 goes
        { vehicleType: 0, visits: [2, 4] }, // 2 again, 4 late: nothing left, no vehicle used
        { vehicleType: 0, visits: [3] }, // so this one gets the second vehicle
        { vehicleType: 0, visits: [6] }, // no third vehicle
      ],
    };
    const part = feasiblePart(problem, plan);
    const check = checkPlan(problem, part);
    expect(check.violations.filter((v) => v.kind !== 'missingRequired')).toEqual([]);
    expect(part.routes.map((r) => r.visits)).toEqual([[1, 2], [3]]);
  });
});

describe('InsertionRepair', () => {
  it('places every required client, respecting allowed types and fleet size', () => {
    const rich = richProblem();
    const routes: PlannedRoute[] = [];
    const clients: number[] = [];
    for (let c = rich.numDepots; c < rich.numLocations; c++) clients.push(c);
    const left = new InsertionRepair(rich).insert(routes, clients, { load: 10, timeWarp: 10 });
    for (const c of left) expect(rich.required[c]).toBe(0);
    const kinds = checkPlan(rich, { routes }).violations.map((v) => v.kind);
    for (const kind of ['missingRequired', 'duplicateVisit', 'fleetExceeded', 'vehicleTypeNotAllowed']) {
      expect(kinds).not.toContain(kind);
    }
  });
});
