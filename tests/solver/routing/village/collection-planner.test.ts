import { describe, expect, it } from 'vitest';
import { planCollectionWith } from '../../../../packages/solver/src/routing/village/collection-planner.ts';
import {
  type CollectionRequestInput,
  parseCollectionRequest,
} from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { bin, compactor, may, must, request, smallTruck } from './fixtures.ts';
import { expectSoundPlan } from './plan-assertions.ts';
import { noRoutes, sweepRequired } from './stub-solvers.ts';

/** The village layer around stand-in solvers: mapping, repair pass, explanations. */
function plan(input: CollectionRequestInput, solve = noRoutes) {
  const result = planCollectionWith(solve, input);
  expectSoundPlan(result, parseCollectionRequest(input));
  return result;
}

describe('mapping a solution back to the village', () => {
  it('maps disposal trips, the final unload and the depot return with ETAs in village time', () => {
    // 14 market bins of 660 l: 9,240 l, more than the 8,000 l truck holds.
    const bins = Array.from({ length: 14 }, (_, i) =>
      must(bin(`BIN-${i + 1}`, 1 + i * 0.1, { capacityLitres: 660, fullKg: 100, serviceMinutes: 3 })),
    );
    const result = plan(request({ bins }), sweepRequired);
    expect(result.feasible).toBe(true);
    expect(result.violations).toEqual([]);
    const [route] = result.routes;
    const kinds = route!.stops.map((s) => s.kind);
    expect(kinds[0]).toBe('depot');
    expect(kinds.slice(-2)).toEqual(['disposal', 'depot']);
    expect(route!.unloads).toBe(2);
    expect(route!.binsCollected).toBe(14);
    const midUnload = route!.stops.findIndex((s) => s.kind === 'disposal');
    expect(route!.stops[midUnload - 1]!.loadLitresAfter).toBe(7_920);
    expect(route!.stops[midUnload - 1]!.loadKgAfter).toBe(1_200);
    expect(route!.stops[0]!.eta).toBe('2026-12-01T05:00:00+07:00');
    // The unload takes 15 minutes; the depot is reached after the return drive.
    const final = route!.stops[route!.stops.length - 2]!;
    expect(Date.parse(final.departAt) - Date.parse(final.eta)).toBe(15 * 60_000);
    expect(route!.durationMinutes).toBeGreaterThan(60);
    expect(Math.abs(route!.costVnd - (1_800_000 + 7_500 * route!.distanceKm))).toBeLessThan(5);
    expect(result.totalCostVnd).toBe(route!.costVnd);
    expect(result.idleVehicleIds).toEqual([]);
  });

  it('lists unused vehicles as idle', () => {
    const result = plan(request({ vehicles: [compactor('VEH-01'), smallTruck('VEH-02')] }));
    expect(result.routes.map((r) => r.vehicleId)).toHaveLength(1);
    expect(result.idleVehicleIds).toHaveLength(1);
  });
});

describe('bins left out', () => {
  it('inserts must bins the search missed and drops a low-value may bin with NOT_WORTH_DETOUR and its cost', () => {
    // Collinear east of the depot; the disposal site is 3 km west. Adding BIN-3 after BIN-2 costs
    // (1 + 6 − 5) km × 1.3 detour × 7,500 VND/km ≈ 19,500 VND.
    const result = plan(
      request({ bins: [must(bin('BIN-1', 1)), must(bin('BIN-2', 2)), may(bin('BIN-3', 3), 100)] }),
    );
    expect(result.routes[0]!.binsCollected).toBe(2);
    expect(result.unassigned).toHaveLength(1);
    const [left] = result.unassigned;
    expect(left).toMatchObject({
      binId: 'BIN-3',
      code: 'NOT_WORTH_DETOUR',
      mustCollect: false,
      valueVnd: 100,
    });
    expect(left!.insertionCostVnd).toBeGreaterThan(19_400);
    expect(left!.insertionCostVnd).toBeLessThan(19_700);
    expect(left!.reason).toBe(
      `Not worth the detour: cost ${left!.insertionCostVnd!.toLocaleString('en-US')} VND > value 100 VND`,
    );
    expect(result.missedValueVnd).toBe(100);
    expect(result.allMustCollected).toBe(true);
  });

  it('collects a may bin whose value beats its detour', () => {
    const result = plan(request({ bins: [must(bin('BIN-1', 1)), may(bin('BIN-3', 3), 50_000)] }));
    expect(result.unassigned).toEqual([]);
    expect(result.routes[0]!.binsCollected).toBe(2);
  });

  it('fits a must bin the truck has no room for by adding a disposal trip', () => {
    // Two full 5,000 l bins for one 8,000 l truck: the stand-in plans none; the repair pass must unload in between.
    const big = { capacityLitres: 5_000, fullKg: 800 };
    const result = plan(request({ bins: [must(bin('BIN-1', 1, big)), must(bin('BIN-2', 2, big))] }));
    expect(result.unassigned).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.routes[0]!.stops.map((s) => s.kind)).toEqual([
      'depot',
      'bin',
      'disposal',
      'bin',
      'disposal',
      'depot',
    ]);
  });

  it('reports must bins that no route has time for as NO_CAPACITY_OR_TIME', () => {
    // Both reachable alone within 05:10–05:20, but ~16 minutes apart: one truck cannot do both.
    const window = { open: '05:10', close: '05:20' };
    const east = bin('BIN-EAST', 3, { timeWindow: window });
    const north = bin('BIN-NORTH', 0, {
      timeWindow: window,
      location: { lat: 10.95 + 3 / 111.2, lon: 106.75 },
    });
    const result = plan(request({ bins: [must(east), must(north)] }));
    expect(result.unassigned).toHaveLength(1);
    expect(result.unassigned[0]!.code).toBe('NO_CAPACITY_OR_TIME');
    expect(result.unassigned[0]!.reason).toContain('before its time window closes');
    expect(result.allMustCollected).toBe(false);
    expect(result.feasible).toBe(false);
    expect(result.violations.some((v) => v.includes('not visited'))).toBe(true);
  });

  it('puts pre-check reasons first', () => {
    const lane = bin('BIN-LANE', 1, { accessibleBy: ['small-truck'] });
    const result = plan(request({ bins: [must(bin('BIN-1', 1)), must(lane)] }));
    expect(result.unassigned.map((u) => [u.binId, u.code])).toEqual([['BIN-LANE', 'NO_VEHICLE_WITH_ACCESS']]);
  });
});

describe('re-planning', () => {
  const input = request({
    vehicles: [compactor('VEH-01')],
    bins: [must(bin('BIN-1', 1)), must(bin('BIN-2', 2)), must(bin('BIN-3', 3)), must(bin('BIN-4', 4))],
    vehicleStates: [
      {
        vehicleId: 'VEH-01',
        position: { lat: 10.95, lon: 106.75 + 1.2 / 109.3 },
        at: '2026-12-01T07:00:00+07:00',
        loadLitres: 240,
        loadKg: 40,
        completedStops: [
          {
            siteId: 'DEPOT-01',
            arrivedAt: '2026-12-01T05:00:00+07:00',
            departedAt: '2026-12-01T06:50:00+07:00',
            loadLitresAfter: 0,
            loadKgAfter: 0,
          },
          {
            siteId: 'BIN-1',
            arrivedAt: '2026-12-01T06:55:00+07:00',
            departedAt: '2026-12-01T06:57:00+07:00',
            loadLitresAfter: 240,
            loadKgAfter: 40,
          },
        ],
        plannedStops: ['BIN-4', 'BIN-2', 'BIN-3'],
        keepNextStops: 1,
      },
    ],
  });

  it('keeps completed stops, then the committed one, then plans from there with the load on board', () => {
    const result = plan(input);
    const [route] = result.routes;
    expect(route!.vehicleId).toBe('VEH-01');
    expect(route!.stops.slice(0, 3).map((s) => [s.siteId, s.status, s.committed ?? false])).toEqual([
      ['DEPOT-01', 'collected', false],
      ['BIN-1', 'collected', false],
      ['BIN-4', 'planned', true],
    ]);
    expect(route!.stops[0]!.departAt).toBe('2026-12-01T06:50:00+07:00');
    const committed = route!.stops[2]!;
    // From 1.2 km to 4 km east: ~2.8 km × 1.3 at 20 km/h ≈ 11 minutes after 07:00.
    expect(Date.parse(committed.eta)).toBeGreaterThan(Date.parse('2026-12-01T07:10:00+07:00'));
    expect(Date.parse(committed.eta)).toBeLessThan(Date.parse('2026-12-01T07:12:00+07:00'));
    expect(committed.loadLitresAfter).toBe(480);
    const next = route!.stops[3]!;
    expect(next.kind).toBe('bin');
    expect(next.loadLitresAfter).toBe(720);
    expect(Date.parse(next.eta)).toBeGreaterThanOrEqual(Date.parse(committed.departAt));
    expect(route!.binsCollected).toBe(2);
    expect(result.unassigned).toEqual([]);
    // No fixed cost for a vehicle already out; the day is counted from the report.
    expect(Math.abs(route!.costVnd - 7_500 * route!.distanceKm)).toBeLessThan(5);
    expect(route!.durationMinutes).toBeGreaterThan(30);
  });

  it('sends a re-planned vehicle with nothing left home', () => {
    const empty = { ...input, bins: [must(bin('BIN-1', 1))] };
    const state = {
      ...input.vehicleStates![0]!,
      loadLitres: 0,
      loadKg: 0,
      plannedStops: [],
      keepNextStops: 0,
    };
    const result = plan({ ...empty, vehicleStates: [state] });
    const stops = result.routes[0]!.stops;
    expect(stops.map((s) => s.kind)).toEqual(['depot', 'bin', 'depot']);
    expect(stops[2]!.status).toBe('planned');
  });
});
