import type { VehicleRoute } from '@village/domain';
import type { ReportedVehicleRoute, StoredStopReport } from '../planning-ports.ts';

const stopKey = (vehicleId: string, binId: string) => `${vehicleId}\u0000${binId}`;

/**
 * The report that decides each (vehicle, bin) stop's status: the latest by `reportedAt` (a crew
 * that first skipped a blocked bin and came back later reports again), ties broken by arrival.
 */
export function latestReportPerStop(reports: readonly StoredStopReport[]): Map<string, StoredStopReport> {
  const latest = new Map<string, StoredStopReport>();
  for (const report of reports) {
    const key = stopKey(report.vehicleId, report.binId);
    const current = latest.get(key);
    if (!current || isLater(report, current)) latest.set(key, report);
  }
  return latest;
}

function isLater(a: StoredStopReport, b: StoredStopReport): boolean {
  const byReport = Date.parse(a.reportedAt) - Date.parse(b.reportedAt);
  if (byReport !== 0) return byReport > 0;
  return Date.parse(a.receivedAt) >= Date.parse(b.receivedAt);
}

/**
 * Reports are kept apart from the (immutable) route and merged on read: a bin stop takes the
 * status of its vehicle's latest report for that bin; depot and disposal stops are never reported.
 */
export function applyStopReports(
  route: VehicleRoute,
  latest: ReadonlyMap<string, StoredStopReport>,
): ReportedVehicleRoute {
  return {
    ...route,
    stops: route.stops.map((stop) => {
      if (stop.kind !== 'bin') return stop;
      const report = latest.get(stopKey(route.vehicleId, stop.siteId));
      return report ? { ...stop, status: report.status, report } : stop;
    }),
  };
}
