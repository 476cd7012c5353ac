import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, startApiHarness } from './support/harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.close();
});

interface BinSummary {
  id: string;
  hamletId: string;
  kind: string;
  capacityLitres: number;
  fillPercent: number | null;
  measuredAt: string | null;
}

interface BinDetail {
  bin: Record<string, unknown>;
  latest: { fillPercent: number; measuredAt: string } | null;
  history: {
    hours: number;
    from: string;
    to: string;
    readings: Array<{ fillPercent: number; measuredAt: string }>;
  };
}

describe('GET /api/bins', () => {
  it('lists every bin with its latest fill, null for a bin that never reported', async () => {
    const response = await api.get('/api/bins', api.tokens.crew);
    expect(response.status).toBe(200);
    const body = await json<{ villageId: string; bins: BinSummary[] }>(response);
    expect(body.villageId).toBe('test-village');
    const byId = Object.fromEntries(body.bins.map((b) => [b.id, b]));
    expect(Object.keys(byId).sort()).toEqual(['bin-lane-1', 'bin-market-1', 'bin-school-1']);
    expect(byId['bin-market-1']).toMatchObject({
      hamletId: 'hamlet-1',
      kind: 'market',
      capacityLitres: 240,
      fillPercent: 70,
      // Reported in UTC, served in village time.
      measuredAt: '2026-11-29T11:00:00+07:00',
    });
    expect(byId['bin-lane-1']).toMatchObject({ fillPercent: null, measuredAt: null });
    expect(byId['bin-market-1']).not.toHaveProperty('latest');
  });

  it('filters by hamlet and by minimum fill', async () => {
    const ids = async (query: string) =>
      (await json<{ bins: BinSummary[] }>(await api.get(`/api/bins?${query}`, api.tokens.operator))).bins
        .map((b) => b.id)
        .sort();
    expect(await ids('hamletId=hamlet-2')).toEqual(['bin-lane-1']);
    expect(await ids('minFillPercent=80')).toEqual(['bin-school-1']);
    expect(await ids('minFillPercent=70&hamletId=hamlet-1')).toEqual(['bin-market-1', 'bin-school-1']);
  });

  it('400 naming the field for an unusable filter', async () => {
    const response = await api.get('/api/bins?minFillPercent=lots&hamletId=no%20spaces', api.tokens.operator);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.field).sort()).toEqual(['query.hamletId', 'query.minFillPercent']);
  });
});

describe('GET /api/bins/{binId}', () => {
  it('returns the bin, its latest state and the last 24 h of readings, oldest first', async () => {
    const response = await api.get('/api/bins/bin-market-1', api.tokens.operator);
    expect(response.status).toBe(200);
    const body = await json<BinDetail>(response);
    expect(body.bin).toMatchObject({ id: 'bin-market-1', kind: 'market' });
    expect(body.latest).toEqual({ fillPercent: 70, measuredAt: '2026-11-29T11:00:00+07:00' });
    expect(body.history).toMatchObject({
      hours: 24,
      from: '2026-11-28T12:00:00+07:00',
      to: '2026-11-29T12:00:00+07:00',
    });
    expect(body.history.readings.map((r) => [r.measuredAt, r.fillPercent])).toEqual([
      ['2026-11-29T09:00:00+07:00', 40],
      ['2026-11-29T10:00:00+07:00', 55],
      ['2026-11-29T11:00:00+07:00', 70],
    ]);
  });

  it('narrows or widens the history with ?hours=', async () => {
    const recent = await json<BinDetail>(await api.get('/api/bins/bin-market-1?hours=2', api.tokens.crew));
    expect(recent.history.readings.map((r) => r.fillPercent)).toEqual([55, 70]);

    const school24 = await json<BinDetail>(await api.get('/api/bins/bin-school-1', api.tokens.crew));
    expect(school24.latest?.fillPercent).toBe(90);
    expect(school24.history.readings).toEqual([]);
    const school48 = await json<BinDetail>(await api.get('/api/bins/bin-school-1?hours=48', api.tokens.crew));
    expect(school48.history.readings.map((r) => r.fillPercent)).toEqual([90]);
  });

  it('has a null latest state for a bin that never reported', async () => {
    const body = await json<BinDetail>(await api.get('/api/bins/bin-lane-1', api.tokens.crew));
    expect(body.latest).toBeNull();
    expect(body.history.readings).toEqual([]);
  });

  it('404 NOT_FOUND for an unknown bin', async () => {
    const response = await api.get('/api/bins/bin-nowhere', api.tokens.operator);
    expect(response.status).toBe(404);
    const body = await json(response);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('bin-nowhere');
  });

  it('400 naming path.binId for an id that cannot exist, and query.hours beyond 31 days', async () => {
    const badId = await api.get('/api/bins/bin%23with%23hash', api.tokens.operator);
    expect(badId.status).toBe(400);
    expect((await json(badId)).error.details.map((d) => d.field)).toEqual(['path.binId']);

    const tooLong = await api.get(`/api/bins/bin-market-1?hours=${24 * 31 + 1}`, api.tokens.operator);
    expect(tooLong.status).toBe(400);
    expect((await json(tooLong)).error.details.map((d) => d.field)).toEqual(['query.hours']);
  });
});
