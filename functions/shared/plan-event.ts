import { isoDateSchema, issuesFromZod, ValidationError } from '@village/domain';
import * as z from 'zod';

/**
 * What a scheduled or manual plan run may say: the date to plan (default: today for waste, tomorrow
 * for energy, village time). EventBridge Scheduler sends the input configured in the stack; other
 * fields are ignored.
 */
export const planEventSchema = z.looseObject({ date: isoDateSchema.optional() });
export type PlanEvent = z.infer<typeof planEventSchema>;

export function parsePlanEvent(event: unknown): PlanEvent {
  const parsed = planEventSchema.safeParse(event ?? {});
  if (!parsed.success)
    throw new ValidationError('invalid plan event', issuesFromZod(parsed.error.issues, 'event'));
  return parsed.data;
}
