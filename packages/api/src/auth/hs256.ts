import { type Clock, systemClock } from '@village/domain';
import { Jwt } from 'hono/utils/jwt';
import { JwtTokenSignatureMismatched } from 'hono/utils/jwt/types';
import * as z from 'zod';
import { type Authenticator, type Principal, principalFromClaims, unauthenticated } from './authenticator.ts';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits). */
const MIN_SECRET_LENGTH = 32;

function assertSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`HS256 secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
}

/** RFC 7519 NumericDate: seconds, possibly fractional. `exp` is mandatory here: no eternal tokens. */
const timeClaimsSchema = z.object({ exp: z.number(), nbf: z.number().optional() });

/** Extracts the token from `Bearer <token>`; the scheme name is case-insensitive (RFC 7235). */
export function bearerToken(authorizationHeader: string | undefined): string {
  if (!authorizationHeader) throw unauthenticated('Missing Authorization header with a Bearer token');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader);
  if (!match?.[1]) throw unauthenticated('Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * Verifies HS256 JWTs signed with a shared secret (local runtime and tests). Signature first, then
 * time claims against the injected clock, so expiry is testable and a forged token learns nothing.
 */
export function createHs256Authenticator(secret: string, options: { clock?: Clock } = {}): Authenticator {
  assertSecret(secret);
  const clock = options.clock ?? systemClock;
  return {
    async authenticate(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      let payload: Record<string, unknown>;
      try {
        // Time claims are checked below with our clock; hono would read Date.now().
        payload = await Jwt.verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
      } catch (error) {
        throw unauthenticated(
          error instanceof JwtTokenSignatureMismatched
            ? 'Token signature is invalid'
            : 'Token is malformed or not signed with HS256',
        );
      }
      const times = timeClaimsSchema.safeParse(payload);
      if (!times.success) throw unauthenticated('Token must carry a numeric exp claim');
      const nowSeconds = Math.floor(clock.nowMs() / 1000);
      if (times.data.exp <= nowSeconds) throw unauthenticated('Token has expired');
      if (times.data.nbf !== undefined && times.data.nbf > nowSeconds) {
        throw unauthenticated('Token is not valid yet');
      }
      return principalFromClaims(payload);
    },
  };
}

/** Issues a token for the local runtime and tests: claims `sub`, `role`, `householdId`, `iat`, `exp`. */
export async function signDemoToken(
  secret: string,
  principal: Principal,
  ttlSeconds: number,
  clock: Clock = systemClock,
): Promise<string> {
  assertSecret(secret);
  const iat = Math.floor(clock.nowMs() / 1000);
  return Jwt.sign(
    {
      sub: principal.subject,
      role: principal.role,
      ...(principal.householdId !== undefined ? { householdId: principal.householdId } : {}),
      iat,
      exp: iat + ttlSeconds,
    },
    secret,
    'HS256',
  );
}
