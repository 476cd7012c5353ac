import { describe, expect, it } from 'vitest';
import { describeRoute } from '../../../../packages/solver/src/routing/check/describe-route.ts';
import type { Violation } from '../../../../packages/solver/src/routing/check/violation.ts';
import { formatViolation } from '../../../../packages/solver/src/routing/check/violation.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { lineProblem } from './line-problem.ts';

const kinds = (violations: readonly Violation[]) => violations.map((v) => v.kind);

describe('describeRoute: times', () => {
  it('simulates arrivals, service and distance without windows', () => {
    // Depot at 0, clients at 10 and 20 with 5 of service each.
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }],
        clients: [
          { x: 10, demand: [1], serviceDuration: 5 },
          { x: 20, demand: [2], serviceDuration: 5 },
        ],
      }),
    );
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [1, 2] });
    expect(violations).toEqual([]);
    expect(result.startTime).toBe(0);
    expect(result.arrival).toEqual([10, 25]);
    expect(result.endTime).toBe(50);
    expect(result.distance).toBe(40);
    expect(result.duration).toBe(50);
    expect(result.loadAfter).toEqual([1, 3]);
    expect(result.cost).toBe(40); // default unitDistanceCost 1, nothing else
  });

  it('departs late enough to avoid waiting when nothing closes earlier', () => {
    // Window opens at 100: leaving at 90 (not at shift start 0) arrives just in time.
    const problem = createProblem(
      lineProblem({ depots: [{ x: 0 }], clients: [{ x: 10, demand: [1], twEarly: 100, twLate: 200 }] }),
    );
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [1] });
    expect(violations).toEqual([]);
    expect(result.startTime).toBe(90);
    expect(result.arrival).toEqual([100]);
    expect(result.endTime).toBe(110);
    expect(result.duration).toBe(20);
  });

  it('departs as late as an earlier closing window allows, then waits', () => {
    // A (x=10) closes at 20 so the vehicle leaves by 10; B (x=20) opens at 100: wait 70 there.
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }],
        clients: [
          { x: 10, demand: [1], twLate: 20 },
          { x: 20, demand: [1], twEarly: 100 },
        ],
      }),
    );
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [1, 2] });
    expect(violations).toEqual([]);
    expect(result.startTime).toBe(10);
    expect(result.arrival).toEqual([20, 30]);
    expect(result.endTime).toBe(120);
    expect(result.duration).toBe(110);
  });

  it('never departs before the shift or the depot opens', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0, twEarly: 30 }],
        clients: [{ x: 10, demand: [1] }],
        vehicleTypes: [{ twEarly: 50 }],
      }),
    );
    const { result } = describeRoute(problem, { vehicleType: 0, visits: [1] });
    expect(result.startTime).toBe(50);
    expect(result.arrival).toEqual([60]);
  });

  it('reports a late arrival with its amount, departing at the earliest time', () => {
    const problem = createProblem(
      lineProblem({ depots: [{ x: 0 }], clients: [{ x: 10, demand: [1], twLate: 4 }] }),
    );
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [1] });
    expect(result.startTime).toBe(0);
    expect(violations).toEqual([
      { kind: 'lateArrival', location: 1, position: 0, arrival: 10, twLate: 4, lateness: 6 },
    ]);
  });

  it('reports lateness at the end depot, shift end, max duration and a late departure', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0, twLate: 15 }],
        clients: [{ x: 10, demand: [1], serviceDuration: 3 }],
        vehicleTypes: [{ twEarly: 0, twLate: 22, maxDuration: 20 }],
      }),
    );
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [1] });
    expect(result.endTime).toBe(23);
    expect(violations).toEqual([
      { kind: 'lateArrival', location: 0, position: 1, arrival: 23, twLate: 15, lateness: 8 },
      { kind: 'shiftEnd', endTime: 23, shiftLate: 22, excess: 1 },
      { kind: 'maxDuration', duration: 23, maxDuration: 20, excess: 3 },
    ]);

    const closed = createProblem(
      lineProblem({
        depots: [{ x: 0, twLate: 5 }],
        clients: [{ x: 10, demand: [1] }],
        vehicleTypes: [{ twEarly: 10 }],
      }),
    );
    const late = describeRoute(closed, { vehicleType: 0, visits: [] });
    expect(late.violations[0]).toEqual({
      kind: 'lateDeparture',
      location: 0,
      departure: 10,
      twLate: 5,
      lateness: 5,
    });
  });

  it('waits at the end depot until it opens', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }, { x: 30, twEarly: 100 }],
        clients: [{ x: 10, demand: [1] }],
        vehicleTypes: [{ endDepot: 1, twLate: 50 }],
      }),
    );
    // Depot 1 opens at 100, after the shift ends at 50: no departure time avoids the overrun.
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [2] });
    expect(result.endTime).toBe(100);
    expect(kinds(violations)).toEqual(['shiftEnd']);
  });
});

describe('describeRoute: loads and reloads', () => {
  // Garage 0 at x=0, disposal site 1 at x=15 (5 to unload), clients at 10 and 20 with 6 each.
  const input = lineProblem({
    depots: [{ x: 0 }, { x: 15, serviceDuration: 5 }],
    clients: [
      { x: 10, demand: [6] },
      { x: 20, demand: [6] },
    ],
    vehicleTypes: [{ capacity: [10], reloadDepots: [1], maxReloads: 1 }, { capacity: [10] }],
  });
  const problem = createProblem(input);

  it('resets the load to zero after a reload depot and counts its service time', () => {
    const { result, violations } = describeRoute(problem, { vehicleType: 0, visits: [2, 1, 3] });
    expect(violations).toEqual([]);
    expect(result.loadAfter).toEqual([6, 0, 6]);
    expect(result.arrival).toEqual([10, 15, 25]);
    expect(result.endTime).toBe(45);
    expect(result.distance).toBe(40);
  });

  it('reports the capacity excess of a trip per dimension', () => {
    const { violations } = describeRoute(problem, { vehicleType: 0, visits: [2, 3] });
    expect(violations).toEqual([
      { kind: 'capacity', trip: 0, dimension: 0, position: 1, load: 12, capacity: 10, excess: 2 },
    ]);
    const second = describeRoute(problem, { vehicleType: 0, visits: [1, 2, 3] });
    expect(second.violations).toMatchObject([{ kind: 'capacity', trip: 1, position: 2, load: 12 }]);
  });

  it('reports reloads the type may not make', () => {
    expect(kinds(describeRoute(problem, { vehicleType: 0, visits: [2, 1, 1, 3] }).violations)).toEqual([
      'tooManyReloads',
    ]);
    // Type 1 has no reload depots: the depot is a pass-through, so the load is not reset either.
    expect(kinds(describeRoute(problem, { vehicleType: 1, visits: [2, 1, 3] }).violations)).toEqual([
      'reloadNotAllowed',
      'capacity',
    ]);
    // The garage is not a reload depot of type 0.
    expect(describeRoute(problem, { vehicleType: 0, visits: [2, 0, 3] }).violations[0]).toEqual({
      kind: 'reloadNotAllowed',
      location: 0,
      position: 1,
      vehicleType: 0,
    });
  });

  it('checks every load dimension and the initial load', () => {
    const twoDims = createProblem(
      lineProblem({
        numLoadDimensions: 2,
        depots: [{ x: 0 }],
        clients: [
          { x: 10, demand: [1, 4] },
          { x: 20, demand: [1, 4] },
        ],
        vehicleTypes: [{ capacity: [10, 10], initialLoad: [0, 3] }],
      }),
    );
    const { result, violations } = describeRoute(twoDims, { vehicleType: 0, visits: [1, 2] });
    expect(result.loadAfter).toEqual([1, 7, 2, 11]);
    expect(violations).toEqual([
      { kind: 'capacity', trip: 0, dimension: 1, position: 1, load: 11, capacity: 10, excess: 1 },
    ]);
  });
});

describe('describeRoute: structure and cost', () => {
  it('reports vehicle types a client does not allow, unknown locations and unknown types', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }],
        clients: [{ x: 10, demand: [1], allowedVehicleTypes: [1] }],
        vehicleTypes: [{}, {}],
      }),
    );
    expect(describeRoute(problem, { vehicleType: 0, visits: [1] }).violations).toEqual([
      { kind: 'vehicleTypeNotAllowed', location: 1, position: 0, vehicleType: 0 },
    ]);
    expect(describeRoute(problem, { vehicleType: 1, visits: [1] }).violations).toEqual([]);
    const unknown = describeRoute(problem, { vehicleType: 1, visits: [1, 7] });
    expect(unknown.violations).toEqual([{ kind: 'unknownLocation', location: 7, position: 1 }]);
    expect(unknown.result.arrival[1]).toBeNaN();
    expect(unknown.result.distance).toBe(20); // the unknown visit is skipped
    expect(kinds(describeRoute(problem, { vehicleType: 2, visits: [1] }).violations)).toEqual([
      'unknownVehicleType',
    ]);
  });

  it('costs fixed + distance + duration + overtime beyond the soft limit', () => {
    const problem = createProblem(
      lineProblem({
        depots: [{ x: 0 }],
        clients: [{ x: 10, demand: [1], serviceDuration: 10 }],
        vehicleTypes: [
          {
            fixedCost: 100,
            unitDistanceCost: 2,
            unitDurationCost: 0.5,
            softDurationLimit: 25,
            overtimeUnitCost: 3,
          },
        ],
      }),
    );
    const { result } = describeRoute(problem, { vehicleType: 0, visits: [1] });
    expect(result.duration).toBe(30);
    expect(result.cost).toBe(100 + 2 * 20 + 0.5 * 30 + 3 * 5);
    expect(describeRoute(problem, { vehicleType: 0, visits: [] }).result.cost).toBe(100);
  });

  it('formats every violation as one readable line', () => {
    const problem = createProblem(
      lineProblem({ depots: [{ x: 0 }], clients: [{ x: 10, demand: [200], twLate: 1 }] }),
    );
    const lines = describeRoute(problem, { vehicleType: 0, visits: [1] }).violations.map((v) =>
      formatViolation(v),
    );
    expect(lines).toEqual([
      'arrives at location 1 (position 0) at 10, after its window closes at 1',
      'trip 0 carries 200 > capacity 100 in dimension 0 (from position 0)',
    ]);
    const check = describeRoute(problem, { vehicleType: 0, visits: [1] });
    expect(formatViolation(check.violations[0]!, (l) => `node ${l + 1}`)).toMatch(/^arrives at node 2 /);
  });
});
