import { createRoute, z } from '@hono/zod-openapi';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { BEARER_SECURITY_SCHEME } from '../auth/middleware.ts';
import { commonErrorResponses } from '../schemas/error-body.ts';

const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Bạch Đằng smart village API',
    version: '0.1.0',
    description:
      'Bins, meters and household energy use of the Bạch Đằng smart-village pilot. ' +
      'Times are ISO-8601 in village time (+07:00). Errors are `{ error: { code, message, details, requestId } }`.',
  },
};

/** Registered last, so the document it serves contains every other route. */
export function registerOpenApiRoutes({ app, guard }: RouteContext): void {
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  const route = createRoute({
    ...guard(accessPolicy.openApi),
    tags: ['system'],
    summary: 'This OpenAPI 3.1 document',
    responses: {
      200: {
        description: 'OpenAPI document',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
      500: commonErrorResponses[500],
    },
  });
  // Built on first request and kept: routes do not change after createApp returns.
  let document: Record<string, unknown> | undefined;
  app.openapi(route, (c) => {
    document ??= app.getOpenAPI31Document(DOCUMENT_CONFIG) as unknown as Record<string, unknown>;
    return c.json(document, 200);
  });
}
