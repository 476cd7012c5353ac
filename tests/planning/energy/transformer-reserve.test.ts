import {
  type DaySeries,
  forecastTrackRecord,
  MAX_RESERVE_PERCENT,
  NO_TRACK_RECORD_RESERVE_PERCENT,
  transformerReserveKw,
} from '@village/planning';
import { describe, expect, it } from 'vitest';

const SLOT = 60;
const flat = (date: string, kw: number): DaySeries => ({ date, kw: new Array<number>(24).fill(kw) });

/** A noon-to-noon plan of `date` on hourly slots, forecasting `kw` of fixed net load in every slot. */
const plan = (date: string, kw: number) => ({
  date,
  slotMinutes: SLOT,
  startMinuteOfDay: 720,
  forecastFixedKw: new Array<number>(24).fill(kw),
});

describe('forecastTrackRecord', () => {
  it('finds the largest shortfall of meters minus planned loads against the forecast, across midnight', () => {
    const meterA = [flat('2026-03-10', 1.5), flat('2026-03-11', 1.5)];
    const meterB = [flat('2026-03-10', 1.5), flat('2026-03-11', 1.5)];
    // B ran a 0.5 kW planned load all day: its fixed load is 1 kW, except at 19:00 on the 10th,
    // where the meter read 2.2 kW (fixed 1.7): village fixed 3.2 kW against a 2.5 kW forecast.
    const b10 = meterB[0];
    if (b10) b10.kw[19] = 2.2;
    const movableB = [flat('2026-03-10', 0.5), flat('2026-03-11', 0.5)];
    const record = forecastTrackRecord({
      plans: [plan('2026-03-10', 2.5)],
      meterKw: new Map([
        ['A', meterA],
        ['B', meterB],
      ]),
      movableKw: new Map([['B', movableB]]),
      slotMinutes: SLOT,
    });
    expect(record.plansCompared).toBe(1);
    expect(record.shortfallKw).toBeCloseTo(0.7, 9);
  });

  it('does not count a plan whose evening and night the meters have not seen', () => {
    // Only the 10th is known: the horizon's second half (the 11th, 00:00–12:00) is missing.
    const record = forecastTrackRecord({
      plans: [plan('2026-03-10', 0)],
      meterKw: new Map([['A', [flat('2026-03-10', 5)]]]),
      movableKw: new Map(),
      slotMinutes: SLOT,
    });
    expect(record).toEqual({ plansCompared: 0, shortfallKw: 0 });
  });

  it('scales up for a meter that missed a reading instead of reading it as zero', () => {
    const homes = Array.from({ length: 20 }, (_, i) => {
      const days = [flat('2026-03-10', 1), flat('2026-03-11', 1)];
      if (i === 0 && days[0]) days[0].kw[15] = null;
      return [`H${i}`, days] as const;
    });
    const record = forecastTrackRecord({
      plans: [plan('2026-03-10', 20)],
      meterKw: new Map(homes),
      movableKw: new Map(),
      slotMinutes: SLOT,
    });
    expect(record.plansCompared).toBe(1);
    expect(record.shortfallKw).toBeCloseTo(0, 9);
  });

  it('ignores plans without a forecast or on another slot length, and looks at the newest week only', () => {
    const dates = Array.from({ length: 10 }, (_, i) => `2026-03-${String(10 + i).padStart(2, '0')}`);
    const meter = [...dates, '2026-03-20'].map((date) => flat(date, 1));
    // The oldest plans forecast nothing (1 kW short); the newest seven forecast right.
    const plans = dates.map((date, i) => plan(date, i < 3 ? 0 : 1));
    const record = forecastTrackRecord({
      plans: [
        ...plans,
        { ...plan('2026-03-19', 0), slotMinutes: 15 },
        { date: '2026-03-18', slotMinutes: SLOT },
      ],
      meterKw: new Map([['A', meter]]),
      movableKw: new Map(),
      slotMinutes: SLOT,
    });
    expect(record).toEqual({ plansCompared: 7, shortfallKw: 0 });
  });
});

describe('transformerReserveKw', () => {
  const limit = 920;
  it('keeps 10 % until a plan can be checked against the meters', () => {
    expect(transformerReserveKw(limit, 3, { plansCompared: 0, shortfallKw: 0 })).toBeCloseTo(
      (limit * NO_TRACK_RECORD_RESERVE_PERCENT) / 100,
      9,
    );
  });
  it('covers the largest recent shortfall with 10 % to spare and 1 % of the limit', () => {
    expect(transformerReserveKw(limit, 3, { plansCompared: 4, shortfallKw: 50 })).toBeCloseTo(
      1.1 * 50 + 9.2,
      9,
    );
  });
  it('never goes below the operator’s reserve nor above 15 % unless the operator asks for more', () => {
    expect(transformerReserveKw(limit, 3, { plansCompared: 7, shortfallKw: 2 })).toBeCloseTo(27.6, 9);
    expect(transformerReserveKw(limit, 3, { plansCompared: 7, shortfallKw: 400 })).toBeCloseTo(
      (limit * MAX_RESERVE_PERCENT) / 100,
      9,
    );
    expect(transformerReserveKw(limit, 20, { plansCompared: 7, shortfallKw: 400 })).toBeCloseTo(184, 9);
  });
});
