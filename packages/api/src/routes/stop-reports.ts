import { createRoute } from '@hono/zod-openapi';
import { DomainError, ValidationError } from '@village/domain';
import type { StoredStopReport, WriteStatus } from '@village/store';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { authErrorResponses, commonErrorResponses, notFoundResponse } from '../schemas/error-body.ts';
import { stopReportBodySchema, stopReportResponseSchema } from '../schemas/stop-reports.ts';
import { planDatePathSchema } from '../schemas/waste-plans.ts';
import { toRouteStopView } from '../views/route-view.ts';
import { zonedFromIso, zonedFromMs } from '../zoned-time.ts';

/** Phones' clocks drift; a report further ahead than this is a wrong clock or a wrong field. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

const json = <S>(schema: S) => ({ 'application/json': { schema } });

export function registerStopReportRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId, clock } = deps;

  const report = createRoute({
    ...guard(accessPolicy.reportStop),
    tags: ['plans'],
    summary: 'Report a stop as collected or skipped (idempotent by reportId)',
    request: {
      params: planDatePathSchema,
      body: { content: json(stopReportBodySchema), required: true },
    },
    responses: {
      201: { description: 'Stored', content: json(stopReportResponseSchema) },
      200: {
        description: 'Already stored (a redelivery): the first report',
        content: json(stopReportResponseSchema),
      },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });

  /** A report is accepted only for a bin on that vehicle's route in the date's latest plan. */
  async function assertOnRoute(date: string, vehicleId: string, binId: string): Promise<void> {
    const found = await store.plans.getVehicleRoute(villageId, { by: 'date', date }, vehicleId);
    if (!found) throw new DomainError('NOT_FOUND', `No waste plan for ${date}`);
    if (!found.route) {
      throw new DomainError('NOT_FOUND', `Vehicle "${vehicleId}" has no route on ${date}`, [
        { field: 'body.vehicleId', message: `has no route in plan ${found.plan.planId}` },
      ]);
    }
    if (!found.route.stops.some((s) => s.kind === 'bin' && s.siteId === binId)) {
      throw new DomainError('NOT_FOUND', `Bin "${binId}" is not on the route of "${vehicleId}" on ${date}`, [
        { field: 'body.binId', message: `not on the route of ${vehicleId} in plan ${found.plan.planId}` },
      ]);
    }
  }

  async function stopAfter(date: string, stored: StoredStopReport) {
    const found = await store.plans.getVehicleRoute(villageId, { by: 'date', date }, stored.vehicleId);
    const stops = found?.route?.stops ?? [];
    const index = stops.findIndex((s) => s.kind === 'bin' && s.siteId === stored.binId);
    const stop = stops[index];
    return stop ? toRouteStopView(stop, index) : null;
  }

  app.openapi(report, async (c) => {
    const { date } = c.req.valid('param');
    const body = c.req.valid('json');
    const nowMs = clock.nowMs();
    if (Date.parse(body.reportedAt) > nowMs + MAX_CLOCK_SKEW_MS) {
      throw new ValidationError('Request validation failed', [
        { field: 'body.reportedAt', message: 'must not be in the future' },
      ]);
    }
    // A redelivery is acknowledged even if a re-plan has since moved the bin to another route.
    let result: { status: WriteStatus; report: StoredStopReport };
    const existing = await store.stopReports.getStopReport(villageId, date, body.reportId);
    if (existing) result = { status: 'duplicate', report: existing };
    else {
      await assertOnRoute(date, body.vehicleId, body.binId);
      result = await store.stopReports.recordStopReport(villageId, date, body, zonedFromMs(nowMs));
    }
    const stored = result.report;
    const response = {
      duplicate: result.status === 'duplicate',
      report: {
        reportId: stored.reportId,
        vehicleId: stored.vehicleId,
        binId: stored.binId,
        date: stored.date,
        status: stored.status,
        reason: stored.reason ?? null,
        note: stored.note ?? null,
        reportedAt: zonedFromIso(stored.reportedAt),
        receivedAt: zonedFromIso(stored.receivedAt),
      },
      stop: await stopAfter(date, stored),
    };
    return result.status === 'stored' ? c.json(response, 201) : c.json(response, 200);
  });
}
