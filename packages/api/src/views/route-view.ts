import type {
  ReportedRouteStop,
  ReportedVehicleRoute,
  ReportedWastePlan,
  StoredStopReport,
} from '@village/store';
import type { RouteStopView, VehicleRouteView, WastePlanView } from '../schemas/waste-plans.ts';
import { zonedFromIso } from '../zoned-time.ts';

/** Wire shapes of stored waste plans: times in village time, nulls instead of absent fields. */

export function toStopReportView(report: StoredStopReport) {
  return {
    reportId: report.reportId,
    status: report.status,
    reason: report.reason ?? null,
    note: report.note ?? null,
    reportedAt: zonedFromIso(report.reportedAt),
    receivedAt: zonedFromIso(report.receivedAt),
  };
}

export function toRouteStopView(stop: ReportedRouteStop, sequence: number): RouteStopView {
  return {
    sequence,
    kind: stop.kind,
    siteId: stop.siteId,
    binId: stop.kind === 'bin' ? stop.siteId : null,
    eta: zonedFromIso(stop.eta),
    departAt: zonedFromIso(stop.departAt),
    expectedLoadLitres: stop.loadLitresAfter,
    expectedLoadKg: stop.loadKgAfter ?? null,
    status: stop.status,
    committed: stop.committed ?? false,
    report: stop.report ? toStopReportView(stop.report) : null,
  };
}

/** Litres picked up at bins: each bin stop's load increase over the stop before it. */
function collectedLitres(stops: readonly ReportedRouteStop[]): number {
  let total = 0;
  let previous = 0;
  for (const stop of stops) {
    if (stop.kind === 'bin') total += Math.max(0, stop.loadLitresAfter - previous);
    previous = stop.loadLitresAfter;
  }
  return total;
}

export function toVehicleRouteView(route: ReportedVehicleRoute): VehicleRouteView {
  const bins = route.stops.filter((s) => s.kind === 'bin');
  const count = (status: string) => bins.filter((s) => s.status === status).length;
  const first = route.stops[0];
  const last = route.stops.at(-1);
  return {
    vehicleId: route.vehicleId,
    distanceKm: route.distanceKm,
    durationMinutes: route.durationMinutes,
    costVnd: route.costVnd,
    start: first ? zonedFromIso(first.departAt) : null,
    end: last ? zonedFromIso(last.eta) : null,
    expectedCollectedLitres: collectedLitres(route.stops),
    progress: { planned: count('planned'), collected: count('collected'), skipped: count('skipped') },
    stops: route.stops.map(toRouteStopView),
  };
}

export function toWastePlanView(plan: ReportedWastePlan): WastePlanView {
  return {
    planId: plan.planId,
    villageId: plan.villageId,
    date: plan.date,
    createdAt: zonedFromIso(plan.createdAt),
    sequence: plan.sequence,
    totalDistanceKm: plan.totalDistanceKm,
    totalCostVnd: plan.totalCostVnd,
    unassigned: plan.unassigned.map((u) => ({ binId: u.binId, reason: u.reason, code: u.code ?? null })),
    routes: plan.routes.map(toVehicleRouteView),
  };
}
