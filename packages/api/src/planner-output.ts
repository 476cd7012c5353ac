import {
  type EnergyPlan,
  energyPlanSchema,
  issuesFromZod,
  type WastePlan,
  wastePlanSchema,
} from '@village/domain';
import type { z } from 'zod';
import type { PlannerPort } from './planner-port.ts';
import { UnavailableError } from './unavailable-error.ts';

export function requirePlanner(planner: PlannerPort | undefined): PlannerPort {
  if (!planner)
    throw new UnavailableError('Planning is not available: this deployment runs without a planner');
  return planner;
}

interface Expected {
  villageId: string;
  date: string;
}

/**
 * Checks what the planner returned before it is stored: the shape, and that it is the plan that was
 * asked for. A mismatch is the planner's bug, not the caller's, hence a plain error (→ logged 500).
 */
function accept<T extends Expected>(
  kind: string,
  schema: z.ZodType<T>,
  plan: unknown,
  expected: Expected,
): T {
  const parsed = schema.safeParse(plan);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error.issues).slice(0, 5);
    throw new Error(`planner returned an invalid ${kind} plan: ${JSON.stringify(issues)}`);
  }
  const { villageId, date } = parsed.data;
  if (villageId !== expected.villageId || date !== expected.date) {
    throw new Error(
      `planner returned a ${kind} plan for ${villageId} ${date}, asked for ${expected.villageId} ${expected.date}`,
    );
  }
  return parsed.data;
}

export const acceptWastePlan = (plan: unknown, expected: Expected): WastePlan =>
  accept('waste', wastePlanSchema, plan, expected);

export const acceptEnergyPlan = (plan: unknown, expected: Expected): EnergyPlan =>
  accept('energy', energyPlanSchema, plan, expected);
