import { z } from '@hono/zod-openapi';
import { isoDateTimeSchema } from '@village/domain';

/*
 * OpenAPI metadata goes through zod's own `.meta()`, never `.openapi()`: the latter exists only on
 * schemas created after @hono/zod-openapi patched zod, and the domain's schemas may be created first
 * (it depends on import order), which crashed the app at load time.
 */
const EXAMPLE_TIME = '2026-11-29T05:00:00+07:00';

/** Response timestamps: always rendered in village time by `toZonedIso`. */
export const zonedTimeSchema = isoDateTimeSchema.meta({ example: EXAMPLE_TIME });

/** Same rule as the domain's `isoDateTimeSchema`, with a message that shows API clients an example. */
export const queryTimeSchema = z.iso.datetime({
  offset: true,
  error: `must be an ISO-8601 date-time with an offset, e.g. ${EXAMPLE_TIME}`,
});

export const MAX_RANGE_DAYS = 31;
const MAX_RANGE_MS = MAX_RANGE_DAYS * 86_400_000;

/** `from`/`to` query parameters shared by the time-range endpoints. */
export const timeRangeShape = {
  from: queryTimeSchema.meta({ description: 'Start (inclusive)', example: '2026-11-28T00:00:00+07:00' }),
  to: queryTimeSchema.meta({ description: 'End (exclusive)', example: '2026-11-29T00:00:00+07:00' }),
};

/**
 * Cross-field rules for `from`/`to`, as a `superRefine` body. Zod runs object refinements even when a
 * field already failed, so unparsable values are skipped here (they have their own issue).
 */
export function checkTimeRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const fromMs = Date.parse(range.from);
  const toMs = Date.parse(range.to);
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return;
  if (toMs <= fromMs) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (toMs - fromMs > MAX_RANGE_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `must be at most ${MAX_RANGE_DAYS} days after from`,
    });
  }
}

/** Integer query parameter (query strings are text, hence the coercion). */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
