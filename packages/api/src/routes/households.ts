import { createRoute } from '@hono/zod-openapi';
import { NotFoundError } from '@village/domain';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { assertHouseholdAccess, principalOf } from '../auth/middleware.ts';
import { authErrorResponses, commonErrorResponses, notFoundResponse } from '../schemas/error-body.ts';
import { householdPathSchema, usageQuerySchema, usageResponseSchema } from '../schemas/usage.ts';
import { alignedBuckets } from '../usage/bucket-boundaries.ts';
import { bucketUsage } from '../usage/bucket-usage.ts';
import { API_TIME_ZONE, zonedFromMs } from '../zoned-time.ts';

/**
 * Readings further than this from a bucket edge are not used to estimate the register there. It is
 * also how far beyond the requested range we read, since the store cannot ask "last reading before".
 */
export const MAX_BRACKET_MS = 6 * 3_600_000;

/** Watt-hour resolution: finer than any register, and free of float noise like 0.30000000000000004. */
const roundKwh = (kwh: number) => Math.round(kwh * 1000) / 1000;

export function registerHouseholdRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId } = deps;

  const usage = createRoute({
    ...guard(accessPolicy.getHouseholdUsage),
    tags: ['energy'],
    summary: 'Energy used per village-local hour or day, from the household meter’s cumulative register',
    request: { params: householdPathSchema, query: usageQuerySchema },
    responses: {
      200: { description: 'Usage buckets', content: { 'application/json': { schema: usageResponseSchema } } },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(usage, async (c) => {
    const { householdId } = c.req.valid('param');
    const { from, to, interval } = c.req.valid('query');
    assertHouseholdAccess(principalOf(c), householdId);
    const household = await store.registry.getHousehold(villageId, householdId);
    if (!household) throw new NotFoundError('Household', householdId);

    const buckets = alignedBuckets(Date.parse(from), Date.parse(to), interval, API_TIME_ZONE);
    const startMs = buckets[0]?.startMs ?? Date.parse(from);
    const endMs = buckets.at(-1)?.endMs ?? Date.parse(to);
    const readings = await store.readings.listMeterReadings(household.meterId, {
      fromMs: startMs - MAX_BRACKET_MS,
      toMs: endMs + MAX_BRACKET_MS + 1,
    });
    const used = bucketUsage(
      readings.map((r) => ({ atMs: Date.parse(r.measuredAt), kwhTotal: r.kwhTotal })),
      buckets,
      { maxBracketMs: MAX_BRACKET_MS },
    );
    const known = used.flatMap((b) => (b.kwh === null ? [] : [b.kwh]));
    return c.json(
      {
        householdId,
        meterId: household.meterId,
        interval,
        timeZone: API_TIME_ZONE,
        from: zonedFromMs(startMs),
        to: zonedFromMs(endMs),
        buckets: used.map((b) => ({
          start: zonedFromMs(b.startMs),
          end: zonedFromMs(b.endMs),
          kwh: b.kwh === null ? null : roundKwh(b.kwh),
        })),
        totalKwh: roundKwh(known.reduce((sum, kwh) => sum + kwh, 0)),
        missingBuckets: used.length - known.length,
      },
      200,
    );
  });
}
