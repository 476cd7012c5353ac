import { createRoute } from '@hono/zod-openapi';
import { DomainError, ValidationError } from '@village/domain';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { principalOf } from '../auth/middleware.ts';
import { acceptEnergyPlan, requirePlanner } from '../planner-output.ts';
import { energyPlanSummarySchema, planEnergyBodySchema } from '../schemas/energy-plans.ts';
import {
  authErrorResponses,
  commonErrorResponses,
  notFoundResponse,
  plannerErrorResponses,
} from '../schemas/error-body.ts';
import { planDatePathSchema, planIdQuerySchema } from '../schemas/waste-plans.ts';
import { toEnergySummaryView } from '../views/energy-view.ts';
import { addDays, zonedDateOf } from '../zoned-time.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });

export function registerEnergyPlanRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId, clock } = deps;

  const plan = createRoute({
    ...guard(accessPolicy.planEnergy),
    tags: ['plans'],
    summary: "Make the village's energy plan for a date (default tomorrow); it becomes that date's latest",
    request: { body: { content: json(planEnergyBodySchema), required: false } },
    responses: {
      201: { description: 'Summary of the stored plan', content: json(energyPlanSummarySchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...plannerErrorResponses,
    },
  });
  app.openapi(plan, async (c) => {
    const planner = requirePlanner(deps.planner);
    const body = c.req.valid('json');
    const principal = principalOf(c);
    const today = zonedDateOf(clock.nowMs());
    const date = body.date ?? addDays(today, 1);
    if (date < today) {
      throw new ValidationError('Request validation failed', [
        { field: 'body.date', message: `must be today (${today}) or later` },
      ]);
    }
    const made = await planner.planEnergy({
      villageId,
      date,
      requestedBy: { subject: principal.subject, role: principal.role },
    });
    const accepted = acceptEnergyPlan(made, { villageId, date });
    const ref = await store.plans.putEnergyPlan(accepted);
    const summary = await store.plans.getEnergyPlanSummary(villageId, { by: 'id', planId: ref.planId });
    if (!summary) throw new Error(`energy plan ${ref.planId} not readable after storing it`);
    return c.json(toEnergySummaryView(summary), 201);
  });

  const latest = createRoute({
    ...guard(accessPolicy.getLatestEnergyPlan),
    tags: ['plans'],
    summary: 'Summary of the latest energy plan: village peak against the transformer limit, costs',
    responses: {
      200: { description: 'The plan summary', content: json(energyPlanSummarySchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(latest, async (c) => {
    const found = await store.plans.getEnergyPlanSummary(villageId, { by: 'latest' });
    if (!found) throw new DomainError('NOT_FOUND', 'No energy plan has been made yet');
    return c.json(toEnergySummaryView(found), 200);
  });

  const byDate = createRoute({
    ...guard(accessPolicy.getEnergyPlan),
    tags: ['plans'],
    summary: 'Summary of the energy plan of a date (its latest, or one by `planId`)',
    request: { params: planDatePathSchema, query: planIdQuerySchema },
    responses: {
      200: { description: 'The plan summary', content: json(energyPlanSummarySchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(byDate, async (c) => {
    const { date } = c.req.valid('param');
    const { planId } = c.req.valid('query');
    const found = await store.plans.getEnergyPlanSummary(
      villageId,
      planId === undefined ? { by: 'date', date } : { by: 'id', planId },
    );
    if (!found || found.date !== date) {
      throw new DomainError(
        'NOT_FOUND',
        planId ? `No energy plan "${planId}" for ${date}` : `No energy plan for ${date}`,
      );
    }
    return c.json(toEnergySummaryView(found), 200);
  });
}
