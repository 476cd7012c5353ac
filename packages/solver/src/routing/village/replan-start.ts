import { minutesOfDay } from '@village/domain';
import { type BinToConsider, expectedLoad, type VehicleState } from './collection-request.ts';
import type { PlanClock } from './plan-clock.ts';
import type { Universe } from './universe.ts';

/**
 * Re-planning mid-shift. A vehicle reports where it is, when, and what it carries. The stops it has
 * made are history (reported back, never re-planned). Its next `keepNextStops` planned stops are
 * committed — the crew is already driving there, or the households were told — so we simulate them
 * here with the same rules as the solver (wait for a window to open, serve, unload at a disposal site)
 * and hand the solver a vehicle that starts where and when those stops end, with the load then on
 * board.
 */
export interface CommittedStop {
  kind: 'bin' | 'disposal';
  siteId: string;
  /** Universe location index. */
  location: number;
  arrivalMinutes: number;
  serviceStartMinutes: number;
  departureMinutes: number;
  loadLitresAfter: number;
  loadKgAfter: number;
}

export interface ReplanStart {
  vehicleId: string;
  state: VehicleState;
  /** Minutes since local midnight of the reported time. */
  reportedMinutes: number;
  /** Universe location where the solver's route starts, and when, with what on board. */
  startLocation: number;
  startMinutes: number;
  loadLitres: number;
  loadKg: number;
  committed: CommittedStop[];
  /** Driving from the reported position through the committed stops. */
  committedKm: number;
}

export function computeReplanStart(
  state: VehicleState,
  universe: Universe,
  binsById: ReadonlyMap<string, BinToConsider>,
  clock: PlanClock,
): ReplanStart {
  const { matrix } = universe;
  const n = matrix.size;
  const reportedMinutes = clock.minutesOf(state.at);
  let location = universe.positionLocation.get(state.vehicleId)!;
  let time = reportedMinutes;
  let litres = state.loadLitres;
  let kg = state.loadKg;
  let km = 0;
  const committed: CommittedStop[] = [];
  for (const siteId of state.plannedStops.slice(0, state.keepNextStops)) {
    const entry = binsById.get(siteId);
    const binLocation = universe.binLocation.get(siteId);
    const siteLocation = universe.disposalLocation.get(siteId);
    const next = entry && binLocation !== undefined ? binLocation : siteLocation;
    // The request schema guarantees committed stops are requested bins or disposal sites; a bin that was
    // also reported completed has no location left and is skipped.
    if (next === undefined) continue;
    km += matrix.distanceKm[location * n + next]!;
    const arrival = time + matrix.durationMinutes[location * n + next]!;
    let serviceStart = arrival;
    let departure: number;
    if (entry && binLocation !== undefined) {
      serviceStart = Math.max(arrival, entry.bin.timeWindow ? minutesOfDay(entry.bin.timeWindow.open) : 0);
      departure = serviceStart + entry.bin.serviceMinutes;
      const load = expectedLoad(entry);
      litres += load.litres;
      kg += load.kg;
    } else {
      const site = universe.disposal.find((d) => d.location === next)!.site;
      serviceStart = Math.max(arrival, minutesOfDay(site.openingHours.open));
      departure = serviceStart + site.unloadMinutes;
      litres = 0;
      kg = 0;
    }
    committed.push({
      kind: entry && binLocation !== undefined ? 'bin' : 'disposal',
      siteId,
      location: next,
      arrivalMinutes: arrival,
      serviceStartMinutes: serviceStart,
      departureMinutes: departure,
      loadLitresAfter: litres,
      loadKgAfter: kg,
    });
    time = departure;
    location = next;
  }
  return {
    vehicleId: state.vehicleId,
    state,
    reportedMinutes,
    startLocation: location,
    startMinutes: time,
    loadLitres: litres,
    loadKg: kg,
    committed,
    committedKm: km,
  };
}
