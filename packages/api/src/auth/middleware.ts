import { DomainError } from '@village/domain';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { RoutePolicy } from './access-policy.ts';
import type { Authenticator, Principal, Role } from './authenticator.ts';

export const BEARER_SECURITY_SCHEME = 'bearerAuth';

type AppMiddleware = MiddlewareHandler<AppEnv>;

/** Puts the caller's principal on the context; the authenticator throws 401 when it cannot. */
export function authenticate(authenticator: Authenticator): AppMiddleware {
  return async (c, next) => {
    const principal = await authenticator.authenticate(c.req.header('Authorization'), {
      request: c.req.raw,
      env: c.env,
    });
    c.set('principal', principal);
    await next();
  };
}

/** The authenticated caller. Throws (→ 500) if a route forgot its guard: a bug, not a client error. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('route reads the principal but is not guarded by authenticate()');
  return principal;
}

export function requireRole(...roles: readonly Role[]): AppMiddleware {
  return async (c, next) => {
    const { role } = principalOf(c);
    if (!roles.includes(role)) {
      throw new DomainError('FORBIDDEN', `Role "${role}" may not use ${c.req.method} ${c.req.path}`);
    }
    await next();
  };
}

/** Households see only their own data; operators see every household. */
export function assertHouseholdAccess(principal: Principal, householdId: string | undefined): void {
  if (principal.role === 'household' && principal.householdId !== householdId) {
    throw new DomainError('FORBIDDEN', 'A household may only read its own data');
  }
}

/** What a route definition needs from its policy entry: method, path, guard middleware and security. */
export interface GuardedRoute<P extends RoutePolicy> {
  method: P['method'];
  path: P['path'];
  middleware: AppMiddleware[];
  security: Array<Record<string, string[]>>;
}

export type Guard = <P extends RoutePolicy>(policy: P) => GuardedRoute<P>;

/**
 * Builds route definitions from policy entries. Authentication runs as route middleware, before
 * request validation, so an anonymous caller gets 401 and learns nothing from 400 details, and an
 * unknown path stays a 404 rather than a 401.
 */
export function createGuard(authenticator: Authenticator): Guard {
  const authenticated = authenticate(authenticator);
  return (policy) => {
    const { method, path, access } = policy;
    if (access.kind === 'public') return { method, path, middleware: [], security: [] };
    return {
      method,
      path,
      middleware: [authenticated, requireRole(...access.roles)],
      security: [{ [BEARER_SECURITY_SCHEME]: [] }],
    };
  };
}
