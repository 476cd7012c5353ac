import { createRoute } from '@hono/zod-openapi';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { principalOf } from '../auth/middleware.ts';
import { authErrorResponses, commonErrorResponses } from '../schemas/error-body.ts';
import { principalResponseSchema } from '../schemas/principal.ts';

export function registerMeRoutes({ app, guard }: RouteContext): void {
  const route = createRoute({
    ...guard(accessPolicy.me),
    tags: ['auth'],
    summary: 'The calling principal: role and, for households, the household id',
    responses: {
      200: {
        description: 'The caller',
        content: { 'application/json': { schema: principalResponseSchema } },
      },
      ...authErrorResponses,
      500: commonErrorResponses[500],
    },
  });
  app.openapi(route, (c) => {
    const { subject, role, householdId } = principalOf(c);
    return c.json({ subject, role, householdId: householdId ?? null }, 200);
  });
}
