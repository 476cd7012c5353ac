import { z } from '@hono/zod-openapi';
import { meterIdSchema } from '@village/domain';
import { checkTimeRange, queryInt, timeRangeShape, zonedTimeSchema } from './common.ts';

export const MAX_METER_READINGS = 10_000;

export const meterPathSchema = z.object({
  meterId: meterIdSchema.openapi({ param: { name: 'meterId', in: 'path' }, example: 'mtr-hh-001' }),
});

export const meterReadingsQuerySchema = z
  .object({
    ...timeRangeShape,
    limit: queryInt(1, MAX_METER_READINGS)
      .default(5_000)
      .openapi({ description: `Maximum readings returned, oldest first (max ${MAX_METER_READINGS})` }),
  })
  .superRefine(checkTimeRange);

export const meterReadingSchema = z
  .object({
    measuredAt: zonedTimeSchema,
    kwhTotal: z.number().openapi({ description: 'Cumulative import register, kWh' }),
    kw: z.number().optional(),
    voltageV: z.number().optional(),
  })
  .openapi('MeterReading');
export type MeterReading = z.infer<typeof meterReadingSchema>;

export const meterReadingsResponseSchema = z
  .object({
    meterId: z.string(),
    from: zonedTimeSchema,
    to: zonedTimeSchema,
    readings: z.array(meterReadingSchema),
    truncated: z.boolean().openapi({
      description: 'More readings exist after the last one; ask again with `from` just after it',
    }),
  })
  .openapi('MeterReadings');
