import { describe, expect, it } from 'vitest';
import { type FillReading, forecastBin } from '../../../packages/planning/src/waste/index.ts';
import { DAY, HOUR, MONDAY, series } from './synthetic.ts';

const forecast = (readings: FillReading[], nowMs: number) =>
  forecastBin({ binId: 'BIN-1', hamletId: 'H1', readings, nowMs });

/** Readings that stop following the bin at `stuckFrom` and repeat one value (a stuck echo). */
function stuckAfter(
  readings: FillReading[],
  stuckFrom: number,
  until = Number.POSITIVE_INFINITY,
): FillReading[] {
  const frozen = readings.filter((r) => r.atMs <= stuckFrom).at(-1)!.fillPercent;
  return readings.map((r) => (r.atMs > stuckFrom && r.atMs <= until ? { ...r, fillPercent: frozen } : r));
}

describe('stuck sensors', () => {
  it('flags a sensor that repeats one value while the bin should fill', () => {
    const now = MONDAY + 4 * DAY;
    const healthy = series({ startMs: MONDAY, endMs: now, ratePerHour: 0.6, noiseSd: 1 });
    const f = forecast(stuckAfter(healthy, now - 20 * HOUR), now);
    expect(f.status).toBe('stuck');
    expect(f.statusReason).toMatch(/should have filled/);
    // The rate is learnt from the readings before the sensor froze, not flattened by them.
    expect(f.ratePercentPerHour!).toBeGreaterThan(0.5);
    expect(f.ratePercentPerHour!).toBeLessThan(0.7);
    // The level is carried forward from the last trustworthy reading.
    expect(f.currentFillPercent!).toBeGreaterThan(healthy.at(-1)!.fillPercent - 5);
  });

  it('does not flag a short flat stretch, a full bin, or a sensor that recovered', () => {
    const now = MONDAY + 4 * DAY;
    const healthy = series({ startMs: MONDAY, endMs: now, ratePerHour: 0.6, noiseSd: 1 });
    expect(forecast(stuckAfter(healthy, now - 6 * HOUR), now).status).toBe('ok');

    // Filled up 30 h ago: a full bin reads flat (at 100 % with a little noise below).
    const full = series({ startMs: MONDAY, endMs: now, ratePerHour: 1.5 }).map((r) => ({
      ...r,
      fillPercent: Math.min(r.fillPercent, 99.8),
    }));
    const fullForecast = forecast(full, now);
    expect(fullForecast.status).toBe('ok');
    expect(fullForecast.currentFillPercent).toBeGreaterThan(99);

    // Stuck for a day, then back: fine now, and the frozen day did not drag the rate down.
    const recovered = stuckAfter(healthy, MONDAY + DAY, MONDAY + 2 * DAY);
    const f = forecast(recovered, now);
    expect(f.status).toBe('ok');
    expect(f.ratePercentPerHour!).toBeGreaterThan(0.5);
  });

  it('does not flag a bin that is legitimately still (nothing expected to arrive)', () => {
    // A school bin over a holiday week: its history says it barely fills on such days.
    const holidays = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
    const holidaySet = new Set(holidays.map((d) => Date.parse(`${d}T00:00:00+07:00`)));
    const isHoliday = (t: number) => holidaySet.has(t - ((t + 7 * HOUR) % DAY));
    const now = MONDAY + 7 * DAY + 20 * HOUR;
    const readings = series({
      startMs: MONDAY,
      endMs: now,
      ratePerHour: (t) => (isHoliday(t) ? 0.005 : 0.8),
      emptyAt: [MONDAY + 3 * DAY, MONDAY + 6 * DAY + 20 * HOUR],
    });
    const f = forecastBin({
      binId: 'BIN-1',
      hamletId: 'H1',
      readings,
      nowMs: now,
      holidays,
      hamletPrior: {
        hamletId: 'H1',
        ratePercentPerHour: 0.8,
        dayFactors: { weekday: 1, saturday: 1, sunday: 1, holiday: 0.01 },
        dayTypeBins: { weekday: 5, saturday: 5, sunday: 5, holiday: 5 },
        relativeSpread: 0.1,
        bins: 5,
      },
    });
    expect(f.model.dayFactors.holiday).toBeLessThan(0.05);
    expect(f.status).toBe('ok');
    // Not knowing it is a holiday, the same flat day is suspicious.
    expect(forecast(readings, now).status).toBe('stuck');
  });
});

describe('stale sensors', () => {
  it('turns stale after the configured age, and not before', () => {
    const lastAt = MONDAY + 2 * DAY;
    const readings = series({ startMs: MONDAY, endMs: lastAt, ratePerHour: 0.5, noiseSd: 0.5 });
    expect(forecast(readings, lastAt + 5 * HOUR).status).toBe('ok');
    expect(forecast(readings, lastAt + 7 * HOUR).status).toBe('stale');
    const patient = forecastBin({
      binId: 'BIN-1',
      hamletId: 'H1',
      readings,
      nowMs: lastAt + 7 * HOUR,
      staleAfterHours: 24,
    });
    expect(patient.status).toBe('ok');
  });
});
