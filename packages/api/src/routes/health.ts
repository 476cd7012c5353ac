import { createRoute, z } from '@hono/zod-openapi';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { zonedTimeSchema } from '../schemas/common.ts';
import { commonErrorResponses } from '../schemas/error-body.ts';
import { zonedFromMs } from '../zoned-time.ts';

const healthResponseSchema = z
  .object({ status: z.literal('ok'), time: zonedTimeSchema })
  .meta({ id: 'Health' });

export function registerHealthRoutes({ app, deps, guard }: RouteContext): void {
  const route = createRoute({
    ...guard(accessPolicy.health),
    tags: ['system'],
    summary: 'Liveness check (no authentication, touches no store)',
    responses: {
      200: {
        description: 'The API is up',
        content: { 'application/json': { schema: healthResponseSchema } },
      },
      500: commonErrorResponses[500],
    },
  });
  app.openapi(route, (c) => c.json({ status: 'ok' as const, time: zonedFromMs(deps.clock.nowMs()) }, 200));
}
