import { z } from '@hono/zod-openapi';
import { deviceKindSchema } from '@village/domain';
import { queryInt, zonedTimeSchema } from './common.ts';

export const MAX_REJECTIONS = 500;

export const rejectionsQuerySchema = z.object({
  limit: queryInt(1, MAX_REJECTIONS)
    .default(50)
    .meta({ description: `Newest first, at most ${MAX_REJECTIONS}` }),
});

export const rejectionSchema = z
  .object({
    id: z.string(),
    villageId: z.string().nullable(),
    deviceKind: deviceKindSchema.nullable(),
    deviceId: z.string().nullable(),
    topic: z.string(),
    payload: z.string().meta({ description: 'The message exactly as published' }),
    reason: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })),
    receivedAt: zonedTimeSchema,
  })
  .meta({ id: 'RejectedMessage' });

export const rejectionsResponseSchema = z.object({ rejections: z.array(rejectionSchema) });
