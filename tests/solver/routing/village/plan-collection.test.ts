import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import {
  type CollectionRequestInput,
  parseCollectionRequest,
} from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { planCollectionRoutes } from '../../../../packages/solver/src/routing/village/plan-collection.ts';
import { generateVillageInstance } from '../../../../packages/solver/src/routing/village/village-instance.ts';
import { bin, compactor, may, must, request, smallTruck } from './fixtures.ts';
import { expectSoundPlan } from './plan-assertions.ts';

/** End to end with the real search. */
function plan(input: CollectionRequestInput, timeLimitMs = 300) {
  const result = planCollectionRoutes(input, { timeLimitMs, seed: 1 });
  expectSoundPlan(result, parseCollectionRequest(input));
  return result;
}

describe('planCollectionRoutes', () => {
  it('solves a small village day feasibly, with disposal trips when the waste exceeds a truckload', () => {
    // 30 × 660 l bins at 80 %: 15,840 l for an 8,000 l compactor and a 2,000 l small truck.
    const bins = Array.from({ length: 30 }, (_, i) =>
      must(
        bin(`BIN-${i + 1}`, 0.5 + (i % 10) * 0.3, {
          capacityLitres: 660,
          fullKg: 110,
          location: { lat: 10.95 + Math.floor(i / 10) * 0.004, lon: 106.75 + (0.5 + (i % 10) * 0.3) / 109.3 },
          ...(i % 5 === 0 ? { timeWindow: { open: '07:00', close: '09:00' } } : {}),
        }),
        80,
      ),
    );
    const result = plan(request({ vehicles: [compactor('VEH-01'), smallTruck('VEH-02')], bins }));
    expect(result.feasible).toBe(true);
    expect(result.allMustCollected).toBe(true);
    expect(result.unassigned).toEqual([]);
    expect(result.routes.reduce((s, r) => s + r.binsCollected, 0)).toBe(30);
    // At least one mid-route unload on top of each route's final one.
    expect(result.routes.reduce((s, r) => s + r.unloads, 0)).toBeGreaterThan(result.routes.length);
    for (const route of result.routes) {
      const kinds = route.stops.map((s) => s.kind);
      expect(kinds.slice(-2)).toEqual(['disposal', 'depot']);
    }
  });

  it('always collects a must bin, even far away', () => {
    const result = plan(request({ bins: [must(bin('BIN-1', 1)), must(bin('BIN-FAR', 9))] }));
    expect(result.feasible).toBe(true);
    const collected = result.routes.flatMap((r) =>
      r.stops.filter((s) => s.kind === 'bin').map((s) => s.siteId),
    );
    expect(collected.sort()).toEqual(['BIN-1', 'BIN-FAR']);
  });

  it('drops a may bin of tiny value with NOT_WORTH_DETOUR and the cost figure', () => {
    const result = plan(
      request({ bins: [must(bin('BIN-1', 1)), must(bin('BIN-2', 2)), may(bin('BIN-3', 3), 100)] }),
    );
    expect(result.unassigned).toHaveLength(1);
    const [left] = result.unassigned;
    expect(left).toMatchObject({ binId: 'BIN-3', code: 'NOT_WORTH_DETOUR' });
    // (1 + 6 − 5) km × 1.3 × 7,500 VND/km ≈ 19,500 VND.
    expect(left!.insertionCostVnd).toBeGreaterThan(19_400);
    expect(left!.insertionCostVnd).toBeLessThan(19_700);
    expect(left!.reason).toMatch(/^Not worth the detour: cost 19,\d{3} VND > value 100 VND$/);
  });

  it('re-plans from the current position and load, keeping completed and committed stops', () => {
    const result = plan(
      request({
        vehicles: [compactor('VEH-01'), compactor('VEH-02')],
        bins: [1, 2, 3, 4, 5].map((km) => must(bin(`BIN-${km}`, km))),
        vehicleStates: [
          {
            vehicleId: 'VEH-01',
            position: { lat: 10.95, lon: 106.75 + 1.1 / 109.3 },
            at: '2026-12-01T06:00:00+07:00',
            loadLitres: 7_900,
            loadKg: 500,
            completedStops: [
              {
                siteId: 'BIN-1',
                arrivedAt: '2026-12-01T05:50:00+07:00',
                departedAt: '2026-12-01T05:52:00+07:00',
                loadLitresAfter: 7_900,
                loadKgAfter: 500,
              },
            ],
            plannedStops: ['BIN-2', 'BIN-3'],
            keepNextStops: 0,
          },
        ],
      }),
    );
    expect(result.feasible).toBe(true);
    const replanned = result.routes.find((r) => r.vehicleId === 'VEH-01')!;
    expect(replanned.stops[0]).toMatchObject({ siteId: 'BIN-1', status: 'collected' });
    const planned = replanned.stops.filter((s) => s.status === 'planned');
    // 7,900 l on board: any further bin needs an unload first.
    if (planned.some((s) => s.kind === 'bin')) expect(planned[0]!.kind).toBe('disposal');
    expect(Date.parse(planned[0]!.eta)).toBeGreaterThan(Date.parse('2026-12-01T06:00:00+07:00'));
    const all = result.routes.flatMap((r) =>
      r.stops.filter((s) => s.kind === 'bin' && s.status === 'planned'),
    );
    expect(all.map((s) => s.siteId).sort()).toEqual(['BIN-2', 'BIN-3', 'BIN-4', 'BIN-5']);
  });

  it('reports progress and honours an abort signal', () => {
    const controller = new AbortController();
    controller.abort();
    const points: number[] = [];
    const result = planCollectionRoutes(request(), {
      timeLimitMs: 5_000,
      signal: controller.signal,
      onProgress: (p) => points.push(p.bestCost),
    });
    expect(result.stats.elapsedMs).toBeLessThan(2_000);
    expect(result.allMustCollected).toBe(true);
  });

  it('plans a 500-bin, 4-vehicle day with disposal trips, windows and must/may bins feasibly within 2 s', () => {
    const dataset = generateDemoVillage({ seed: 1, vehicles: 4 });
    const input = generateVillageInstance(dataset, { seed: 1, bins: 500 });
    const started = performance.now();
    const result = plan(input, 1_000);
    const elapsedMs = performance.now() - started;
    expect(result.feasible).toBe(true);
    expect(result.allMustCollected).toBe(true);
    expect(result.routes.reduce((s, r) => s + r.unloads, 0)).toBeGreaterThan(4);
    // The 2 s target is the benchmark's to measure on a quiet machine; here tests run two at a time, so
    // the bound only catches a pipeline that has become several times slower.
    expect(elapsedMs).toBeLessThan(3_000);
  });
});
