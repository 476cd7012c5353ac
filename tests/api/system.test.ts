import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { accessPolicy } from '@village/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, startApiHarness } from './support/harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.close();
});

describe('GET /health', () => {
  it('answers without a token, in village time', async () => {
    const response = await api.get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', time: '2026-11-29T12:00:00+07:00' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security?: Array<Record<string, string[]>>; parameters?: unknown[] }>
  >;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with a bearer scheme, served without a token', async () => {
    const response = await api.get('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = await json<OpenApiDocument>(response);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists every route of the access policy, secured exactly when the policy says so', async () => {
    const doc = await json<OpenApiDocument>(await api.get('/api/openapi.json'));
    for (const { method, path, access } of Object.values(accessPolicy)) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.security ?? [], `${method} ${path}`).toEqual(
        access.kind === 'public' ? [] : [{ bearerAuth: [] }],
      );
    }
    expect(Object.keys(doc.paths).sort()).toEqual(
      [...new Set(Object.values(accessPolicy).map((p) => p.path))].sort(),
    );
  });

  it('documents query parameters from the same schemas that validate them', async () => {
    const doc = await json<OpenApiDocument>(await api.get('/api/openapi.json'));
    const parameters = doc.paths['/api/households/{householdId}/usage']?.get?.parameters as Array<{
      name: string;
      in: string;
    }>;
    expect(parameters.map((p) => `${p.in}.${p.name}`).sort()).toEqual(
      ['path.householdId', 'query.from', 'query.interval', 'query.to'].sort(),
    );
  });
});

describe('unknown routes', () => {
  it('are 404 NOT_FOUND in the error shape, with or without a token', async () => {
    for (const token of [undefined, api.tokens.operator]) {
      const response = await api.get('/api/nothing-here', token);
      expect(response.status).toBe(404);
      const body = await json(response);
      expect(body.error.code).toBe('NOT_FOUND');
      expect(body.error.details).toEqual([]);
    }
  });

  it('include a known path with the wrong method', async () => {
    const response = await api.app.request('/api/bins', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe('NOT_FOUND');
  });
});

describe('unexpected errors', () => {
  it('answer 500 INTERNAL with a request id, never the internal message or a stack', async () => {
    const secretMessage =
      'ResourceNotFoundException: arn:aws:dynamodb:ap-southeast-1:123456789012:table/secret';
    const failingApp = api.appWith({
      store: {
        ...api.store,
        registry: {
          ...api.store.registry,
          listBins: async () => {
            throw new Error(secretMessage);
          },
        },
      },
    });
    const before = api.loggedErrors.length;
    const response = await failingApp.request('/api/bins', {
      headers: { Authorization: `Bearer ${api.tokens.operator}` },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('arn:aws');
    expect(text).not.toContain('ResourceNotFound');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // stack frame
    const body = JSON.parse(text) as { error: { code: string; details: unknown[]; requestId: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.details).toEqual([]);
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));

    // ...but the operator can find the real cause in the log, by request id.
    const logged = api.loggedErrors.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields.requestId).toBe(body.error.requestId);
    expect(JSON.stringify(logged[0]?.fields)).toContain(secretMessage);
  });
});

describe('GET /api/rejections', () => {
  interface RejectionsBody {
    rejections: Array<{ id: string; receivedAt: string; issues: unknown[] }>;
  }

  it('lists rejected telemetry newest first, in village time, honouring limit', async () => {
    const all = await json<RejectionsBody>(await api.get('/api/rejections', api.tokens.operator));
    expect(all.rejections.map((r) => r.id)).toEqual(['rej-new', 'rej-old']);
    expect(all.rejections[0]?.receivedAt).toBe('2026-11-29T11:00:00+07:00');
    expect(all.rejections[0]?.issues).toEqual([{ field: 'payload', message: 'unknown device' }]);

    const one = await json<RejectionsBody>(await api.get('/api/rejections?limit=1', api.tokens.operator));
    expect(one.rejections.map((r) => r.id)).toEqual(['rej-new']);
  });

  it('rejects a limit out of range with the field named', async () => {
    const response = await api.get('/api/rejections?limit=0', api.tokens.operator);
    expect(response.status).toBe(400);
    expect((await json(response)).error.details.map((d) => d.field)).toEqual(['query.limit']);
  });

  it('is for operators only', async () => {
    expect((await api.get('/api/rejections', api.tokens.crew)).status).toBe(403);
    expect((await api.get('/api/rejections', api.tokens.household)).status).toBe(403);
  });
});

describe('served by @hono/node-server', () => {
  it('authenticates and answers over real HTTP, as the local runtime serves it', async () => {
    const server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/me`, {
        headers: { Authorization: `Bearer ${api.tokens.crew}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ subject: 'crew-1', role: 'crew', householdId: null });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
