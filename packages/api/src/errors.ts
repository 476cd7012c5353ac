import type { Hook } from '@hono/zod-openapi';
import {
  DomainError,
  type ErrorCode,
  type FieldIssue,
  issuesFromZod,
  ValidationError,
} from '@village/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { App, AppEnv } from './app-env.ts';
import type { Logger } from './logger.ts';
import type { ApiErrorCode, ErrorBody } from './schemas/error-body.ts';
import { UnavailableError } from './unavailable-error.ts';

const STATUS_OF_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INFEASIBLE: 422,
  INTERNAL: 500,
};

/** Hono's own 4xx exceptions (e.g. malformed JSON, unsupported media type) mapped onto our codes. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/** Which part of the request a zod-openapi validation target is, as clients see it in `details`. */
const FIELD_PREFIX_OF_TARGET: Record<string, string> = {
  query: 'query',
  param: 'path',
  json: 'body',
  form: 'body',
  header: 'header',
  cookie: 'cookie',
};

/** The `defaultHook`: a failed request validation becomes a 400 naming each offending field. */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return;
  const prefix = FIELD_PREFIX_OF_TARGET[result.target] ?? result.target;
  throw new ValidationError('Request validation failed', issuesFromZod(result.error.issues, prefix));
};

function errorJson(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  details: FieldIssue[] = [],
) {
  const body: ErrorBody = { error: { code, message, details, requestId: c.get('requestId') } };
  return c.json(body, status);
}

/**
 * Installs the single place where failures become HTTP responses. Expected failures (domain errors,
 * Hono's 4xx) keep their message; anything else is logged with its stack and answered with a generic
 * 500, because internal messages can leak table names, ARNs or data.
 */
export function installErrorHandling(app: App, logger: Logger): void {
  app.notFound((c) => errorJson(c, 404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));

  app.onError((error, c) => {
    if (error instanceof UnavailableError) return errorJson(c, 503, 'UNAVAILABLE', error.message);
    if (error instanceof DomainError && error.code !== 'INTERNAL') {
      if (error.code === 'UNAUTHENTICATED') c.header('WWW-Authenticate', 'Bearer');
      return errorJson(c, STATUS_OF_CODE[error.code], error.code, error.message, error.details);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = CODE_OF_STATUS[error.status] ?? 'VALIDATION_FAILED';
      return errorJson(c, error.status as ContentfulStatusCode, code, error.message || 'Bad request');
    }
    const requestId = c.get('requestId');
    logger.error('unhandled error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error:
        error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
    });
    return errorJson(c, 500, 'INTERNAL', `Internal error; quote request id ${requestId} when reporting it`);
  });
}
