import { describe, expect, it } from 'vitest';
import {
  type BinForecast,
  forecastBin,
  type HamletRatePrior,
  hamletPriors,
} from '../../../packages/planning/src/waste/index.ts';
import { DAY, HOUR, MONDAY, type SeriesSpec, series, weekdayOf } from './synthetic.ts';

const hoursToThreshold = (f: BinForecast) => (f.thresholdAtMs! - f.nowMs) / HOUR;

describe('day-type effects', () => {
  // Four weeks of history; now is Saturday noon, the bin emptied on Thursday 20:00 (40 % now).
  const now = MONDAY + 26 * DAY + 12 * HOUR;
  const lastEmptied = MONDAY + 24 * DAY + 20 * HOUR;
  const emptyAt = [
    ...Array.from({ length: 10 }, (_, k) => MONDAY + (k + 1) * 60 * HOUR + 8 * HOUR).filter(
      (t) => t < lastEmptied - 30 * HOUR,
    ),
    lastEmptied,
  ];
  const spec = (ratePerHour: SeriesSpec['ratePerHour']): SeriesSpec => ({
    startMs: MONDAY,
    endMs: now,
    ratePerHour,
    noiseSd: 1,
    emptyAt,
  });

  it('learns that a bin fills twice as fast on Sundays and moves the threshold time accordingly', () => {
    const sundays = forecastBin({
      binId: 'BIN-1',
      hamletId: 'H1',
      readings: series(spec((t) => (weekdayOf(t) === 0 ? 2 : 1))),
      nowMs: now,
    });
    expect(sundays.ratePercentPerHour!).toBeCloseTo(1, 1);
    expect(sundays.model.dayFactors.sunday).toBeGreaterThan(1.7);
    expect(sundays.model.dayFactors.sunday).toBeLessThan(2.1);
    expect(sundays.model.dayFactors.saturday).toBeCloseTo(1, 1);
    // 40 % now; 52 % at midnight; then 2 %/h on Sunday: 85 % at 16:30, 28.5 h from now.
    expect(sundays.currentFillPercent!).toBeCloseTo(40, -0.5);
    expect(hoursToThreshold(sundays)).toBeGreaterThan(28.5 - 2.5);
    expect(hoursToThreshold(sundays)).toBeLessThan(28.5 + 2.5);

    // The same bin without a Sunday effect would take 45 h (Monday 09:00).
    const flat = forecastBin({ binId: 'BIN-2', hamletId: 'H1', readings: series(spec(1)), nowMs: now });
    expect(flat.model.dayFactors.sunday).toBeCloseTo(1, 1);
    expect(hoursToThreshold(flat)).toBeGreaterThan(45 - 2);
    expect(hoursToThreshold(flat)).toBeLessThan(45 + 2);
  });

  it('treats listed public holidays as their own day type', () => {
    const holidays = ['2026-03-11', '2026-03-18', '2026-04-01'];
    const holidayStarts = new Set(holidays.map((d) => Date.parse(`${d}T00:00:00+07:00`)));
    const isHoliday = (t: number) => holidayStarts.has(t - ((t + 7 * HOUR) % DAY));
    // Tuesday 31 March noon; tomorrow is a holiday on which the bin fills 2.5× as fast.
    const tuesday = MONDAY + 29 * DAY + 12 * HOUR;
    const readings = series({
      startMs: MONDAY,
      endMs: tuesday,
      ratePerHour: (t) => (isHoliday(t) ? 2.5 : 1),
      noiseSd: 1,
      emptyAt: Array.from({ length: 12 }, (_, k) => MONDAY + (k + 1) * 56 * HOUR).filter((t) => t < tuesday),
    });
    const told = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings, nowMs: tuesday, holidays });
    expect(told.model.dayFactors.holiday).toBeGreaterThan(1.8);
    expect(told.model.dayTypeEvidenceDays.holiday).toBeGreaterThan(1);
    const unaware = forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings, nowMs: tuesday });
    expect(unaware.model.dayFactors.holiday).toBeCloseTo(1, 1);
    expect(told.thresholdAtMs!).toBeLessThan(unaware.thresholdAtMs! - 4 * HOUR);
  });
});

describe('hamlet effects', () => {
  const prior: HamletRatePrior = {
    hamletId: 'H1',
    ratePercentPerHour: 1,
    dayFactors: { weekday: 1, saturday: 1.1, sunday: 1.5, holiday: 1.5 },
    dayTypeBins: { weekday: 4, saturday: 4, sunday: 4, holiday: 0 },
    relativeSpread: 0.12,
    bins: 4,
  };

  it('leans on the hamlet prior when a bin has little history, and on its own readings later', () => {
    const start = MONDAY + 14 * DAY + 6 * HOUR;
    const young = series({ startMs: start, endMs: start + 6 * HOUR, ratePerHour: 0.5, noiseSd: 0.3 });
    const f = forecastBin({
      binId: 'NEW',
      hamletId: 'H1',
      readings: young,
      nowMs: start + 6 * HOUR,
      hamletPrior: prior,
    });
    // 6 h of its own (¼ day) against the prior's 1 day: (0.25 × 0.5 + 1 × 1) / 1.25 = 0.9.
    expect(f.model.source).toBe('blended');
    expect(f.ratePercentPerHour!).toBeGreaterThan(0.8);
    expect(f.ratePercentPerHour!).toBeLessThan(0.95);
    expect(f.model.dayFactors.sunday).toBeCloseTo(1.5, 5);
    expect(f.model.relativeSpread).toBeCloseTo(0.12, 5);

    const oneReading = forecastBin({
      binId: 'NEW',
      hamletId: 'H1',
      readings: young.slice(0, 1),
      nowMs: start + HOUR,
      hamletPrior: prior,
    });
    expect(oneReading.model.source).toBe('hamlet');
    expect(oneReading.ratePercentPerHour).toBe(1);

    const seasoned = series({
      startMs: MONDAY,
      endMs: MONDAY + 14 * DAY,
      ratePerHour: 0.5,
      noiseSd: 1,
      emptyAt: [4, 8, 12].map((d) => MONDAY + d * DAY),
    });
    const old = forecastBin({
      binId: 'OLD',
      hamletId: 'H1',
      readings: seasoned,
      nowMs: MONDAY + 14 * DAY,
      hamletPrior: prior,
    });
    expect(old.ratePercentPerHour!).toBeGreaterThan(0.5 * 0.93);
    expect(old.ratePercentPerHour!).toBeLessThan(0.5 * 1.1);
    expect(old.model.dayFactors.sunday).toBeLessThan(1.25);
  });

  it('builds priors from the hamlet’s healthy bins only (two-pass use)', () => {
    const now = MONDAY + 14 * DAY;
    const history = (rate: number, endMs = now) =>
      series({
        startMs: MONDAY,
        endMs,
        ratePerHour: rate,
        noiseSd: 0.8,
        emptyAt: [3, 6, 9, 12].map((d) => MONDAY + d * DAY),
      });
    const pass1 = [
      forecastBin({ binId: 'A', hamletId: 'H1', readings: history(0.8), nowMs: now }),
      forecastBin({ binId: 'B', hamletId: 'H1', readings: history(1.0), nowMs: now }),
      forecastBin({ binId: 'C', hamletId: 'H1', readings: history(1.2), nowMs: now }),
      forecastBin({ binId: 'STALE', hamletId: 'H1', readings: history(1.25, now - DAY), nowMs: now }),
      forecastBin({ binId: 'LONE', hamletId: 'H2', readings: history(0.3), nowMs: now }),
    ];
    expect(pass1.find((f) => f.binId === 'STALE')!.status).toBe('stale');
    const priors = hamletPriors(pass1);
    expect([...priors.keys()]).toEqual(['H1']);
    const h1 = priors.get('H1')!;
    expect(h1.bins).toBe(3);
    expect(h1.ratePercentPerHour).toBeCloseTo(1, 1);
    expect(h1.dayFactors.weekday).toBe(1);
    expect(h1.dayTypeBins.sunday).toBe(3);
    expect(h1.dayTypeBins.holiday).toBe(0);
    expect(hamletPriors(pass1, { minBins: 1 }).get('H2')!.ratePercentPerHour).toBeCloseTo(0.3, 1);
    const byKind = hamletPriors(pass1, {
      groupOf: (f) => `${f.hamletId}/${f.binId === 'A' ? 'market' : 'household'}`,
    });
    expect(byKind.get('H1/household')!.bins).toBe(2);
    expect(byKind.has('H1/market')).toBe(false);

    // Pass 2: a bin installed this morning starts from its hamlet's rate.
    const fresh = forecastBin({
      binId: 'NEW',
      hamletId: 'H1',
      readings: [{ atMs: now - HOUR, fillPercent: 10 }],
      nowMs: now,
      hamletPrior: h1,
    });
    expect(fresh.ratePercentPerHour).toBeCloseTo(h1.ratePercentPerHour, 10);
    expect(fresh.currentFillPercent!).toBeCloseTo(10 + h1.ratePercentPerHour, 0);
  });
});
