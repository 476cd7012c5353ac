import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, startApiHarness } from './support/harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.close();
});

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

interface MeterReadingsBody {
  meterId: string;
  from: string;
  to: string;
  readings: Array<{ measuredAt: string; kwhTotal: number }>;
  truncated: boolean;
}

interface UsageBody {
  householdId: string;
  meterId: string;
  interval: string;
  timeZone: string;
  from: string;
  to: string;
  buckets: Array<{ start: string; end: string; kwh: number | null }>;
  totalKwh: number;
  missingBuckets: number;
}

describe('GET /api/meters/{meterId}/readings', () => {
  it('returns the readings in [from, to), oldest first, in village time', async () => {
    const response = await api.get(
      `/api/meters/mtr-hh-001/readings?${q({ from: '2026-11-28T06:00:00+07:00', to: '2026-11-28T11:00:00Z' })}`,
      api.tokens.operator,
    );
    expect(response.status).toBe(200);
    const body = await json<MeterReadingsBody>(response);
    expect(body).toMatchObject({
      meterId: 'mtr-hh-001',
      from: '2026-11-28T06:00:00+07:00',
      to: '2026-11-28T18:00:00+07:00',
      truncated: false,
    });
    expect(body.readings).toEqual([
      { measuredAt: '2026-11-28T06:00:00+07:00', kwhTotal: 103 },
      { measuredAt: '2026-11-28T12:00:00+07:00', kwhTotal: 110 },
    ]);
  });

  it('says when limit cut the range short', async () => {
    const body = await json<MeterReadingsBody>(
      await api.get(
        `/api/meters/mtr-hh-001/readings?${q({ from: '2026-11-28T00:00:00+07:00', to: '2026-11-30T00:00:00+07:00', limit: '2' })}`,
        api.tokens.operator,
      ),
    );
    expect(body.readings.map((r) => r.kwhTotal)).toEqual([100, 103]);
    expect(body.truncated).toBe(true);
  });

  it('404 for an unknown meter (operator)', async () => {
    const response = await api.get(
      `/api/meters/mtr-missing/readings?${q({ from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00' })}`,
      api.tokens.operator,
    );
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['a missing to', { from: '2026-11-28T00:00:00+07:00' }, ['query.to']],
    [
      'a date without offset',
      { from: '2026-11-28T00:00:00', to: '2026-11-29T00:00:00+07:00' },
      ['query.from'],
    ],
    ['words', { from: 'yesterday', to: 'today' }, ['query.from', 'query.to']],
    ['to before from', { from: '2026-11-29T00:00:00+07:00', to: '2026-11-28T00:00:00+07:00' }, ['query.to']],
    ['to equal to from', { from: '2026-11-29T00:00:00+07:00', to: '2026-11-28T17:00:00Z' }, ['query.to']],
    [
      'a span over 31 days',
      { from: '2026-10-01T00:00:00+07:00', to: '2026-11-02T00:00:00+07:00' },
      ['query.to'],
    ],
    [
      'a limit of zero',
      { from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00', limit: '0' },
      ['query.limit'],
    ],
  ])('400 VALIDATION_FAILED naming the field for %s', async (_, params, fields) => {
    const response = await api.get(`/api/meters/mtr-hh-001/readings?${q(params)}`, api.tokens.operator);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.field)).toEqual(fields);
    for (const detail of body.error.details) expect(detail.message).not.toBe('');
  });
});

describe('GET /api/households/{householdId}/usage', () => {
  const usage = async (householdId: string, params: Record<string, string>, token = api.tokens.operator) =>
    api.get(`/api/households/${householdId}/usage?${q(params)}`, token);

  it('buckets by village-local day; a day without readings before its start is null, not 0', async () => {
    const response = await usage('hh-001', {
      from: '2026-11-27T00:00:00+07:00',
      to: '2026-11-29T00:00:00+07:00',
      interval: 'day',
    });
    expect(response.status).toBe(200);
    expect(await json<UsageBody>(response)).toEqual({
      householdId: 'hh-001',
      meterId: 'mtr-hh-001',
      interval: 'day',
      timeZone: 'Asia/Ho_Chi_Minh',
      from: '2026-11-27T00:00:00+07:00',
      to: '2026-11-29T00:00:00+07:00',
      buckets: [
        { start: '2026-11-27T00:00:00+07:00', end: '2026-11-28T00:00:00+07:00', kwh: null },
        // Register 100 at local midnight on the 28th, 120 at local midnight on the 29th.
        { start: '2026-11-28T00:00:00+07:00', end: '2026-11-29T00:00:00+07:00', kwh: 20 },
      ],
      totalKwh: 20,
      missingBuckets: 1,
    });
  });

  it('buckets by hour (the default), widening a UTC range to whole local hours and interpolating', async () => {
    const body = await json<UsageBody>(
      await usage(
        'hh-001',
        { from: '2026-11-28T03:30:00Z', to: '2026-11-28T06:00:00Z' },
        api.tokens.household,
      ),
    );
    expect(body.interval).toBe('hour');
    expect(body.from).toBe('2026-11-28T10:00:00+07:00');
    expect(body.to).toBe('2026-11-28T13:00:00+07:00');
    // 103 → 110 kWh between 06:00 and 12:00 (7/6 per hour), 110 → 118 between 12:00 and 18:00 (8/6).
    expect(body.buckets).toEqual([
      { start: '2026-11-28T10:00:00+07:00', end: '2026-11-28T11:00:00+07:00', kwh: 1.167 },
      { start: '2026-11-28T11:00:00+07:00', end: '2026-11-28T12:00:00+07:00', kwh: 1.167 },
      { start: '2026-11-28T12:00:00+07:00', end: '2026-11-28T13:00:00+07:00', kwh: 1.333 },
    ]);
    expect(body.totalKwh).toBe(3.667);
    expect(body.missingBuckets).toBe(0);
  });

  it('is all null for a household whose meter has only one reading', async () => {
    const body = await json<UsageBody>(
      await usage('hh-002', { from: '2026-11-28T00:00:00+07:00', to: '2026-11-28T03:00:00+07:00' }),
    );
    expect(body.buckets.map((b) => b.kwh)).toEqual([null, null, null]);
    expect(body).toMatchObject({ totalKwh: 0, missingBuckets: 3 });
  });

  it('404 for an unknown household (operator)', async () => {
    const response = await usage('hh-404', {
      from: '2026-11-28T00:00:00+07:00',
      to: '2026-11-29T00:00:00+07:00',
    });
    expect(response.status).toBe(404);
  });

  it('400 naming query.interval for an unknown interval', async () => {
    const response = await usage('hh-001', {
      from: '2026-11-28T00:00:00+07:00',
      to: '2026-11-29T00:00:00+07:00',
      interval: 'week',
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.details.map((d) => d.field)).toEqual(['query.interval']);
  });
});
