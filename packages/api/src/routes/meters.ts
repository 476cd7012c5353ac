import { createRoute } from '@hono/zod-openapi';
import { NotFoundError } from '@village/domain';
import type { StoredMeterReading } from '@village/store';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { assertHouseholdAccess, principalOf } from '../auth/middleware.ts';
import { authErrorResponses, commonErrorResponses, notFoundResponse } from '../schemas/error-body.ts';
import {
  type MeterReading,
  meterPathSchema,
  meterReadingsQuerySchema,
  meterReadingsResponseSchema,
} from '../schemas/meters.ts';
import { zonedFromIso, zonedFromMs } from '../zoned-time.ts';

function toMeterReading(reading: StoredMeterReading): MeterReading {
  return {
    measuredAt: zonedFromIso(reading.measuredAt),
    kwhTotal: reading.kwhTotal,
    ...(reading.kw !== undefined ? { kw: reading.kw } : {}),
    ...(reading.voltageV !== undefined ? { voltageV: reading.voltageV } : {}),
  };
}

export function registerMeterRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId } = deps;

  const listReadings = createRoute({
    ...guard(accessPolicy.listMeterReadings),
    tags: ['energy'],
    summary: 'Raw readings of one meter in a time range (households: their own meter only)',
    request: { params: meterPathSchema, query: meterReadingsQuerySchema },
    responses: {
      200: {
        description: 'Readings, oldest first',
        content: { 'application/json': { schema: meterReadingsResponseSchema } },
      },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(listReadings, async (c) => {
    const { meterId } = c.req.valid('param');
    const { from, to, limit } = c.req.valid('query');
    const meter = await store.registry.getMeter(villageId, meterId);
    // Checked before "not found" so a household cannot probe which meter ids exist.
    assertHouseholdAccess(principalOf(c), meter?.householdId);
    if (!meter) throw new NotFoundError('Meter', meterId);
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    // One extra reading tells whether the limit cut the range short.
    const readings = await store.readings.listMeterReadings(meterId, { fromMs, toMs }, limit + 1);
    return c.json(
      {
        meterId,
        from: zonedFromMs(fromMs),
        to: zonedFromMs(toMs),
        readings: readings.slice(0, limit).map(toMeterReading),
        truncated: readings.length > limit,
      },
      200,
    );
  });
}
