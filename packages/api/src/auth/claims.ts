import {
  type Authenticator,
  type AuthRequestInfo,
  principalFromClaims,
  unauthenticated,
} from './authenticator.ts';

/** Returns the claims some trusted layer already verified, or undefined when there are none. */
export type ClaimsSource = (request: AuthRequestInfo) => unknown;

/**
 * For deployments where the token is verified before the request reaches us (API Gateway's JWT
 * authorizer against Cognito): only maps the verified claims to a principal. Never use it on an
 * endpoint that is reachable without that authorizer, since it trusts whatever `getClaims` returns.
 */
export function createClaimsAuthenticator(getClaims: ClaimsSource): Authenticator {
  return {
    async authenticate(_authorizationHeader, request) {
      const claims = getClaims(request);
      if (claims === undefined || claims === null)
        throw unauthenticated('Request carries no verified claims');
      return principalFromClaims(claims);
    },
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Claims of an API Gateway HTTP API JWT authorizer, as `hono/aws-lambda` exposes them:
 * `env.requestContext.authorizer.jwt.claims`.
 */
export const apiGatewayJwtClaims: ClaimsSource = ({ env }) =>
  field(field(field(field(env, 'requestContext'), 'authorizer'), 'jwt'), 'claims');
