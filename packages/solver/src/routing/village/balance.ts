import type { FleetType } from './fleet-types.ts';
import type { TravelMatrix } from './travel-matrix.ts';

/**
 * The "fair day" for `balance: true`: an estimate of the whole day's work divided by the vehicles.
 * Each route minute beyond it costs overtime (solver soft duration limit), and because that cost grows
 * with every route's excess separately, the search prefers two 6-hour days to a 9-hour and a 3-hour one.
 *
 * The work estimate needs no solution: service at every bin, plus for each bin the drive from its
 * nearest neighbour (a tour visits every bin once, coming from somewhere close in a good plan), plus
 * the disposal trips the loads require (out to the site, unload, back to the bins). It counts may-
 * collect bins too, so it leans high when many of them end up dropped; a soft limit that is a little
 * high only softens the balancing, it never forbids a plan.
 */
export interface WorkItem {
  /** Universe location. */
  location: number;
  serviceMinutes: number;
  litres: number;
  kg: number;
}

export function fairDayMinutes(
  items: readonly WorkItem[],
  fleet: readonly FleetType[],
  matrix: TravelMatrix,
): number {
  const n = matrix.size;
  const vehicles = fleet.reduce((sum, t) => sum + t.vehicles.length, 0);
  if (vehicles === 0 || items.length === 0) return 0;
  let minutes = 0;
  let litres = 0;
  let kg = 0;
  let toDisposal = 0;
  const disposals = [...new Set(fleet.flatMap((t) => t.reloadLocations))];
  for (const item of items) {
    minutes += item.serviceMinutes;
    litres += item.litres;
    kg += item.kg;
    let nearest = Number.POSITIVE_INFINITY;
    for (const other of items) {
      if (other !== item)
        nearest = Math.min(nearest, matrix.durationMinutes[other.location * n + item.location]!);
    }
    if (Number.isFinite(nearest)) minutes += nearest;
    toDisposal += Math.min(...disposals.map((d) => matrix.durationMinutes[item.location * n + d]!));
  }
  const capacityLitres = fleet.reduce((sum, t) => sum + t.capacityLitres * t.vehicles.length, 0) / vehicles;
  const capacityKg = fleet.reduce((sum, t) => sum + t.capacityKg * t.vehicles.length, 0) / vehicles;
  const trips = Math.max(vehicles, Math.ceil(litres / capacityLitres), Math.ceil(kg / capacityKg));
  const unloadMinutes = fleet.reduce((sum, t) => sum + t.disposalSite.unloadMinutes, 0) / fleet.length;
  minutes += trips * (unloadMinutes + 2 * (toDisposal / items.length));
  return minutes / vehicles;
}
