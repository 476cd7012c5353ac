import { type DisposalSite, minutesOfDay, type Vehicle, type WasteStream } from '@village/domain';
import type { TravelMatrix } from './travel-matrix.ts';

/**
 * One solver vehicle type per group of interchangeable vehicles (same type, depot, shift, capacity,
 * costs and streams): the solver then sees `numAvailable = count` instead of identical copies, which
 * keeps its search symmetric-free. A re-planned vehicle is on the road at its own place, time and load,
 * so it always gets a type of its own.
 *
 * Disposal as the END location: every day ends "last bin → disposal site → depot". The solver's route
 * ends at its end depot, so we make the disposal site the end depot and add the disposal→depot leg
 * afterwards. With ONE disposal site this is exact, not an approximation: the last leg is the same for
 * every route of the type, so it is a constant (cost and time) the search need not see; we subtract it
 * (and the final unload) from the shift end and maximum duration, so "back at the depot by shift end"
 * holds exactly. With several sites the best final site could depend on where the route ends; we fix
 * per vehicle the site that minimises the disposal→depot time (ties: km) among those accepting its
 * streams. That is exact for the common "transfer station next to the depot" layout and otherwise may
 * cost a few minutes on routes ending far from that site. Every accepting site stays available for
 * mid-route unloads (solver reload depots).
 */
export interface FleetType {
  /** Solver vehicle type index. */
  index: number;
  /** Interchangeable vehicles, in request order; solver routes of this type go to them in turn. */
  vehicles: Vehicle[];
  /** Set when this type is one re-planned vehicle. */
  replannedVehicleId?: string;
  /** Streams it collects: carried by the vehicle and accepted by its final disposal site. */
  streams: WasteStream[];
  depotId: string;
  /** Universe location where its routes start: its depot, or a re-planned vehicle's start point. */
  startLocation: number;
  /** Location indices (shared by the universe and the problem: depots, then disposal sites). */
  depotLocation: number;
  disposalLocation: number;
  disposalSite: DisposalSite;
  reloadLocations: number[];
  /** Fixed final leg, added after the solver's route. */
  returnKm: number;
  returnMinutes: number;
  /** Minutes since local midnight. */
  shiftStartMinutes: number;
  shiftEndMinutes: number;
  /** Earliest departure: shift start, or the re-planned vehicle's time after its committed stops. */
  startMinutes: number;
  /** Latest arrival at the final disposal site: shift end − unload − return leg. */
  latestFinalArrivalMinutes: number;
  /** For the solver: the shift's maximum duration minus the tail and, if re-planned, the time gone. */
  maxDurationMinutes: number;
  capacityLitres: number;
  capacityKg: number;
  fixedCostVnd: number;
  costPerKmVnd: number;
}

export interface SiteLayout {
  /** depotId → location index. */
  depotLocation: ReadonlyMap<string, number>;
  /** Disposal sites in request order with their location indices. */
  disposal: readonly { site: DisposalSite; location: number }[];
}

/** Shifts that end "before" they start run past midnight. */
function shiftMinutes(vehicle: Vehicle): { start: number; end: number } {
  const start = minutesOfDay(vehicle.shift.start);
  let end = minutesOfDay(vehicle.shift.end);
  if (end <= start) end += 24 * 60;
  return { start, end };
}

function accepts(site: DisposalSite, streams: readonly WasteStream[]): number {
  return streams.filter((s) => site.acceptsStreams.includes(s)).length;
}

/** The final disposal site for a vehicle (see the module comment) and the streams it can then carry. */
export function chooseDisposal(
  vehicle: Vehicle,
  layout: SiteLayout,
  matrix: TravelMatrix,
): { site: DisposalSite; location: number; streams: WasteStream[] } {
  const depot = layout.depotLocation.get(vehicle.depotId);
  if (depot === undefined) throw new RangeError(`unknown depot "${vehicle.depotId}"`);
  // Prefer sites taking everything the vehicle carries; otherwise the ones taking the most of it.
  const best = Math.max(...layout.disposal.map((d) => accepts(d.site, vehicle.streams)));
  const candidates = layout.disposal.filter((d) => accepts(d.site, vehicle.streams) === best);
  const n = matrix.size;
  const key = (loc: number) => [
    matrix.durationMinutes[loc * n + depot]!,
    matrix.distanceKm[loc * n + depot]!,
  ];
  const chosen = candidates.reduce((a, b) => {
    const [ta, da] = key(a.location);
    const [tb, db] = key(b.location);
    return tb! < ta! || (tb === ta && db! < da!) ? b : a;
  });
  return {
    site: chosen.site,
    location: chosen.location,
    streams: vehicle.streams.filter((s) => chosen.site.acceptsStreams.includes(s)),
  };
}

function groupKey(v: Vehicle): string {
  return JSON.stringify([
    v.type,
    v.depotId,
    v.shift,
    v.capacityLitres,
    v.capacityKg,
    [...v.streams].sort(),
    v.fixedCostVnd,
    v.costPerKmVnd,
  ]);
}

/** Where and when a re-planned vehicle really starts (after its committed stops). */
export interface ReplanStartPoint {
  vehicleId: string;
  /** Universe location index. */
  startLocation: number;
  startMinutes: number;
}

/**
 * Builds the fleet types. `replanned` vehicles get their own types, after the grouped ones, so the
 * type order is stable for a given fleet.
 */
export function buildFleetTypes(
  vehicles: readonly Vehicle[],
  layout: SiteLayout,
  matrix: TravelMatrix,
  replanned: readonly ReplanStartPoint[],
): FleetType[] {
  const replannedIds = new Set(replanned.map((r) => r.vehicleId));
  const groups = new Map<string, Vehicle[]>();
  for (const v of vehicles) {
    if (replannedIds.has(v.id)) continue;
    const key = groupKey(v);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const byId = new Map(vehicles.map((v) => [v.id, v]));
  const entries: { members: Vehicle[]; replan?: ReplanStartPoint }[] = [...groups.values()].map(
    (members) => ({
      members,
    }),
  );
  for (const r of replanned) {
    const v = byId.get(r.vehicleId);
    if (v) entries.push({ members: [v], replan: r });
  }
  const n = matrix.size;
  return entries.map(({ members, replan }, index) => {
    const v = members[0]!;
    const depotLocation = layout.depotLocation.get(v.depotId)!;
    const disposal = chooseDisposal(v, layout, matrix);
    const leg = disposal.location * n + depotLocation;
    const returnMinutes = matrix.durationMinutes[leg]!;
    const tail = disposal.site.unloadMinutes + returnMinutes;
    const shift = shiftMinutes(v);
    const startMinutes = replan ? replan.startMinutes : shift.start;
    const elapsed = Math.max(0, startMinutes - shift.start);
    return {
      index,
      vehicles: members,
      ...(replan ? { replannedVehicleId: replan.vehicleId } : {}),
      streams: disposal.streams,
      depotId: v.depotId,
      startLocation: replan ? replan.startLocation : depotLocation,
      depotLocation,
      disposalLocation: disposal.location,
      disposalSite: disposal.site,
      reloadLocations: layout.disposal
        .filter((d) => disposal.streams.every((s) => d.site.acceptsStreams.includes(s)))
        .map((d) => d.location),
      returnKm: matrix.distanceKm[leg]!,
      returnMinutes,
      shiftStartMinutes: shift.start,
      shiftEndMinutes: shift.end,
      startMinutes,
      // A vehicle already past its deadline still has to go home: clamp so the type stays valid.
      latestFinalArrivalMinutes: Math.max(startMinutes, shift.end - tail),
      maxDurationMinutes: Math.max(0, v.shift.maxDurationMinutes - tail - elapsed),
      capacityLitres: v.capacityLitres,
      capacityKg: v.capacityKg,
      // A vehicle already out has paid its fixed cost for the day; only what it still drives counts.
      fixedCostVnd: replan ? 0 : v.fixedCostVnd,
      costPerKmVnd: v.costPerKmVnd,
    };
  });
}

/** Types that may serve a bin: the vehicle type reaches it and the vehicle collects its stream. */
export function allowedFleetTypes(
  bin: { accessibleBy: readonly string[]; stream: WasteStream },
  types: readonly FleetType[],
): FleetType[] {
  return types.filter(
    (t) => bin.accessibleBy.includes(t.vehicles[0]!.type) && t.streams.includes(bin.stream),
  );
}
