import { accessPolicy, type Role, type RoutePolicy } from '@village/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakePlanner } from './support/fake-planner.ts';
import { type ApiHarness, startApiHarness } from './support/harness.ts';

/**
 * Every route of the access policy, called by every role and by nobody: a role the policy does not
 * name gets 403, no token gets 401, and a role it names gets past the guard (whatever the handler
 * then answers). Household-scoped routes also refuse another household's resource.
 */

const ROLES: readonly Role[] = ['operator', 'crew', 'household'];

/** Path parameters: the household principal's own household and meter, so scope does not interfere. */
const SAMPLE: Record<string, string> = {
  date: '2026-11-29',
  vehicleId: 'truck-1',
  householdId: 'hh-001',
  meterId: 'mtr-hh-001',
  binId: 'bin-market-1',
};
const OTHER_HOUSEHOLD: Record<string, string> = { householdId: 'hh-002', meterId: 'mtr-hh-002' };

/** A valid range for the routes that need one (others ignore unknown query parameters). */
const RANGE = `from=${encodeURIComponent('2026-11-28T00:00:00+07:00')}&to=${encodeURIComponent('2026-11-29T00:00:00+07:00')}`;

const fill = (path: string, values: Record<string, string>) =>
  `${path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? SAMPLE[name] ?? 'x')}?${RANGE}`;

const entries = Object.entries(accessPolicy) as Array<[string, RoutePolicy]>;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.close();
});

async function call(policy: RoutePolicy, token: string | undefined, values: Record<string, string> = {}) {
  const app = api.appWith({ planner: fakePlanner() });
  const body = policy.method === 'get' ? {} : { body: {} };
  const response = await api.send(policy.method.toUpperCase(), fill(policy.path, values), {
    app,
    ...(token ? { token } : {}),
    ...body,
  });
  return response.status;
}

describe('authorization matrix (from accessPolicy)', () => {
  it.each(entries)('%s', async (_name, policy) => {
    const { access } = policy;
    if (access.kind === 'public') {
      expect(await call(policy, undefined)).toBe(200);
      return;
    }
    expect(await call(policy, undefined), 'no token').toBe(401);
    for (const role of ROLES) {
      const status = await call(policy, api.tokens[role]);
      if (access.roles.includes(role)) expect([401, 403], role).not.toContain(status);
      else expect(status, role).toBe(403);
    }
    if (access.householdScope && access.roles.includes('household')) {
      expect(await call(policy, api.tokens.household, OTHER_HOUSEHOLD), 'other household').toBe(403);
    }
  });
});
