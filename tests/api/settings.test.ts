import { defaultOperatorSettings } from '@village/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, type SendOptions, startApiHarness } from './support/harness.ts';

interface RecordBody {
  version: number;
  settings: Record<string, unknown>;
  updatedAt: string | null;
  updatedBy: { subject: string; role: string } | null;
}
interface ChangeBody {
  version: number;
  changedAt: string;
  changedBy: { subject: string; role: string };
  changes: Array<{ field: string; from: unknown; to: unknown }>;
}

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.close();
});

const put = (body: unknown, options: SendOptions = {}) =>
  api.send('PUT', '/api/settings', { token: api.tokens.operator, body, ...options });
const fieldsOf = async (response: Response) =>
  (await json(response)).error.details.map((d) => d.field).sort();

describe('GET /api/settings', () => {
  it('answers the defaults at version 0 (also the ETag) before anything was saved', async () => {
    const response = await api.get('/api/settings', api.tokens.operator);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(await json<RecordBody>(response)).toEqual({
      version: 0,
      settings: defaultOperatorSettings(),
      updatedAt: null,
      updatedBy: null,
    });
  });
});

describe('PUT /api/settings', () => {
  it('requires the version that was read', async () => {
    const response = await put({ settings: {} });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(['body.version']);
  });

  it('names every invalid setting', async () => {
    const response = await put({
      version: 0,
      settings: {
        thresholdPercent: 40,
        wastePlanTime: '25:00',
        scheduleFallbackDays: 2.5,
        vehicles: { 'truck-1': { shiftStart: '14:00', shiftEnd: '06:00' } },
        transformerKw: -5,
        transformerReservePercent: 45,
        energyHorizonStart: '12:10',
      },
    });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual([
      'body.settings.energyHorizonStart',
      'body.settings.scheduleFallbackDays',
      'body.settings.thresholdPercent',
      'body.settings.transformerKw',
      'body.settings.transformerReservePercent',
      'body.settings.vehicles.truck-1.shiftEnd',
      'body.settings.wastePlanTime',
    ]);
  });

  it('refuses cross-field contradictions, typos and unknown vehicles', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ thresholdPercent: 50, nearlyEmptyPercent: 50 }, ['body.settings.nearlyEmptyPercent']],
      [{ treshold: 90 }, ['body.settings']],
      [{ vehicles: { 'truck-9': { available: false } } }, ['body.settings.vehicles.truck-9']],
    ];
    for (const [settings, fields] of cases) {
      const response = await put({ version: 0, settings });
      expect(response.status, JSON.stringify(settings)).toBe(400);
      expect(await fieldsOf(response), JSON.stringify(settings)).toEqual(fields);
    }
  });

  it('saves with If-Match, answers the new version and the audited change', async () => {
    const response = await put(
      {
        settings: {
          thresholdPercent: 90,
          vehicles: { 'truck-1': { shiftStart: '05:30' } },
          transformerKw: 180,
        },
      },
      { headers: { 'If-Match': '"0"' } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    const body = await json<RecordBody & { change: ChangeBody }>(response);
    expect(body).toMatchObject({
      version: 1,
      updatedAt: '2026-11-29T12:00:00+07:00',
      updatedBy: { subject: 'op-1', role: 'operator' },
    });
    expect(body.settings).toMatchObject({ thresholdPercent: 90, wastePlanTime: '05:00', transformerKw: 180 });
    expect(body.change.changes).toEqual([
      { field: 'thresholdPercent', from: 85, to: 90 },
      { field: 'transformerKw', from: null, to: 180 },
      { field: 'vehicles.truck-1.available', from: null, to: true },
      { field: 'vehicles.truck-1.shiftStart', from: null, to: '05:30' },
    ]);
    expect((await json<RecordBody>(await api.get('/api/settings', api.tokens.operator))).version).toBe(1);
  });

  it('409 CONFLICT on a stale version, naming where the version came from', async () => {
    const stale = await put({ version: 0, settings: { thresholdPercent: 70 } });
    expect(stale.status).toBe(409);
    const body = await json(stale);
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.details).toEqual([{ field: 'body.version', message: 'stale: current version is 1' }]);
    const staleHeader = await put({ settings: {} }, { headers: { 'If-Match': 'W/"0"' } });
    expect(staleHeader.status).toBe(409);
    expect(await fieldsOf(staleHeader)).toEqual(['header.if-match']);
    expect(
      (await json<RecordBody>(await api.get('/api/settings', api.tokens.operator))).settings,
    ).toMatchObject({
      thresholdPercent: 90,
    });
  });

  it('refuses a malformed If-Match, or one that disagrees with body.version', async () => {
    expect(await fieldsOf(await put({ settings: {} }, { headers: { 'If-Match': 'abc' } }))).toEqual([
      'header.if-match',
    ]);
    expect(
      await fieldsOf(await put({ version: 1, settings: {} }, { headers: { 'If-Match': '"2"' } })),
    ).toEqual(['header.if-match']);
  });

  it('a second operator’s change is audited under its own name', async () => {
    const { signDemoToken } = await import('@village/api');
    const { SECRET, fixedClock } = await import('./support/harness.ts');
    const token = await signDemoToken(SECRET, { subject: 'op-2', role: 'operator' }, 3600, fixedClock);
    const current = await json<RecordBody>(await api.get('/api/settings', api.tokens.operator));
    const response = await put(
      { version: 1, settings: { ...current.settings, energyPlanTime: '17:30' } },
      { token },
    );
    expect(response.status).toBe(200);
    expect((await json<{ change: ChangeBody }>(response)).change.changes).toEqual([
      { field: 'energyPlanTime', from: '18:00', to: '17:30' },
    ]);
  });
});

describe('GET /api/settings/audit', () => {
  it('lists who changed what and when, newest first, honouring limit', async () => {
    const all = await json<{ changes: ChangeBody[] }>(
      await api.get('/api/settings/audit', api.tokens.operator),
    );
    expect(all.changes.map((c) => [c.version, c.changedBy.subject, c.changedAt])).toEqual([
      [2, 'op-2', '2026-11-29T12:00:00+07:00'],
      [1, 'op-1', '2026-11-29T12:00:00+07:00'],
    ]);
    const one = await json<{ changes: ChangeBody[] }>(
      await api.get('/api/settings/audit?limit=1', api.tokens.operator),
    );
    expect(one.changes.map((c) => c.version)).toEqual([2]);
    expect(await fieldsOf(await api.get('/api/settings/audit?limit=0', api.tokens.operator))).toEqual([
      'query.limit',
    ]);
  });

  it('settings are for operators only', async () => {
    for (const token of [api.tokens.crew, api.tokens.household]) {
      expect((await api.get('/api/settings', token)).status).toBe(403);
      expect((await api.get('/api/settings/audit', token)).status).toBe(403);
      expect((await put({ version: 2, settings: {} }, { token })).status).toBe(403);
    }
  });
});
