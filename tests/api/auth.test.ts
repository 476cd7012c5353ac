import { apiGatewayJwtClaims, createApp, createClaimsAuthenticator, signDemoToken } from '@village/api';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { Jwt } from 'hono/utils/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VILLAGE_ID } from './support/fixture.ts';
import { type ApiHarness, fixedClock, json, NOW_MS, SECRET, startApiHarness } from './support/harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.close();
});

const nowSeconds = Math.floor(NOW_MS / 1000);

async function expectUnauthenticated(response: Response, messagePart: string) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  const body = await json(response);
  expect(body.error.code).toBe('UNAUTHENTICATED');
  expect(body.error.message).toContain(messagePart);
  return body;
}

describe('authentication (HS256 bearer tokens)', () => {
  it('401 without a token', async () => {
    await expectUnauthenticated(await api.get('/api/bins'), 'Missing Authorization');
  });

  it('401 for a non-Bearer scheme', async () => {
    const response = await api.app.request('/api/bins', { headers: { Authorization: 'Basic b3A6cGFzcw==' } });
    await expectUnauthenticated(response, 'Bearer <token>');
  });

  it('401 for a token signed with another secret', async () => {
    const forged = await signDemoToken(
      'another-secret-0123456789abcdef-xyz',
      { subject: 'x', role: 'operator' },
      3600,
      fixedClock,
    );
    await expectUnauthenticated(await api.get('/api/bins', forged), 'signature is invalid');
  });

  it('401 for a token that is not a JWT', async () => {
    await expectUnauthenticated(await api.get('/api/bins', 'not.a.jwt'), 'malformed');
  });

  it('401 for an unsigned token (alg "none")', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', role: 'operator', exp: nowSeconds + 60 })}.`;
    await expectUnauthenticated(await api.get('/api/bins', unsigned), 'malformed');
  });

  it('401 for an expired token', async () => {
    const issuedLongAgo = { nowMs: () => NOW_MS - 2 * 3_600_000 };
    const expired = await signDemoToken(SECRET, { subject: 'op', role: 'operator' }, 3600, issuedLongAgo);
    await expectUnauthenticated(await api.get('/api/bins', expired), 'expired');
  });

  it('401 for a token without exp', async () => {
    const noExp = await Jwt.sign({ sub: 'op', role: 'operator' }, SECRET, 'HS256');
    await expectUnauthenticated(await api.get('/api/bins', noExp), 'exp');
  });

  it('401 naming the claim when a household token carries no householdId', async () => {
    const token = await Jwt.sign({ sub: 'r', role: 'household', exp: nowSeconds + 60 }, SECRET, 'HS256');
    const body = await expectUnauthenticated(await api.get('/api/me', token), 'claims');
    expect(body.error.details.map((d) => d.field)).toEqual(['token.householdId']);
  });

  it('401 before validation: an anonymous caller learns nothing from a bad query', async () => {
    await expectUnauthenticated(await api.get('/api/households/hh-001/usage?from=nonsense'), 'Missing');
  });

  it('GET /api/me returns the principal of a valid token', async () => {
    const household = await api.get('/api/me', api.tokens.household);
    expect(household.status).toBe(200);
    expect(await household.json()).toEqual({
      subject: 'resident-1',
      role: 'household',
      householdId: 'hh-001',
    });
    const operator = await json<{ role: string; householdId: unknown }>(
      await api.get('/api/me', api.tokens.operator),
    );
    expect(operator).toMatchObject({ role: 'operator', householdId: null });
  });
});

describe('authorization', () => {
  it('403 FORBIDDEN for a role the route does not admit', async () => {
    const response = await api.get('/api/bins', api.tokens.household);
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe('FORBIDDEN');
  });

  it("403 for a household reading another household's usage", async () => {
    const response = await api.get(
      '/api/households/hh-002/usage?from=2026-11-28T00:00:00%2B07:00&to=2026-11-29T00:00:00%2B07:00',
      api.tokens.household,
    );
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe('FORBIDDEN');
  });

  it("403 for a household reading another household's meter, or a meter that does not exist", async () => {
    const range = 'from=2026-11-28T00:00:00%2B07:00&to=2026-11-29T00:00:00%2B07:00';
    for (const meterId of ['mtr-hh-002', 'mtr-tx-1', 'mtr-missing']) {
      const response = await api.get(`/api/meters/${meterId}/readings?${range}`, api.tokens.household);
      expect(response.status, meterId).toBe(403);
      expect((await json(response)).error.code).toBe('FORBIDDEN');
    }
  });

  it('lets a household read its own meter and usage, and an operator read anyone’s', async () => {
    const range = 'from=2026-11-28T00:00:00%2B07:00&to=2026-11-29T00:00:00%2B07:00';
    expect((await api.get(`/api/meters/mtr-hh-001/readings?${range}`, api.tokens.household)).status).toBe(
      200,
    );
    expect((await api.get(`/api/households/hh-001/usage?${range}`, api.tokens.household)).status).toBe(200);
    expect((await api.get(`/api/meters/mtr-hh-002/readings?${range}`, api.tokens.operator)).status).toBe(200);
    expect((await api.get(`/api/households/hh-002/usage?${range}`, api.tokens.operator)).status).toBe(200);
  });
});

describe('claims authenticator behind API Gateway (through hono/aws-lambda)', () => {
  /** An HTTP API (payload v2) event as API Gateway sends it after its JWT authorizer accepted a token. */
  function event(claims: Record<string, string> | undefined): LambdaEvent {
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/me',
      rawQueryString: '',
      headers: { host: 'api.example.test' },
      body: null,
      isBase64Encoded: false,
      requestContext: {
        accountId: '123456789012',
        apiId: 'api',
        authentication: null,
        authorizer: claims ? { jwt: { claims, scopes: [] } } : {},
        domainName: 'api.example.test',
        domainPrefix: 'api',
        http: {
          method: 'GET',
          path: '/api/me',
          protocol: 'HTTP/1.1',
          sourceIp: '203.0.113.1',
          userAgent: 'test',
        },
        requestId: 'req-1',
        routeKey: '$default',
        stage: '$default',
        time: '29/Nov/2026:05:00:00 +0000',
        timeEpoch: NOW_MS,
      },
    };
  }

  // The app never reads the Lambda context; a stub stands in for the runtime's object.
  const lambdaContext = { awsRequestId: 'lambda-req-1' } as LambdaContext;
  const lambda = () =>
    handle(
      createApp({
        store: api.store,
        auth: createClaimsAuthenticator(apiGatewayJwtClaims),
        clock: fixedClock,
        villageId: VILLAGE_ID,
        logger: { error: () => {} },
      }),
    );

  async function me(claims: Record<string, string>) {
    const result = await lambda()(event(claims), lambdaContext);
    return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') as Record<string, unknown> };
  }

  it('maps Cognito groups (flattened to "[a b]" by API Gateway) to the strongest role', async () => {
    expect(await me({ sub: 'u-1', 'cognito:groups': '[crew operator]' })).toEqual({
      status: 200,
      body: { subject: 'u-1', role: 'operator', householdId: null },
    });
  });

  it('maps a household user with the custom:householdId attribute', async () => {
    expect(await me({ sub: 'u-2', 'cognito:groups': '[household]', 'custom:householdId': 'hh-002' })).toEqual(
      {
        status: 200,
        body: { subject: 'u-2', role: 'household', householdId: 'hh-002' },
      },
    );
  });

  it('401 when the user is in no known group', async () => {
    const { status, body } = await me({ sub: 'u-3', 'cognito:groups': '[admins]' });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: 'UNAUTHENTICATED', details: [{ field: 'token.role' }] } });
  });

  it('401 when the request carries no claims at all', async () => {
    const result = await lambda()(event(undefined), lambdaContext);
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({
      error: { message: 'Request carries no verified claims' },
    });
  });
});
