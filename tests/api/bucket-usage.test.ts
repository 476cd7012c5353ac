import { toZonedIso } from '@village/domain';
import { describe, expect, it } from 'vitest';
// Internal modules, tested directly: the bucketing is pure and not part of the package's public API.
import { alignedBuckets } from '../../packages/api/src/usage/bucket-boundaries.ts';
import { bucketUsage, type RegisterSample } from '../../packages/api/src/usage/bucket-usage.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const HOUR = 3_600_000;
const t = (iso: string) => Date.parse(iso);
const local = (ms: number) => toZonedIso(ms, HCM);
const sample = (iso: string, kwhTotal: number): RegisterSample => ({ atMs: t(iso), kwhTotal });
const unbounded = { maxBracketMs: Number.POSITIVE_INFINITY };

describe('alignedBuckets', () => {
  it('widens a range to whole village-local hours', () => {
    const buckets = alignedBuckets(
      t('2026-11-28T10:30:00+07:00'),
      t('2026-11-28T12:15:00+07:00'),
      'hour',
      HCM,
    );
    expect(buckets.map((b) => [local(b.startMs), local(b.endMs)])).toEqual([
      ['2026-11-28T10:00:00+07:00', '2026-11-28T11:00:00+07:00'],
      ['2026-11-28T11:00:00+07:00', '2026-11-28T12:00:00+07:00'],
      ['2026-11-28T12:00:00+07:00', '2026-11-28T13:00:00+07:00'],
    ]);
  });

  it('cuts days at village midnight (17:00 UTC), not UTC midnight', () => {
    const buckets = alignedBuckets(t('2026-11-28T02:00:00Z'), t('2026-11-28T20:00:00Z'), 'day', HCM);
    expect(buckets.map((b) => new Date(b.startMs).toISOString())).toEqual([
      '2026-11-27T17:00:00.000Z',
      '2026-11-28T17:00:00.000Z',
    ]);
    expect(buckets.at(-1)?.endMs).toBe(t('2026-11-29T17:00:00Z'));
  });

  it('adds no extra bucket when the range already sits on boundaries', () => {
    const buckets = alignedBuckets(
      t('2026-11-28T00:00:00+07:00'),
      t('2026-11-30T00:00:00+07:00'),
      'day',
      HCM,
    );
    expect(buckets).toHaveLength(2);
  });

  it('returns nothing for an empty or inverted range', () => {
    expect(alignedBuckets(t('2026-11-28T00:00:00Z'), t('2026-11-28T00:00:00Z'), 'hour', HCM)).toEqual([]);
    expect(alignedBuckets(t('2026-11-28T01:00:00Z'), t('2026-11-28T00:00:00Z'), 'hour', HCM)).toEqual([]);
  });

  it('follows a zone whose offset changes (a 23-hour DST day in Berlin)', () => {
    const [day] = alignedBuckets(
      t('2026-03-29T12:00:00+02:00'),
      t('2026-03-29T13:00:00+02:00'),
      'day',
      'Europe/Berlin',
    );
    expect(day && new Date(day.startMs).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(day && (day.endMs - day.startMs) / HOUR).toBe(23);
  });
});

describe('bucketUsage', () => {
  const hours = (from: string, to: string) => alignedBuckets(t(from), t(to), 'hour', HCM);

  it('subtracts the register at the bucket edges when readings sit exactly on them', () => {
    const usage = bucketUsage(
      [sample('2026-11-28T10:00:00+07:00', 10), sample('2026-11-28T11:00:00+07:00', 12.5)],
      hours('2026-11-28T10:00:00+07:00', '2026-11-28T11:00:00+07:00'),
      unbounded,
    );
    expect(usage.map((b) => b.kwh)).toEqual([2.5]);
  });

  it('interpolates linearly between the readings that bracket each edge', () => {
    // 6 kWh over 6 h, readings only at 09:00 and 15:00: each hour gets 1 kWh.
    const usage = bucketUsage(
      [sample('2026-11-28T09:00:00+07:00', 100), sample('2026-11-28T15:00:00+07:00', 106)],
      hours('2026-11-28T10:00:00+07:00', '2026-11-28T12:00:00+07:00'),
      unbounded,
    );
    expect(usage.map((b) => b.kwh)).toEqual([1, 1]);
  });

  it('accepts readings in any order', () => {
    const usage = bucketUsage(
      [sample('2026-11-28T12:00:00+07:00', 30), sample('2026-11-28T10:00:00+07:00', 10)],
      hours('2026-11-28T10:00:00+07:00', '2026-11-28T12:00:00+07:00'),
      unbounded,
    );
    expect(usage.map((b) => b.kwh)).toEqual([10, 10]);
  });

  it('is null, not 0, where an edge has no reading on one side', () => {
    const usage = bucketUsage(
      [sample('2026-11-28T10:30:00+07:00', 5), sample('2026-11-28T12:30:00+07:00', 7)],
      hours('2026-11-28T09:00:00+07:00', '2026-11-28T14:00:00+07:00'),
      unbounded,
    );
    expect(usage.map((b) => b.kwh)).toEqual([null, null, 1, null, null]);
  });

  it('is null for every bucket when there are no readings at all', () => {
    const usage = bucketUsage([], hours('2026-11-28T09:00:00+07:00', '2026-11-28T11:00:00+07:00'), unbounded);
    expect(usage.map((b) => b.kwh)).toEqual([null, null]);
  });

  it('refuses to interpolate across a silence longer than maxBracketMs', () => {
    const readings = [sample('2026-11-28T00:00:00+07:00', 0), sample('2026-11-28T20:00:00+07:00', 20)];
    const buckets = hours('2026-11-28T10:00:00+07:00', '2026-11-28T11:00:00+07:00');
    expect(bucketUsage(readings, buckets, { maxBracketMs: 6 * HOUR })[0]?.kwh).toBeNull();
    expect(bucketUsage(readings, buckets, { maxBracketMs: 12 * HOUR })[0]?.kwh).toBe(1);
  });

  it('treats a falling register as a meter reset: never negative, the reset step counts as zero', () => {
    const usage = bucketUsage(
      [
        sample('2026-11-28T10:00:00+07:00', 1000),
        sample('2026-11-28T11:00:00+07:00', 1004),
        sample('2026-11-28T12:00:00+07:00', 1), // reset between 11:00 and 12:00
        sample('2026-11-28T13:00:00+07:00', 3),
      ],
      hours('2026-11-28T10:00:00+07:00', '2026-11-28T13:00:00+07:00'),
      unbounded,
    );
    expect(usage.map((b) => b.kwh)).toEqual([4, 0, 2]);
  });

  it('interpolates flat across the reset interval when an edge falls inside it', () => {
    const usage = bucketUsage(
      [
        sample('2026-11-28T08:30:00+07:00', 490),
        sample('2026-11-28T09:30:00+07:00', 500),
        sample('2026-11-28T10:30:00+07:00', 2), // reset between 09:30 and 10:30
        sample('2026-11-28T11:30:00+07:00', 4),
      ],
      hours('2026-11-28T09:00:00+07:00', '2026-11-28T11:00:00+07:00'),
      unbounded,
    );
    // 09–10: 495 → 500 (flat from 09:30); 10–11: 500 → 501 (half of the 2 kWh after the reset).
    expect(usage.map((b) => b.kwh)).toEqual([5, 1]);
  });
});
