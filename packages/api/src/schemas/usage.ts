import { z } from '@hono/zod-openapi';
import { householdIdSchema } from '@village/domain';
import { checkTimeRange, timeRangeShape, zonedTimeSchema } from './common.ts';

export const householdPathSchema = z.object({
  householdId: householdIdSchema.meta({ param: { name: 'householdId', in: 'path' }, example: 'hh-001' }),
});

export const usageQuerySchema = z
  .object({
    ...timeRangeShape,
    interval: z
      .enum(['hour', 'day'])
      .default('hour')
      .meta({ description: 'Bucket size, aligned to village-local hours or days' }),
  })
  .superRefine(checkTimeRange);

export const usageBucketSchema = z
  .object({
    start: zonedTimeSchema,
    end: zonedTimeSchema,
    kwh: z.number().nullable().meta({ description: 'null when the meter has no readings around an edge' }),
  })
  .meta({ id: 'UsageBucket' });

export const usageResponseSchema = z
  .object({
    householdId: z.string(),
    meterId: z.string(),
    interval: z.enum(['hour', 'day']),
    timeZone: z.string(),
    from: zonedTimeSchema.meta({ description: '`from` rounded down to a bucket boundary' }),
    to: zonedTimeSchema.meta({ description: '`to` rounded up to a bucket boundary' }),
    buckets: z.array(usageBucketSchema),
    totalKwh: z.number().meta({ description: 'Sum over the buckets with a known value' }),
    missingBuckets: z.number().int().meta({ description: 'Buckets whose kwh is null' }),
  })
  .meta({ id: 'HouseholdUsage' });
