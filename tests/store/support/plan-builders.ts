import type { EnergyPlan, HouseholdEnergyPlan, RouteStop, VehicleRoute, WastePlan } from '@village/domain';

/** Hand-built plans for storage and API tests (the planner is not under test here). */

const MINUTE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** depot → each bin (10 min apart, +100 L each) → disposal → depot, starting at `startIso`. */
export function vehicleRoute(vehicleId: string, binIds: readonly string[], startIso: string): VehicleRoute {
  const start = Date.parse(startIso);
  const stop = (kind: RouteStop['kind'], siteId: string, minutes: number, load: number): RouteStop => ({
    kind,
    siteId,
    eta: iso(start + minutes * MINUTE_MS),
    departAt: iso(start + (minutes + (kind === 'bin' ? 2 : 0)) * MINUTE_MS),
    loadLitresAfter: load,
    status: 'planned',
  });
  const stops: RouteStop[] = [stop('depot', 'depot-1', 0, 0)];
  binIds.forEach((binId, i) => {
    stops.push(stop('bin', binId, 10 * (i + 1), 100 * (i + 1)));
  });
  const end = 10 * (binIds.length + 1);
  stops.push(stop('disposal', 'landfill-1', end, 0), stop('depot', 'depot-1', end + 15, 0));
  return {
    vehicleId,
    stops,
    distanceKm: 2.5 * (binIds.length + 1),
    durationMinutes: end + 15,
    costVnd: 20_000 * (binIds.length + 1),
  };
}

export function wastePlan(options: {
  planId: string;
  villageId: string;
  date: string;
  routes: VehicleRoute[];
  createdAt?: string;
  unassigned?: WastePlan['unassigned'];
}): WastePlan {
  return {
    planId: options.planId,
    villageId: options.villageId,
    date: options.date,
    createdAt: options.createdAt ?? `${options.date}T04:55:00+07:00`,
    routes: options.routes,
    unassigned: options.unassigned ?? [],
    totalDistanceKm: options.routes.reduce((s, r) => s + r.distanceKm, 0),
    totalCostVnd: options.routes.reduce((s, r) => s + r.costVnd, 0),
  };
}

/** Deterministic, non-round kW values so the stored plan is as large as a real one. */
function loadProfile(seed: number, slots: number): number[] {
  return Array.from({ length: slots }, (_, s) => {
    const x = Math.sin(seed * 12.9898 + s * 78.233) * 43_758.5453;
    const frac = x - Math.floor(x);
    return frac < 0.6 ? 0 : Math.round(frac * 3_000_000) / 1_000_000;
  });
}

export function householdPlan(householdId: string, seed: number, slots = 96): HouseholdEnergyPlan {
  return {
    householdId,
    loads: [
      { loadId: 'pump', kw: loadProfile(seed, slots) },
      { loadId: 'charger', kw: loadProfile(seed + 0.5, slots) },
    ],
    expectedCostVnd: 10_000 + seed,
    unmanagedCostVnd: 12_500 + seed,
  };
}

export function energyPlan(options: {
  planId: string;
  villageId: string;
  date: string;
  householdIds: readonly string[];
  transformerLimitKw?: number;
  villagePeakKw?: number;
}): EnergyPlan {
  const households = options.householdIds.map((id, i) => householdPlan(id, i + 1));
  return {
    planId: options.planId,
    villageId: options.villageId,
    date: options.date,
    createdAt: '2026-11-28T18:00:00+07:00',
    slotMinutes: 15,
    households,
    villagePeakKw: options.villagePeakKw ?? 180,
    transformerLimitKw: options.transformerLimitKw ?? 200,
    totalCostVnd: households.reduce((s, h) => s + h.expectedCostVnd, 0),
  };
}

export const householdIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `hh-${String(i + 1).padStart(4, '0')}`);
