import { z } from '@hono/zod-openapi';
import { roleSchema } from '../auth/authenticator.ts';

export const principalResponseSchema = z
  .object({
    subject: z.string(),
    role: roleSchema,
    householdId: z.string().nullable().meta({ description: 'Set for the household role only' }),
  })
  .meta({ id: 'Principal' });
