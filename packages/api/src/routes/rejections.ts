import { createRoute } from '@hono/zod-openapi';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { authErrorResponses, commonErrorResponses } from '../schemas/error-body.ts';
import { rejectionsQuerySchema, rejectionsResponseSchema } from '../schemas/rejections.ts';
import { zonedFromIso } from '../zoned-time.ts';

export function registerRejectionRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId } = deps;

  const listRejections = createRoute({
    ...guard(accessPolicy.listRejections),
    tags: ['telemetry'],
    summary: 'Recently rejected telemetry messages of the village, newest first',
    request: { query: rejectionsQuerySchema },
    responses: {
      200: {
        description: 'Rejected messages',
        content: { 'application/json': { schema: rejectionsResponseSchema } },
      },
      ...commonErrorResponses,
      ...authErrorResponses,
    },
  });
  app.openapi(listRejections, async (c) => {
    const { limit } = c.req.valid('query');
    const rejections = await store.rejections.listRejections(villageId, limit);
    return c.json(
      { rejections: rejections.map((r) => ({ ...r, receivedAt: zonedFromIso(r.receivedAt) })) },
      200,
    );
  });
}
