import { z } from '@hono/zod-openapi';
import type { ErrorCode } from '@village/domain';

const errorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'INFEASIBLE',
  'INTERNAL',
  'UNAVAILABLE',
] as const satisfies readonly ApiErrorCode[];

/** The domain's codes plus `UNAVAILABLE` (503): this deployment lacks a dependency, e.g. the planner. */
export type ApiErrorCode = ErrorCode | 'UNAVAILABLE';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.array(
        z.object({
          field: z.string().meta({ example: 'query.from' }),
          message: z.string(),
        }),
      ),
      /** Quote it when reporting a problem: it finds the server-side log entry. */
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** The error responses every route may produce; protected routes add 401/403. */
export const commonErrorResponses = {
  400: errorResponse(
    'A path, query, header or body field is invalid (`VALIDATION_FAILED`, details name the fields)',
  ),
  500: errorResponse('Unexpected failure (`INTERNAL`); the body carries only a request id'),
} as const;

export const authErrorResponses = {
  401: errorResponse('Missing, malformed, invalid or expired bearer token (`UNAUTHENTICATED`)'),
  403: errorResponse('The caller’s role or household may not use this resource (`FORBIDDEN`)'),
} as const;

export const notFoundResponse = { 404: errorResponse('The resource does not exist (`NOT_FOUND`)') } as const;

export const conflictResponse = {
  409: errorResponse('The resource changed or is in another state than the request assumes (`CONFLICT`)'),
} as const;

export const plannerErrorResponses = {
  422: errorResponse('No feasible plan for these inputs (`INFEASIBLE`)'),
  503: errorResponse('This deployment runs without a planner (`UNAVAILABLE`)'),
} as const;
