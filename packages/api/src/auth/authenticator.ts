import { DomainError, type FieldIssue, householdIdSchema, issuesFromZod } from '@village/domain';
import * as z from 'zod';

export const roleSchema = z.enum(['operator', 'crew', 'household']);
export type Role = z.infer<typeof roleSchema>;

/** Who is calling. A household principal always names its household; other roles never do. */
export interface Principal {
  subject: string;
  role: Role;
  householdId?: string;
}

/** What an authenticator may look at besides the `Authorization` header. */
export interface AuthRequestInfo {
  request: Request;
  /**
   * The runtime's bindings as Hono passes them: for `hono/aws-lambda` `{ event, requestContext,
   * lambdaContext }`, for `@hono/node-server` `{ incoming, outgoing }`.
   */
  env: unknown;
}

/** Turns a request's credentials into a principal, or throws `DomainError('UNAUTHENTICATED')`. */
export interface Authenticator {
  authenticate(authorizationHeader: string | undefined, request: AuthRequestInfo): Promise<Principal>;
}

export function unauthenticated(message: string, details: FieldIssue[] = []): DomainError {
  return new DomainError('UNAUTHENTICATED', message, details);
}

/** Most privileged first: a user in several Cognito groups acts with the strongest role. */
const ROLE_PRECEDENCE: readonly Role[] = ['operator', 'crew', 'household'];

/**
 * Group claims arrive as an array from Cognito itself, but API Gateway's JWT authorizer flattens
 * arrays into one string such as `[operator crew]`; accept both.
 */
const groupsSchema = z.union([z.array(z.string()), z.string()]).transform((groups) =>
  Array.isArray(groups)
    ? groups
    : groups
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean),
);

const claimsSchema = z
  .object({
    sub: z.string().min(1),
    role: roleSchema.optional(),
    'cognito:groups': groupsSchema.optional(),
    householdId: householdIdSchema.optional(),
    'custom:householdId': householdIdSchema.optional(),
  })
  .transform((claims, ctx) => {
    const groups = claims['cognito:groups'] ?? [];
    const role = claims.role ?? ROLE_PRECEDENCE.find((r) => groups.includes(r));
    if (!role) {
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: 'no role claim or known cognito:groups entry',
      });
      return z.NEVER;
    }
    if (role !== 'household') return { subject: claims.sub, role } satisfies Principal;
    const householdId = claims.householdId ?? claims['custom:householdId'];
    if (!householdId) {
      ctx.addIssue({
        code: 'custom',
        path: ['householdId'],
        message: 'a household principal needs householdId',
      });
      return z.NEVER;
    }
    return { subject: claims.sub, role, householdId } satisfies Principal;
  });

/**
 * Maps verified token claims to a principal. Shared by every authenticator so that local demo tokens
 * and Cognito tokens mean the same thing: role from `role` or `cognito:groups`, household from
 * `householdId` or the Cognito custom attribute `custom:householdId`. That attribute must be
 * read-only for app clients in the user pool, or a resident could point it at a neighbour's household.
 */
export function principalFromClaims(claims: unknown): Principal {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success)
    throw unauthenticated('Token claims are invalid', issuesFromZod(parsed.error.issues, 'token'));
  return parsed.data;
}
