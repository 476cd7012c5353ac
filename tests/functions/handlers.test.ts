import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { handler as apiHandler } from '../../functions/api/handler.ts';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { tinyVillage } from '../support/tiny-village.ts';

/** The Lambda entry points, configured from the environment exactly as in AWS (endpoint aside). */
let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore('village');
  await local.store.registry.putDataset(tinyVillage('bach-dang'));
  process.env.TABLE_NAME = 'village';
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  process.env.VILLAGE_ID = 'bach-dang';
  delete process.env.JWT_SECRET;
});
afterAll(() => local.close());

type HttpEvent = Parameters<typeof apiHandler>[0];

/** An API Gateway HTTP API (payload v2) event, as hono/aws-lambda receives it. */
function httpEvent(path: string, claims?: Record<string, string>): HttpEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.test' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
  } as unknown as HttpEvent;
}

describe('functions/api handler', () => {
  it('answers API Gateway HTTP API v2 events, trusting the JWT authorizer claims', async () => {
    const { handler } = await import('../../functions/api/handler.ts');
    const health = await handler(httpEvent('/health'), {} as Context);
    expect(health.statusCode).toBe(200);
    const anonymous = await handler(httpEvent('/api/bins'), {} as Context);
    expect(anonymous.statusCode).toBe(401);
    const crew = await handler(
      httpEvent('/api/bins', { sub: 'c1', 'cognito:groups': '[crew]' }),
      {} as Context,
    );
    expect(crew.statusCode).toBe(200);
    expect(JSON.parse(crew.body ?? '{}').bins).toHaveLength(2);
  });
});

describe('functions/ingest-telemetry handler', () => {
  it('ingests an IoT rule message from the environment-configured table', async () => {
    const { handler } = await import('../../functions/ingest-telemetry/handler.ts');
    const payload = JSON.stringify({ messageId: 'lambda-1', ts: new Date().toISOString(), fillPercent: 33 });
    const summary = await handler({
      topic: 'village/bach-dang/bins/BIN-2/telemetry',
      payloadBase64: Buffer.from(payload).toString('base64'),
      receivedAtMs: Date.now(),
    });
    expect(summary.results.map((r) => r.status)).toEqual(['stored']);
    expect((await local.store.registry.getBin('bach-dang', 'BIN-2'))?.latest?.fillPercent).toBe(33);
  });
});
