import { z } from '@hono/zod-openapi';
import { binIdSchema, binSchema, hamletIdSchema } from '@village/domain';
import { queryInt, zonedTimeSchema } from './common.ts';

export const MAX_HISTORY_HOURS = 24 * 31;

export const binListQuerySchema = z.object({
  hamletId: hamletIdSchema.optional().meta({ description: 'Only bins of this hamlet' }),
  minFillPercent: z.coerce.number().min(0).max(100).optional().meta({
    // Spelled out because the generator documents an optional coerced number as `number | null`.
    type: 'number',
    minimum: 0,
    maximum: 100,
    description: 'Only bins whose latest fill is at least this; never-reported bins are left out',
  }),
});

export const binPathSchema = z.object({
  binId: binIdSchema.meta({ param: { name: 'binId', in: 'path' }, example: 'bin-001' }),
});

export const binHistoryQuerySchema = z.object({
  hours: queryInt(1, MAX_HISTORY_HOURS)
    .default(24)
    .meta({ description: `History window ending now, in hours (max ${MAX_HISTORY_HOURS})` }),
});

const registeredBinSchema = binSchema.meta({ id: 'Bin' });

export const binSummarySchema = binSchema
  .extend({
    fillPercent: z.number().nullable().meta({ description: 'Latest reported fill; null if never reported' }),
    measuredAt: zonedTimeSchema.nullable(),
  })
  .meta({ id: 'BinSummary' });
export type BinSummary = z.infer<typeof binSummarySchema>;

export const binListResponseSchema = z.object({ villageId: z.string(), bins: z.array(binSummarySchema) });

export const binReadingSchema = z
  .object({
    measuredAt: zonedTimeSchema,
    fillPercent: z.number(),
    temperatureC: z.number().optional(),
    batteryPercent: z.number().optional(),
  })
  .meta({ id: 'BinReading' });
export type BinReading = z.infer<typeof binReadingSchema>;

export const binDetailResponseSchema = z
  .object({
    bin: registeredBinSchema,
    latest: binReadingSchema.nullable(),
    history: z.object({
      hours: z.number().int(),
      from: zonedTimeSchema,
      to: zonedTimeSchema,
      /** Oldest first. */
      readings: z.array(binReadingSchema),
    }),
  })
  .meta({ id: 'BinDetail' });
