import { createRoute } from '@hono/zod-openapi';
import { NotFoundError } from '@village/domain';
import type { BinLatest, BinState, StoredBinReading } from '@village/store';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import {
  type BinReading,
  type BinSummary,
  binDetailResponseSchema,
  binHistoryQuerySchema,
  binListQuerySchema,
  binListResponseSchema,
  binPathSchema,
} from '../schemas/bins.ts';
import { authErrorResponses, commonErrorResponses, notFoundResponse } from '../schemas/error-body.ts';
import { zonedFromIso, zonedFromMs } from '../zoned-time.ts';

const HOUR_MS = 3_600_000;

function toBinReading(reading: BinLatest | StoredBinReading): BinReading {
  return {
    measuredAt: zonedFromIso(reading.measuredAt),
    fillPercent: reading.fillPercent,
    ...(reading.temperatureC !== undefined ? { temperatureC: reading.temperatureC } : {}),
    ...(reading.batteryPercent !== undefined ? { batteryPercent: reading.batteryPercent } : {}),
  };
}

function toBinSummary({ latest, ...bin }: BinState): BinSummary {
  return {
    ...bin,
    fillPercent: latest?.fillPercent ?? null,
    measuredAt: latest ? zonedFromIso(latest.measuredAt) : null,
  };
}

export function registerBinRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId, clock } = deps;

  const listBins = createRoute({
    ...guard(accessPolicy.listBins),
    tags: ['waste'],
    summary: 'All bins of the village with their latest fill level',
    request: { query: binListQuerySchema },
    responses: {
      200: { description: 'Bins', content: { 'application/json': { schema: binListResponseSchema } } },
      ...commonErrorResponses,
      ...authErrorResponses,
    },
  });
  app.openapi(listBins, async (c) => {
    const { hamletId, minFillPercent } = c.req.valid('query');
    const bins = (await store.registry.listBins(villageId))
      .filter((bin) => hamletId === undefined || bin.hamletId === hamletId)
      // A bin that never reported has no known fill, so it cannot meet a minimum.
      .filter((bin) => minFillPercent === undefined || (bin.latest?.fillPercent ?? -1) >= minFillPercent)
      .map(toBinSummary);
    return c.json({ villageId, bins }, 200);
  });

  const getBin = createRoute({
    ...guard(accessPolicy.getBin),
    tags: ['waste'],
    summary: 'One bin, its latest state and its recent fill history',
    request: { params: binPathSchema, query: binHistoryQuerySchema },
    responses: {
      200: { description: 'The bin', content: { 'application/json': { schema: binDetailResponseSchema } } },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...notFoundResponse,
    },
  });
  app.openapi(getBin, async (c) => {
    const { binId } = c.req.valid('param');
    const { hours } = c.req.valid('query');
    // Scoped to this village first: readings are keyed by device only.
    const state = await store.registry.getBin(villageId, binId);
    if (!state) throw new NotFoundError('Bin', binId);
    const toMs = clock.nowMs();
    const fromMs = toMs - hours * HOUR_MS;
    // The store's range is half-open; +1 ms keeps a reading taken exactly "now".
    const readings = await store.readings.listBinReadings(binId, { fromMs, toMs: toMs + 1 });
    const { latest, ...bin } = state;
    return c.json(
      {
        bin,
        latest: latest ? toBinReading(latest) : null,
        history: {
          hours,
          from: zonedFromMs(fromMs),
          to: zonedFromMs(toMs),
          readings: readings.map(toBinReading),
        },
      },
      200,
    );
  });
}
