import { createRoute } from '@hono/zod-openapi';
import { DomainError, NotFoundError } from '@village/domain';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { assertHouseholdAccess, principalOf } from '../auth/middleware.ts';
import {
  householdPlanPathSchema,
  householdPlanQuerySchema,
  householdPlanResponseSchema,
} from '../schemas/energy-plans.ts';
import { authErrorResponses, commonErrorResponses, notFoundResponse } from '../schemas/error-body.ts';
import { loadRuns } from '../views/energy-view.ts';
import { zonedMidnightMs } from '../zoned-time.ts';

export function registerHouseholdPlanRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId } = deps;

  const route = createRoute({
    ...guard(accessPolicy.getHouseholdPlan),
    tags: ['energy'],
    summary: "A household's energy plan: when each flexible load runs, expected cost and savings",
    request: { params: householdPlanPathSchema, query: householdPlanQuerySchema },
    responses: {
      200: {
        description: "The household's part of the plan",
        content: { 'application/json': { schema: householdPlanResponseSchema } },
      },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(route, async (c) => {
    const { householdId } = c.req.valid('param');
    const { date, monthKwh } = c.req.valid('query');
    // Before any lookup, so a household cannot probe which ids exist.
    assertHouseholdAccess(principalOf(c), householdId);
    const household = await store.registry.getHousehold(villageId, householdId);
    if (!household) throw new NotFoundError('Household', householdId);

    const found = await store.plans.getHouseholdPlan(
      villageId,
      date === undefined ? { by: 'latest' } : { by: 'date', date },
      householdId,
    );
    if (!found) {
      throw new DomainError(
        'NOT_FOUND',
        date ? `No energy plan for ${date}` : 'No energy plan has been made yet',
      );
    }
    const { plan, household: part } = found;
    if (!part) {
      throw new DomainError(
        'NOT_FOUND',
        `Household "${householdId}" has nothing to schedule in plan ${plan.planId}`,
      );
    }
    const billEstimate =
      monthKwh !== undefined && deps.planner?.estimateBill
        ? await deps.planner.estimateBill({ villageId, householdId, monthKwh })
        : null;
    // Slot 0 is the plan horizon's start: the plan date's midnight, or later (e.g. noon to noon).
    const dayStartMs = zonedMidnightMs(plan.date) + (plan.startMinuteOfDay ?? 0) * 60_000;
    return c.json(
      {
        householdId,
        planId: plan.planId,
        date: plan.date,
        slotMinutes: plan.slotMinutes,
        expectedCostVnd: part.expectedCostVnd,
        unmanagedCostVnd: part.unmanagedCostVnd,
        savingsVnd: part.unmanagedCostVnd - part.expectedCostVnd,
        loads: part.loads.map((load) => ({
          loadId: load.loadId,
          kw: load.kw,
          runs: loadRuns(load.kw, dayStartMs, plan.slotMinutes),
        })),
        billEstimate,
      },
      200,
    );
  });
}
