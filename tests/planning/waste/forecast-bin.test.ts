import { createRng } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { type BinForecast, forecastBin } from '../../../packages/planning/src/waste/index.ts';
import { DAY, HOUR, MONDAY, redelivered, type SeriesSpec, series } from './synthetic.ts';

const forecast = (spec: SeriesSpec, nowMs: number, extra: Partial<Parameters<typeof forecastBin>[0]> = {}) =>
  forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings: series(spec), nowMs, ...extra });

/** Hours from now until the threshold, for readable assertions. */
const hoursToThreshold = (f: BinForecast) =>
  f.thresholdAtMs === null ? null : (f.thresholdAtMs - f.nowMs) / HOUR;

function expectSoundShape(f: BinForecast) {
  for (const h of f.hourly) {
    expect(h.lowPercent).toBeLessThanOrEqual(h.fillPercent);
    expect(h.fillPercent).toBeLessThanOrEqual(h.highPercent);
    expect(h.highPercent).toBeLessThanOrEqual(100);
    expect(h.lowPercent).toBeGreaterThanOrEqual(0);
  }
  for (let i = 1; i < f.hourly.length; i++) {
    expect(f.hourly[i]!.atMs - f.hourly[i - 1]!.atMs).toBe(HOUR);
    expect(f.hourly[i]!.fillPercent).toBeGreaterThanOrEqual(f.hourly[i - 1]!.fillPercent);
  }
  if (f.thresholdAtMs !== null) {
    expect(f.thresholdEarliestMs).not.toBeNull();
    expect(f.thresholdEarliestMs!).toBeLessThanOrEqual(f.thresholdAtMs);
    if (f.thresholdLatestMs !== null) expect(f.thresholdLatestMs).toBeGreaterThanOrEqual(f.thresholdAtMs);
  }
}

describe('forecastBin: known rates', () => {
  it('recovers a constant rate exactly from clean readings and predicts the threshold time', () => {
    const now = MONDAY + 4 * DAY + 10 * HOUR;
    const f = forecast({ startMs: MONDAY, endMs: now, ratePerHour: 0.8 }, now);
    expect(f.status).toBe('ok');
    expect(f.ratePercentPerHour).toBeCloseTo(0.8, 3);
    expect(f.model.source).toBe('bin');
    // 0.8 %/h for 106 h: 84.8 % now, 85 % a quarter of an hour later.
    expect(f.currentFillPercent).toBeCloseTo(84.8, 1);
    expect(hoursToThreshold(f)).toBeCloseTo(0.25, 1);
    expect(f.hourly).toHaveLength(72);
    expect(f.hourly.at(-1)!.fillPercent).toBe(100);
    expectSoundShape(f);
  });

  it('stays within 5 % of the true rate with sensor noise, missed readings, a long gap and redelivery', () => {
    const now = MONDAY + 10 * DAY + 5 * HOUR;
    const spec: SeriesSpec = {
      startMs: MONDAY,
      endMs: now,
      ratePerHour: 1.2,
      noiseSd: 1.5,
      emptyAt: [3, 6, 9].map((d) => MONDAY + d * DAY + 7 * HOUR),
      // Every fifth report lost, and the radio down for ten hours on day 4.
      missing: (t, i) => i % 5 === 3 || (t > MONDAY + 4 * DAY && t < MONDAY + 4 * DAY + 10 * HOUR),
    };
    const clean = series(spec);
    const f = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings: redelivered(clean), nowMs: now });
    expect(f.status).toBe('ok');
    expect(f.ratePercentPerHour!).toBeGreaterThan(1.2 * 0.95);
    expect(f.ratePercentPerHour!).toBeLessThan(1.2 * 1.05);
    // Emptied at 07:00 today, 22 h ago: ~26 % now, 85 % about 49 h from now.
    expect(f.lastEmptiedAtMs).toBe(MONDAY + 9 * DAY + 8 * HOUR);
    expect(f.currentFillPercent!).toBeGreaterThan(26.4 - 2);
    expect(f.currentFillPercent!).toBeLessThan(26.4 + 2);
    expect(hoursToThreshold(f)!).toBeGreaterThan(49 - 3);
    expect(hoursToThreshold(f)!).toBeLessThan(49 + 3);
    expect(f.model.noiseSdPercent).toBeGreaterThan(0.8);
    expect(f.model.noiseSdPercent).toBeLessThan(2.5);
    // The duplicates change nothing.
    const once = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings: clean, nowMs: now });
    expect(once).toEqual(f);
    expectSoundShape(f);
  });

  it('gives an ~80 % band for the threshold time that holds the truth about that often', () => {
    // Each day fills 0.75–1.25× the mean, at random: no fit can foresee it, the band must allow for it.
    const rng = createRng(42);
    const daily = Array.from({ length: 40 }, () => 0.75 + 0.5 * rng.next());
    const ratePerHour = (t: number) => 1.1 * daily[Math.floor((t - MONDAY) / DAY)]!;
    const emptyAt = Array.from({ length: 14 }, (_, k) => MONDAY + k * 3 * DAY + 8 * HOUR);
    let inside = 0;
    const errors: number[] = [];
    for (let k = 0; k < 24; k++) {
      const now = MONDAY + 10 * DAY + k * 13 * HOUR;
      const spec: SeriesSpec = {
        startMs: MONDAY,
        endMs: now,
        ratePerHour,
        noiseSd: 1,
        seed: k,
        emptyAt: emptyAt.filter((t) => t < now),
      };
      const f = forecast(spec, now);
      const future = series({ ...spec, endMs: now + 72 * HOUR, stepMs: 10 * 60_000, noiseSd: 0 });
      const truth = future.find((r) => r.atMs >= now && r.fillPercent >= 85)?.atMs;
      if (truth === undefined || f.thresholdAtMs === null) continue;
      expectSoundShape(f);
      if (truth >= f.thresholdEarliestMs! && truth <= (f.thresholdLatestMs ?? Number.POSITIVE_INFINITY))
        inside++;
      errors.push(Math.abs(f.thresholdAtMs - truth) / HOUR);
    }
    expect(errors.length).toBeGreaterThanOrEqual(20);
    expect(inside / errors.length).toBeGreaterThan(0.65);
    errors.sort((a, b) => a - b);
    expect(errors[errors.length >> 1]!).toBeLessThan(4);
  });
});

describe('forecastBin: time zones', () => {
  it('puts the hourly points on local hour boundaries of the given zone', () => {
    const now = MONDAY + 3 * DAY + 10 * 60_000;
    const readings = series({ startMs: MONDAY, endMs: now, ratePerHour: 0.5 });
    const kolkata = forecastBin({
      binId: 'B',
      hamletId: 'H',
      readings,
      nowMs: now,
      timeZone: 'Asia/Kolkata',
    });
    // UTC+05:30: local hours start at half past the UTC hour.
    expect(kolkata.hourly[0]!.atMs % HOUR).toBe(HOUR / 2);
    expect(kolkata.hourly).toHaveLength(72);
    const village = forecastBin({ binId: 'B', hamletId: 'H', readings, nowMs: now });
    expect(village.hourly[0]!.atMs % HOUR).toBe(0);
    expect(kolkata.ratePercentPerHour).toBeCloseTo(village.ratePercentPerHour!, 6);
  });
});

describe('forecastBin: emptying events', () => {
  it('restarts the cycle at a sudden drop: current level from the new cycle, rate from all cycles', () => {
    const emptiedAt = MONDAY + 5 * DAY + 7.5 * HOUR;
    const now = MONDAY + 5 * DAY + 9 * HOUR + 10 * 60_000;
    const f = forecast(
      {
        startMs: MONDAY,
        endMs: now,
        ratePerHour: 1,
        noiseSd: 0.8,
        residual: 2,
        emptyAt: [MONDAY + 2 * DAY + 7.5 * HOUR, emptiedAt],
      },
      now,
    );
    // The first reading after the drop (08:00) opens the cycle; an hour and a bit later ≈ 2 + 1.7 %.
    expect(f.lastEmptiedAtMs).toBe(MONDAY + 5 * DAY + 8 * HOUR);
    expect(f.currentFillPercent!).toBeGreaterThan(1.5);
    expect(f.currentFillPercent!).toBeLessThan(6);
    expect(f.ratePercentPerHour!).toBeCloseTo(1, 1);
    // From ~3.7 % at 1 %/h: 85 % in about 81 h, beyond the 72 h horizon.
    expect(f.thresholdAtMs).toBeNull();
    expect(f.hourly.at(-1)!.fillPercent).toBeGreaterThan(70);
  });

  it('restarts at a crew report even before the sensor shows the drop', () => {
    const collectedAt = MONDAY + 3 * DAY + 8 * HOUR + 20 * 60_000;
    const now = collectedAt + 30 * 60_000; // no reading since the collection
    const spec: SeriesSpec = { startMs: MONDAY, endMs: MONDAY + 3 * DAY + 8 * HOUR, ratePerHour: 1 };
    const before = forecast(spec, now);
    expect(before.currentFillPercent!).toBeGreaterThan(80);
    const after = forecast(spec, now, { collectedAtMs: [collectedAt] });
    expect(after.lastEmptiedAtMs).toBe(collectedAt);
    expect(after.currentFillPercent!).toBeCloseTo(0.5, 1);
    expect(after.ratePercentPerHour!).toBeCloseTo(1, 2);
    expect(after.status).toBe('ok');
  });

  it('ignores a lone glitch instead of taking it for an emptying', () => {
    const now = MONDAY + 3 * DAY;
    const readings = series({ startMs: MONDAY, endMs: now, ratePerHour: 1 }).map((r, i) =>
      i === 40 ? { ...r, fillPercent: 0 } : i === 50 ? { ...r, fillPercent: 99 } : r,
    );
    const f = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings, nowMs: now });
    expect(f.lastEmptiedAtMs).toBeNull();
    expect(f.ratePercentPerHour!).toBeCloseTo(1, 2);
  });
});

describe('forecastBin: missing data', () => {
  it('reports no-data without readings, and still projects from a crew report', () => {
    const now = MONDAY + 2 * DAY;
    const none = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings: [], nowMs: now });
    expect(none.status).toBe('no-data');
    expect(none.currentFillPercent).toBeNull();
    expect(none.hourly).toEqual([]);
    expect(none.thresholdAtMs).toBeNull();

    const prior = {
      hamletId: 'H1',
      ratePercentPerHour: 1,
      dayFactors: { weekday: 1, saturday: 1, sunday: 1, holiday: 1 },
      dayTypeBins: { weekday: 3, saturday: 0, sunday: 0, holiday: 0 },
      relativeSpread: 0.1,
      bins: 3,
    };
    const crew = forecastBin({
      binId: 'BIN-1',
      hamletId: 'H1',
      readings: [],
      nowMs: now,
      collectedAtMs: [now - 10 * HOUR],
      hamletPrior: prior,
    });
    expect(crew.status).toBe('no-data');
    expect(crew.model.source).toBe('hamlet');
    expect(crew.currentFillPercent).toBeCloseTo(10, 5);
  });

  it('flags a stale sensor and projects its last readings forward', () => {
    const lastAt = MONDAY + 3 * DAY;
    const now = lastAt + 8 * HOUR;
    const f = forecast({ startMs: MONDAY, endMs: lastAt, ratePerHour: 0.5 }, now);
    expect(f.status).toBe('stale');
    expect(f.statusReason).toMatch(/8 h old/);
    expect(f.lastReadingAtMs).toBe(lastAt);
    expect(f.currentFillPercent).toBeCloseTo(36 + 4, 1);
    const fresh = forecast({ startMs: MONDAY, endMs: lastAt, ratePerHour: 0.5 }, now, {
      staleAfterHours: 12,
    });
    expect(fresh.status).toBe('ok');
  });

  it('ignores readings from the future and from before the history window', () => {
    const now = MONDAY + 40 * DAY;
    const readings = [
      ...series({ startMs: MONDAY, endMs: MONDAY + 5 * DAY, ratePerHour: 3 }),
      ...series({ startMs: MONDAY + 38 * DAY, endMs: now + 5 * HOUR, ratePerHour: 0.5 }),
    ];
    const f = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings, nowMs: now });
    expect(f.lastReadingAtMs).toBe(now);
    expect(f.ratePercentPerHour!).toBeCloseTo(0.5, 2);
  });

  it('rejects invalid settings with a validation error', () => {
    expect(() =>
      forecastBin({ binId: 'B', hamletId: 'H', readings: [], nowMs: 0, thresholdPercent: 120 }),
    ).toThrow(/validation failed/);
    expect(() =>
      forecastBin({ binId: 'B', hamletId: 'H', readings: [], nowMs: 0, timeZone: 'Mars/Olympus' }),
    ).toThrow(/validation failed/);
  });
});
