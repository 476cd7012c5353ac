import { minutesOfDay } from '@village/domain';
import type { ClientInput, DepotInput, ProblemInput, VehicleTypeInput } from '../model/problem-input.ts';
import { fairDayMinutes } from './balance.ts';
import { type BinToConsider, type CollectionRequest, expectedLoad } from './collection-request.ts';
import { buildFleetTypes, type FleetType } from './fleet-types.ts';
import { precheckBins, type UnassignedBin } from './infeasibility.ts';
import { createPlanClock, type PlanClock } from './plan-clock.ts';
import { computeReplanStart, type ReplanStart } from './replan-start.ts';
import { buildUniverse, subMatrix, type Universe } from './universe.ts';

/**
 * A collection day as a solver problem. Units: time in minutes since village-local midnight of the plan
 * date, distance in km, money in VND, two load dimensions [litres, kg].
 *
 * Problem locations, depots first as the solver requires:
 *   [domain depots] [disposal sites] [re-planned vehicles' start points] [bins to plan]
 * Domain depots start the normal vehicles' routes; disposal sites are every vehicle's END location and
 * its mid-route reload depots (see fleet-types.ts for why the final unload is modelled as the end);
 * the disposal→depot leg is added back by map-result.ts.
 */
export interface LocationRef {
  kind: 'depot' | 'disposal' | 'start' | 'bin';
  /** Site id; for a start point, the vehicle id. */
  id: string;
  /** Index into the universe (the full travel matrix). */
  universe: number;
}

export interface BuiltProblem {
  request: CollectionRequest;
  clock: PlanClock;
  universe: Universe;
  fleet: FleetType[];
  /** vehicleId → its re-planning start (committed stops simulated). */
  replans: ReadonlyMap<string, ReplanStart>;
  input: ProblemInput;
  /** Problem location → what it is. */
  locations: LocationRef[];
  /** Client j (location numDepots + j) → its bin. */
  clients: BinToConsider[];
  /** Set aside by the pre-checks, with reasons. */
  rejected: UnassignedBin[];
  /** Bins already emptied today (re-planning): neither planned nor unassigned. */
  completedBinIds: ReadonlySet<string>;
  /** Per solver vehicle type: the vehicle drives home anyway (re-planned), so its base trip is sunk. */
  sunkTypes: boolean[];
  /** The fair day when balancing (minutes), for the record. */
  fairDayMinutes?: number;
  notes: string[];
}

const MINUTES_PER_HOUR = 60;

function clientInput(entry: BinToConsider, allowedTypes: readonly number[]): ClientInput {
  const { bin } = entry;
  const load = expectedLoad(entry);
  return {
    demand: [load.litres, load.kg],
    serviceDuration: bin.serviceMinutes,
    ...(bin.timeWindow
      ? { twEarly: minutesOfDay(bin.timeWindow.open), twLate: minutesOfDay(bin.timeWindow.close) }
      : {}),
    required: entry.mustCollect,
    // The solver's objective is route cost + prizes of optional clients left out, both in VND.
    prize: entry.mustCollect ? 0 : entry.valueVnd,
    allowedVehicleTypes: allowedTypes,
  };
}

function streamNotes(fleet: readonly FleetType[], clients: readonly BinToConsider[]): string[] {
  const notes: string[] = [];
  const streamsPlanned = new Set(clients.map((c) => c.bin.stream));
  for (const t of fleet) {
    const mixed = t.streams.filter((s) => streamsPlanned.has(s));
    if (mixed.length > 1) {
      notes.push(
        `${t.vehicles.map((v) => v.id).join(', ')} may collect ${mixed.join(', ')} waste on one trip: ` +
          'streams are mixed in the truck body unless the crew uses separate compartments or sacks',
      );
    }
  }
  return notes;
}

export function buildProblem(request: CollectionRequest): BuiltProblem {
  const clock = createPlanClock(request.date, request.timeZone);
  const binsById = new Map(request.bins.map((b) => [b.bin.id, b]));
  const completedBinIds = new Set(
    request.vehicleStates
      .flatMap((s) => s.completedStops.map((c) => c.siteId))
      .filter((id) => binsById.has(id)),
  );
  const universe = buildUniverse(request, completedBinIds);
  const replans = new Map(
    request.vehicleStates.map((s) => [s.vehicleId, computeReplanStart(s, universe, binsById, clock)]),
  );
  const committedBinIds = new Set(
    [...replans.values()].flatMap((r) => r.committed.filter((c) => c.kind === 'bin').map((c) => c.siteId)),
  );
  const fleet = buildFleetTypes(
    request.vehicles,
    { depotLocation: universe.depotLocation, disposal: universe.disposal },
    universe.matrix,
    [...replans.values()].map((r) => ({
      vehicleId: r.vehicleId,
      startLocation: r.startLocation,
      startMinutes: r.startMinutes,
    })),
  );

  const candidates = request.bins
    .filter((b) => !completedBinIds.has(b.bin.id) && !committedBinIds.has(b.bin.id))
    .map((entry) => ({ entry, location: universe.binLocation.get(entry.bin.id)! }));
  const { accepted, rejected } = precheckBins(candidates, fleet, universe.matrix);

  const locations: LocationRef[] = [
    ...request.depots.map((d, i) => ({ kind: 'depot' as const, id: d.id, universe: i })),
    ...universe.disposal.map((d) => ({ kind: 'disposal' as const, id: d.site.id, universe: d.location })),
  ];
  const depots: DepotInput[] = [
    ...request.depots.map(() => ({})),
    ...universe.disposal.map(({ site }) => ({
      twEarly: minutesOfDay(site.openingHours.open),
      twLate: minutesOfDay(site.openingHours.close),
      serviceDuration: site.unloadMinutes,
    })),
  ];
  const startOf = new Map<number, number>();
  for (const t of fleet) {
    if (!t.replannedVehicleId) continue;
    startOf.set(t.index, locations.length);
    locations.push({ kind: 'start', id: t.replannedVehicleId, universe: t.startLocation });
    depots.push({});
  }
  for (const { entry, location } of accepted)
    locations.push({ kind: 'bin', id: entry.bin.id, universe: location });
  const matrix = subMatrix(
    universe.matrix,
    locations.map((l) => l.universe),
  );

  const notes = streamNotes(
    fleet,
    accepted.map((a) => a.entry),
  );
  const fairDay = request.balance
    ? fairDayMinutes(
        accepted.map(({ entry, location }) => ({
          location,
          serviceMinutes: entry.bin.serviceMinutes,
          ...expectedLoad(entry),
        })),
        fleet,
        universe.matrix,
      )
    : undefined;

  const vehicleTypes: VehicleTypeInput[] = fleet.map((t) => {
    const replan = t.replannedVehicleId ? replans.get(t.replannedVehicleId) : undefined;
    let initialLoad: number[] | undefined;
    if (replan) {
      // A reported load above capacity (sensor noise, overfilled truck) would make every route infeasible.
      initialLoad = [Math.min(replan.loadLitres, t.capacityLitres), Math.min(replan.loadKg, t.capacityKg)];
      if (replan.loadLitres > t.capacityLitres || replan.loadKg > t.capacityKg) {
        notes.push(`${t.replannedVehicleId} reports more load than its capacity; planned as full`);
      }
    }
    const tail = t.disposalSite.unloadMinutes + t.returnMinutes;
    return {
      numAvailable: t.vehicles.length,
      capacity: [t.capacityLitres, t.capacityKg],
      startDepot: startOf.get(t.index) ?? t.depotLocation,
      endDepot: t.disposalLocation,
      twEarly: t.startMinutes,
      twLate: t.latestFinalArrivalMinutes,
      maxDuration: t.maxDurationMinutes,
      fixedCost: t.fixedCostVnd,
      unitDistanceCost: t.costPerKmVnd,
      unitDurationCost: request.crewCostPerHourVnd / MINUTES_PER_HOUR,
      reloadDepots: t.reloadLocations,
      ...(initialLoad ? { initialLoad } : {}),
      ...(fairDay !== undefined
        ? {
            // The solver's route ends at the disposal site: the fair day minus the fixed tail, and for a
            // re-planned vehicle minus the part of its shift already gone.
            softDurationLimit: Math.max(0, fairDay - tail - (t.startMinutes - t.shiftStartMinutes)),
            overtimeUnitCost: request.overtimeCostPerHourVnd / MINUTES_PER_HOUR,
          }
        : {}),
    };
  });

  const input: ProblemInput = {
    numLoadDimensions: 2,
    depots,
    clients: accepted.map((a) =>
      clientInput(
        a.entry,
        a.allowed.map((t) => t.index),
      ),
    ),
    vehicleTypes,
    distance: matrix.distanceKm,
    duration: matrix.durationMinutes,
  };
  return {
    request,
    clock,
    universe,
    fleet,
    replans,
    input,
    locations,
    clients: accepted.map((a) => a.entry),
    rejected,
    completedBinIds,
    sunkTypes: fleet.map((t) => t.replannedVehicleId !== undefined),
    ...(fairDay !== undefined ? { fairDayMinutes: fairDay } : {}),
    notes,
  };
}
