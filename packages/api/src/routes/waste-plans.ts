import { createRoute } from '@hono/zod-openapi';
import { DomainError, ValidationError } from '@village/domain';
import type { PlanLookup } from '@village/store';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { principalOf } from '../auth/middleware.ts';
import { acceptWastePlan, requirePlanner } from '../planner-output.ts';
import type { WasteReplan } from '../planner-port.ts';
import {
  authErrorResponses,
  commonErrorResponses,
  conflictResponse,
  notFoundResponse,
  plannerErrorResponses,
} from '../schemas/error-body.ts';
import {
  crewRouteResponseSchema,
  planDatePathSchema,
  planIdQuerySchema,
  planWasteBodySchema,
  vehicleRoutePathSchema,
  wastePlanViewSchema,
} from '../schemas/waste-plans.ts';
import { toVehicleRouteView, toWastePlanView } from '../views/route-view.ts';
import { zonedDateOf, zonedFromIso } from '../zoned-time.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });

/** `?planId=` picks one plan of the date; without it, the date's latest. */
const lookupOf = (date: string, planId: string | undefined): PlanLookup =>
  planId === undefined ? { by: 'date', date } : { by: 'id', planId };

const noPlan = (date: string, planId?: string) =>
  new DomainError(
    'NOT_FOUND',
    planId ? `No waste plan "${planId}" for ${date}` : `No waste plan for ${date}`,
  );

export function registerWastePlanRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId, clock } = deps;

  const plan = createRoute({
    ...guard(accessPolicy.planWaste),
    tags: ['plans'],
    summary: 'Make (or re-plan) the waste-collection plan of a date; it becomes the latest of that date',
    request: { body: { content: json(planWasteBodySchema), required: false } },
    responses: {
      201: { description: 'The stored plan', content: json(wastePlanViewSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...conflictResponse,
      ...plannerErrorResponses,
    },
  });
  app.openapi(plan, async (c) => {
    const planner = requirePlanner(deps.planner);
    const body = c.req.valid('json');
    const principal = principalOf(c);
    const today = zonedDateOf(clock.nowMs());
    const date = body.date ?? today;
    if (date < today) {
      throw new ValidationError('Request validation failed', [
        { field: 'body.date', message: `must be today (${today}) or later` },
      ]);
    }
    let replan: WasteReplan | undefined;
    if (body.replan) {
      const base = await store.plans.findPlan(villageId, 'waste', { by: 'date', date });
      if (!base) {
        throw new DomainError('CONFLICT', `No waste plan for ${date} to re-plan`, [
          { field: 'body.replan', message: 'the date has no plan yet; plan it first' },
        ]);
      }
      const unavailable = body.replan.unavailableVehicleIds ?? [];
      const known = new Set((await store.registry.listVehicles(villageId)).map((v) => v.id));
      const unknown = unavailable.flatMap((id, i) =>
        known.has(id)
          ? []
          : [{ field: `body.replan.unavailableVehicleIds.${i}`, message: `unknown vehicle "${id}"` }],
      );
      if (unknown.length > 0) throw new ValidationError('Request validation failed', unknown);
      const { keepCommittedStops } = body.replan;
      replan = {
        basePlanId: base.planId,
        unavailableVehicleIds: unavailable,
        ...(keepCommittedStops !== undefined ? { keepCommittedStops } : {}),
      };
    }
    const made = await planner.planWaste({
      villageId,
      date,
      requestedBy: { subject: principal.subject, role: principal.role },
      ...(replan ? { replan } : {}),
    });
    const accepted = acceptWastePlan(made, { villageId, date });
    await store.plans.putWastePlan(accepted);
    // Read back: crew reports already made that day show on the new plan's stops.
    const stored = await store.plans.getWastePlan(villageId, { by: 'id', planId: accepted.planId });
    if (!stored) throw new Error(`waste plan ${accepted.planId} not readable after storing it`);
    return c.json(toWastePlanView(stored), 201);
  });

  const latest = createRoute({
    ...guard(accessPolicy.getLatestWastePlan),
    tags: ['plans'],
    summary: 'The latest waste plan (of the latest planned date), stop statuses from crew reports',
    responses: {
      200: { description: 'The plan', content: json(wastePlanViewSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(latest, async (c) => {
    const found = await store.plans.getWastePlan(villageId, { by: 'latest' });
    if (!found) throw new DomainError('NOT_FOUND', 'No waste plan has been made yet');
    return c.json(toWastePlanView(found), 200);
  });

  const byDate = createRoute({
    ...guard(accessPolicy.getWastePlan),
    tags: ['plans'],
    summary: 'The waste plan of a date (its latest, or one by `planId`), stop statuses from crew reports',
    request: { params: planDatePathSchema, query: planIdQuerySchema },
    responses: {
      200: { description: 'The plan', content: json(wastePlanViewSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(byDate, async (c) => {
    const { date } = c.req.valid('param');
    const { planId } = c.req.valid('query');
    const found = await store.plans.getWastePlan(villageId, lookupOf(date, planId));
    if (!found || found.date !== date) throw noPlan(date, planId);
    return c.json(toWastePlanView(found), 200);
  });

  const vehicleRoute = createRoute({
    ...guard(accessPolicy.getVehicleRoute),
    tags: ['plans'],
    summary: "A vehicle's route for its crew: ordered stops, ETA (village time), expected load, statuses",
    request: { params: vehicleRoutePathSchema, query: planIdQuerySchema },
    responses: {
      200: { description: 'The route', content: json(crewRouteResponseSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(vehicleRoute, async (c) => {
    const { date, vehicleId } = c.req.valid('param');
    const { planId } = c.req.valid('query');
    const found = await store.plans.getVehicleRoute(villageId, lookupOf(date, planId), vehicleId);
    if (!found || found.plan.date !== date) throw noPlan(date, planId);
    if (!found.route) {
      throw new DomainError('NOT_FOUND', `Vehicle "${vehicleId}" has no route in plan ${found.plan.planId}`, [
        { field: 'path.vehicleId', message: 'has no route in this plan' },
      ]);
    }
    return c.json(
      {
        planId: found.plan.planId,
        date: found.plan.date,
        createdAt: zonedFromIso(found.plan.createdAt),
        sequence: found.plan.sequence,
        route: toVehicleRouteView(found.route),
      },
      200,
    );
  });
}
