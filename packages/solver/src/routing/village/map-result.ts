import type { RouteStop, VehicleRoute } from '@village/domain';
import type { ProblemData } from '../model/problem-data.ts';
import type { SolveStats } from '../model/solution.ts';
import type { BuiltProblem } from './build-problem.ts';
import type { CompletedStop } from './collection-request.ts';
import type { FleetType } from './fleet-types.ts';
import { explainLeftOut, type UnassignedBin } from './infeasibility.ts';
import type { ScheduledRoute } from './insertion-cost.ts';
import { routeCost, scheduleRoute } from './route-schedule.ts';

/**
 * Solver routes → the village's plan, shaped like the domain's `vehicleRouteSchema`/`wastePlanSchema`
 * (the planning loop adds planId, villageId and createdAt). Per vehicle, in order: completed stops
 * (re-planning, as reported), committed stops, depot departure (fresh routes only), bins and mid-route
 * unloads, the final unload, the depot. `eta` is when service starts — after any wait for a window or
 * the disposal site to open — so it always lies inside the window; `departAt` is when the truck leaves.
 * Distance, duration and cost cover the day from the depot (or from the re-planning report) to the
 * depot, including the final unload and the drive back that the solver does not see.
 */
export interface PlannedStop extends RouteStop {
  loadKgAfter: number;
}

export interface PlannedVehicleRoute extends VehicleRoute {
  stops: PlannedStop[];
  binsCollected: number;
  /** Unloads at disposal sites, the final one included. */
  unloads: number;
}

export interface CollectionPlanResult {
  date: string;
  routes: PlannedVehicleRoute[];
  unassigned: UnassignedBin[];
  /** Vehicles with nothing to do (stay at the depot, no fixed cost). */
  idleVehicleIds: string[];
  totalDistanceKm: number;
  totalDurationMinutes: number;
  totalCostVnd: number;
  /** Value of the may-collect bins left out (the other half of the objective). */
  missedValueVnd: number;
  /**
   * Every hard constraint of the solved problem holds, per the independent checker (bins set aside by
   * the pre-checks are not part of that problem: see `unassigned` and `allMustCollected`).
   */
  feasible: boolean;
  /** The checker's findings when not feasible, in plain words. */
  violations: string[];
  /** No must-collect bin is unassigned. */
  allMustCollected: boolean;
  notes: string[];
  stats: SolveStats;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function stop(
  built: BuiltProblem,
  kind: RouteStop['kind'],
  siteId: string,
  atMinutes: number,
  departMinutes: number,
  litres: number,
  kg: number,
): PlannedStop {
  return {
    kind,
    siteId,
    eta: built.clock.toIso(atMinutes),
    departAt: built.clock.toIso(departMinutes),
    loadLitresAfter: round(Math.max(0, litres), 1),
    loadKgAfter: round(Math.max(0, kg), 1),
    status: 'planned',
  };
}

function completedStop(built: BuiltProblem, done: CompletedStop): PlannedStop {
  const { universe } = built;
  const kind = universe.disposalLocation.has(done.siteId)
    ? 'disposal'
    : universe.depotLocation.has(done.siteId)
      ? 'depot'
      : 'bin';
  return {
    kind,
    siteId: done.siteId,
    eta: done.arrivedAt,
    departAt: done.departedAt,
    loadLitresAfter: done.loadLitresAfter,
    loadKgAfter: done.loadKgAfter,
    status: 'collected',
  };
}

function vehicleRoute(
  built: BuiltProblem,
  data: ProblemData,
  type: FleetType,
  vehicleId: string,
  route: ScheduledRoute,
): PlannedVehicleRoute {
  const { schedule, visits } = route;
  const t = type.index;
  const K = data.numLoadDims;
  const replan = built.replans.get(vehicleId);
  const stops: PlannedStop[] = [];
  if (replan) {
    stops.push(...replan.state.completedStops.map((s) => completedStop(built, s)));
    for (const c of replan.committed) {
      const kept = stop(
        built,
        c.kind,
        c.siteId,
        c.serviceStartMinutes,
        c.departureMinutes,
        c.loadLitresAfter,
        c.loadKgAfter,
      );
      stops.push({ ...kept, committed: true });
    }
  } else {
    stops.push(stop(built, 'depot', type.depotId, schedule.startTime, schedule.startTime, 0, 0));
  }
  let binsCollected = 0;
  let unloads = 0;
  visits.forEach((l, i) => {
    const ref = built.locations[l]!;
    const kind = ref.kind === 'bin' ? 'bin' : 'disposal';
    if (kind === 'bin') binsCollected++;
    else unloads++;
    const litres = schedule.loadAfter[i * K]!;
    const kg = schedule.loadAfter[i * K + 1]!;
    stops.push(stop(built, kind, ref.id, schedule.serviceStart[i]!, schedule.departure[i]!, litres, kg));
  });
  const onBoard =
    visits.length > 0
      ? schedule.loadAfter.slice(-K)
      : [data.initialLoad[t * K]!, data.initialLoad[t * K + 1]!];
  const n = built.universe.matrix.size;
  let extraKm = type.returnKm;
  let endMinutes: number;
  if (visits.length === 0 && onBoard.every((q) => q === 0)) {
    // Nothing on board and nothing left to collect: straight home, no unload.
    const leg = type.startLocation * n + type.depotLocation;
    extraKm = built.universe.matrix.distanceKm[leg]! - schedule.distance;
    endMinutes = schedule.startTime + built.universe.matrix.durationMinutes[leg]!;
  } else {
    const unloadDone = schedule.endTime + type.disposalSite.unloadMinutes;
    stops.push(stop(built, 'disposal', type.disposalSite.id, schedule.endTime, unloadDone, 0, 0));
    unloads++;
    endMinutes = unloadDone + type.returnMinutes;
  }
  stops.push(stop(built, 'depot', type.depotId, endMinutes, endMinutes, 0, 0));

  const startMinutes = replan ? replan.reportedMinutes : schedule.startTime;
  if (replan) extraKm += replan.committedKm;
  const solverMinutes = schedule.endTime - schedule.startTime;
  const extraMinutes = endMinutes - startMinutes - solverMinutes;
  const cost =
    routeCost(data, t, schedule.distance, solverMinutes) +
    type.costPerKmVnd * extraKm +
    data.unitDurationCost[t]! * extraMinutes;
  return {
    vehicleId,
    stops,
    distanceKm: round(schedule.distance + extraKm, 3),
    durationMinutes: round(endMinutes - startMinutes, 1),
    costVnd: Math.round(cost),
    binsCollected,
    unloads,
  };
}

export function mapResult(
  built: BuiltProblem,
  data: ProblemData,
  routes: readonly ScheduledRoute[],
  leftOut: readonly number[],
  solved: { feasible: boolean; violations: string[]; stats: SolveStats },
): CollectionPlanResult {
  const byType = new Map<number, ScheduledRoute[]>();
  for (const r of routes) {
    if (r.visits.length === 0 && !built.sunkTypes[r.vehicleType]) continue;
    byType.set(r.vehicleType, [...(byType.get(r.vehicleType) ?? []), r]);
  }
  const planned: PlannedVehicleRoute[] = [];
  const idleVehicleIds: string[] = [];
  for (const type of built.fleet) {
    const own = byType.get(type.index) ?? [];
    type.vehicles.forEach((vehicle, k) => {
      let route = own[k];
      // A re-planned vehicle is out on the road: with no new stops it still goes home.
      if (!route && type.replannedVehicleId) {
        route = {
          vehicleType: type.index,
          visits: [],
          schedule: scheduleRoute(data, type.index, [], type.startMinutes),
        };
      }
      if (route) planned.push(vehicleRoute(built, data, type, vehicle.id, route));
      else idleVehicleIds.push(vehicle.id);
    });
  }
  const unassigned = [
    ...built.rejected,
    ...leftOut.map((l) =>
      explainLeftOut(built.clients[l - data.numDepots]!, l, data, routes, built.sunkTypes),
    ),
  ];
  return {
    date: built.request.date,
    routes: planned,
    unassigned,
    idleVehicleIds,
    totalDistanceKm: round(
      planned.reduce((s, r) => s + r.distanceKm, 0),
      3,
    ),
    totalDurationMinutes: round(
      planned.reduce((s, r) => s + r.durationMinutes, 0),
      1,
    ),
    totalCostVnd: planned.reduce((s, r) => s + r.costVnd, 0),
    missedValueVnd: Math.round(unassigned.reduce((s, u) => s + (u.mustCollect ? 0 : u.valueVnd), 0)),
    feasible: solved.feasible,
    violations: solved.violations,
    allMustCollected: unassigned.every((u) => !u.mustCollect),
    notes: built.notes,
    stats: solved.stats,
  };
}
