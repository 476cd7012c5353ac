import { z } from '@hono/zod-openapi';
import { meterIdSchema } from '@village/domain';
import { checkTimeRange, queryInt, timeRangeShape, zonedTimeSchema } from './common.ts';

export const MAX_METER_READINGS = 10_000;

export const meterPathSchema = z.object({
  meterId: meterIdSchema.meta({ param: { name: 'meterId', in: 'path' }, example: 'mtr-hh-001' }),
});

export const meterReadingsQuerySchema = z
  .object({
    ...timeRangeShape,
    limit: queryInt(1, MAX_METER_READINGS)
      .default(5_000)
      .meta({ description: `Maximum readings returned, oldest first (max ${MAX_METER_READINGS})` }),
  })
  .superRefine(checkTimeRange);

export const meterReadingSchema = z
  .object({
    measuredAt: zonedTimeSchema,
    kwhTotal: z.number().meta({ description: 'Cumulative import register, kWh' }),
    kw: z.number().optional(),
    voltageV: z.number().optional(),
  })
  .meta({ id: 'MeterReading' });
export type MeterReading = z.infer<typeof meterReadingSchema>;

export const meterReadingsResponseSchema = z
  .object({
    meterId: z.string(),
    from: zonedTimeSchema,
    to: zonedTimeSchema,
    readings: z.array(meterReadingSchema),
    truncated: z.boolean().meta({
      description: 'More readings exist after the last one; ask again with `from` just after it',
    }),
  })
  .meta({ id: 'MeterReadings' });
