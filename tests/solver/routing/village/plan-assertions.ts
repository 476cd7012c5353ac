import { minutesOfDay, vehicleRouteSchema } from '@village/domain';
import { expect } from 'vitest';
import type { CollectionRequest } from '../../../../packages/solver/src/routing/village/collection-request.ts';
import type { CollectionPlanResult } from '../../../../packages/solver/src/routing/village/map-result.ts';

const localMinutes = (iso: string) => {
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) + Number(iso.slice(17, 19)) / 60;
};

/**
 * What every plan must satisfy, checked on the mapped output alone: domain shape, time order, ETAs
 * inside windows, loads within capacity and emptied at each unload, a final unload right before the
 * depot, each bin at most once and every bin accounted for.
 */
export function expectSoundPlan(plan: CollectionPlanResult, request: CollectionRequest): void {
  const bins = new Map(request.bins.map((b) => [b.bin.id, b]));
  const vehicles = new Map(request.vehicles.map((v) => [v.id, v]));
  const disposalIds = new Set(request.disposalSites.map((s) => s.id));
  const seen = new Set<string>();
  for (const route of plan.routes) {
    expect(vehicleRouteSchema.safeParse(route).success).toBe(true);
    const vehicle = vehicles.get(route.vehicleId)!;
    const stops = route.stops.filter((s) => s.status === 'planned');
    const last = stops[stops.length - 1]!;
    expect(last.kind).toBe('depot');
    expect(last.siteId).toBe(vehicle.depotId);
    if (stops.some((s) => s.kind === 'bin')) {
      const beforeLast = stops[stops.length - 2]!;
      expect(beforeLast.kind).toBe('disposal');
      expect(disposalIds.has(beforeLast.siteId)).toBe(true);
      expect(beforeLast.loadLitresAfter).toBe(0);
    }
    let previous = Number.NEGATIVE_INFINITY;
    for (const stop of stops) {
      const eta = localMinutes(stop.eta);
      const departAt = localMinutes(stop.departAt);
      expect(eta).toBeGreaterThanOrEqual(previous - 1 / 60);
      expect(departAt).toBeGreaterThanOrEqual(eta - 1 / 60);
      previous = departAt;
      expect(stop.loadLitresAfter).toBeLessThanOrEqual(vehicle.capacityLitres + 0.1);
      expect(stop.loadKgAfter).toBeLessThanOrEqual(vehicle.capacityKg + 0.1);
      if (stop.kind === 'disposal') expect(stop.loadLitresAfter).toBe(0);
      if (stop.kind !== 'bin') continue;
      expect(seen.has(stop.siteId)).toBe(false);
      seen.add(stop.siteId);
      const entry = bins.get(stop.siteId)!;
      expect(entry.bin.accessibleBy).toContain(vehicle.type);
      const window = entry.bin.timeWindow;
      if (window) {
        expect(eta).toBeGreaterThanOrEqual(minutesOfDay(window.open) - 1 / 60);
        expect(eta).toBeLessThanOrEqual(minutesOfDay(window.close) + 1 / 60);
      }
    }
    const first = stops.find((s) => s.kind === 'depot' || s.committed);
    if (first?.kind === 'depot' && !first.committed) {
      // A fresh route: leaves the depot within the shift and is back before it ends.
      expect(localMinutes(first.departAt)).toBeGreaterThanOrEqual(minutesOfDay(vehicle.shift.start) - 1 / 60);
      expect(localMinutes(last.eta)).toBeLessThanOrEqual(minutesOfDay(vehicle.shift.end) + 1 / 60);
    }
  }
  for (const u of plan.unassigned) {
    expect(seen.has(u.binId)).toBe(false);
    seen.add(u.binId);
  }
  const completed = new Set(request.vehicleStates.flatMap((s) => s.completedStops.map((c) => c.siteId)));
  for (const id of bins.keys()) expect(seen.has(id) || completed.has(id)).toBe(true);
}
