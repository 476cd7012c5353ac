import { describe, expect, it } from 'vitest';
import {
  atWillLoadHistory,
  type DaySeries,
  dayTypeProfiles,
  forecastBaseKw,
  forecastSolarKw,
  meterDaySeries,
  planToDaySeries,
  villageShape,
} from '../../../packages/planning/src/energy/index.ts';
import { syntheticMeter, weekdayProfileKw, weekendProfileKw } from './synthetic-meter.ts';

const DAY = { slotMinutes: 15, slots: 96, startMinuteOfDay: 0 };
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const bell = (slot: number, peakKw: number) => {
  const hour = slot / 4 + 0.125;
  return hour > 6 && hour < 18 ? peakKw * Math.sin(((hour - 6) / 12) * Math.PI) ** 1.5 : 0;
};

/** Four weeks to Tuesday 10 March 2026, with noise, lost and repeated readings and outages. */
function noisyHistory(extra: Partial<Parameters<typeof syntheticMeter>[0]> = {}): DaySeries[] {
  const { samples } = syntheticMeter({
    firstDate: '2026-02-11',
    days: 28,
    seed: 42,
    noise: 0.1,
    missedShare: 0.05,
    duplicateShare: 0.03,
    // A four-hour outage on one day, a whole lost Thursday (it must not count as a day).
    outages: [
      [2, 10, 14],
      [15, 0, 24],
    ],
    ...extra,
  });
  return meterDaySeries(samples, { slotMinutes: 15 });
}

function expectProfile(kw: readonly number[], profile: (slot: number) => number, offset = 0): void {
  kw.forEach((value, t) => {
    const truth = profile((t + offset) % 96);
    expect(Math.abs(value - truth), `slot ${t}: ${value} vs ${truth}`).toBeLessThanOrEqual(
      0.12 * truth + 0.02,
    );
  });
}

describe('forecastBaseKw', () => {
  const history = noisyHistory();

  it('recovers the weekday profile for a Wednesday and the weekend profile for a Saturday', () => {
    const wednesday = forecastBaseKw({ ...DAY, date: '2026-03-11', history });
    expectProfile(wednesday.kw, weekdayProfileKw);
    const trueKwh = sum(Array.from({ length: 96 }, (_, s) => weekdayProfileKw(s))) / 4;
    expect(Math.abs(sum(wednesday.kw) / 4 - trueKwh) / trueKwh).toBeLessThan(0.03);
    expect(wednesday.sources.weekday.source).toBe('meter');
    expect(wednesday.sources.weekday.daysUsed).toHaveLength(10);
    // The lost Thursday (26 Feb) is not among them; the most recent weekday comes first.
    expect(wednesday.sources.weekday.daysUsed[0]).toBe('2026-03-10');
    expect(wednesday.sources.weekday.daysUsed).not.toContain('2026-02-26');

    const saturday = forecastBaseKw({ ...DAY, date: '2026-03-14', history });
    expectProfile(saturday.kw, weekendProfileKw);
    expect(saturday.sources.weekend.daysUsed).toEqual([
      '2026-03-08',
      '2026-03-07',
      '2026-03-01',
      '2026-02-28',
    ]);
  });

  it('switches profile at midnight when the horizon runs from Friday evening into Saturday', () => {
    const forecast = forecastBaseKw({ ...DAY, startMinuteOfDay: 18 * 60, date: '2026-03-13', history });
    expectProfile(forecast.kw.slice(0, 24), weekdayProfileKw, 72);
    expectProfile(forecast.kw.slice(24), weekendProfileKw);
  });

  it('treats a public holiday as a weekend day', () => {
    const holiday = forecastBaseKw({ ...DAY, date: '2026-03-11', history, holidays: ['2026-03-11'] });
    expectProfile(holiday.kw, weekendProfileKw);
  });

  it('takes away the flexible loads past plans ran, and adds back measured solar', () => {
    const pumpKw = (slot: number) => (slot >= 40 && slot < 48 ? 2 : 0);
    const withPump = noisyHistory({ weekdayExtraKw: pumpKw });
    const dates = [...new Set(withPump.map((day) => day.date))];
    const flexibleHistory = dates.flatMap((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) return [];
      return planToDaySeries({
        date,
        startMinuteOfDay: 0,
        slotMinutes: 15,
        kw: Array.from({ length: 96 }, (_, s) => pumpKw(s)),
      });
    });
    const naive = forecastBaseKw({ ...DAY, date: '2026-03-11', history: withPump });
    expect(naive.kw[44]).toBeGreaterThan(2);
    expectProfile(
      forecastBaseKw({ ...DAY, date: '2026-03-11', history: withPump, flexibleHistory }).kw,
      weekdayProfileKw,
    );

    // A solar home: the meter sees demand − sun (negative at noon); generation is measured apart.
    const sunKw = (slot: number) => bell(slot, 3);
    const net = noisyHistory({ solarKw: sunKw });
    const solarHistory = [...new Set(net.map((day) => day.date))].map((date) => ({
      date,
      kw: Array.from({ length: 96 }, (_, s) => sunKw(s)),
    }));
    const blind = forecastBaseKw({ ...DAY, date: '2026-03-11', history: net });
    expect(blind.kw[48]).toBe(0); // exporting at noon: clipped, not negative
    expectProfile(
      forecastBaseKw({ ...DAY, date: '2026-03-11', history: net, solarHistory }).kw,
      weekdayProfileKw,
    );
  });

  it('falls back to the village-average shape when a meter is new', () => {
    const others = [noisyHistory(), noisyHistory({ seed: 7 })].map((h) =>
      dayTypeProfiles(h, { before: '2026-03-11' }, { weekday: 3, weekend: 2 }),
    );
    const shape = villageShape(others, 15);
    if (!shape) throw new Error('no village shape');
    // kW per kWh/day: a day of the shape holds exactly 1 kWh.
    expect(sum(shape.weekday) / 4).toBeCloseTo(1, 9);
    const newcomer = history.filter((day) => day.date === '2026-03-10');
    const forecast = forecastBaseKw({
      ...DAY,
      date: '2026-03-11',
      history: newcomer,
      fallback: { shape, kwhPerDay: 12 },
    });
    expect(forecast.sources.weekday.source).toBe('village-average');
    expect(sum(forecast.kw) / 4).toBeCloseTo(12, 6);
    // The shape is the village's: evening above night.
    expect(forecast.kw[76] ?? 0).toBeGreaterThan(3 * (forecast.kw[8] ?? 0));
    // Without a fallback and without history: zeros, and it says so.
    const nothing = forecastBaseKw({ ...DAY, date: '2026-03-11', history: [] });
    expect(nothing.kw.every((kw) => kw === 0)).toBe(true);
    expect(nothing.sources.weekday.source).toBe('none');
  });

  it('refuses a horizon off the day grid', () => {
    expect(() => forecastBaseKw({ ...DAY, slotMinutes: 7, date: '2026-03-11', history })).toThrow(/divide/);
    expect(() => forecastBaseKw({ ...DAY, startMinuteOfDay: 5, date: '2026-03-11', history })).toThrow(
      /multiple of slotMinutes/,
    );
  });
});

describe('forecastSolarKw', () => {
  const clear = (factor: number) => Array.from({ length: 96 }, (_, s) => bell(s, 4) * factor);
  const history: DaySeries[] = [
    { date: '2026-03-04', kw: clear(0.2) }, // too old: only the last 5 days count
    { date: '2026-03-05', kw: clear(0.95) },
    { date: '2026-03-06', kw: clear(1.05) },
    { date: '2026-03-07', kw: clear(0.3) }, // overcast
    { date: '2026-03-08', kw: clear(1.0) },
    { date: '2026-03-09', kw: [...clear(0.98).slice(0, 40), ...new Array(56).fill(null)] }, // mostly lost
    { date: '2026-03-10', kw: clear(1.02) },
    { date: '2026-03-11', kw: clear(0.1) }, // the forecast day itself: never used
  ];

  it('is the per-slot median of the recent days, robust to an overcast day', () => {
    const forecast = forecastSolarKw({ ...DAY, date: '2026-03-11', history });
    expect(forecast.daysUsed).toEqual(['2026-03-10', '2026-03-08', '2026-03-07', '2026-03-06', '2026-03-05']);
    forecast.kw.forEach((kw, s) => {
      expect(kw).toBeCloseTo(bell(s, 4) * 1.0, 9);
    });
    expect(Math.max(...forecast.kw)).toBeGreaterThan(3.9);
  });

  it('maps onto a horizon from 05:00 and gives zeros without history', () => {
    const from5 = forecastSolarKw({ ...DAY, startMinuteOfDay: 300, date: '2026-03-11', history });
    expect(from5.kw[28]).toBeCloseTo(bell(48, 4), 9); // slot 28 from 05:00 is 12:00
    const none = forecastSolarKw({ ...DAY, date: '2026-03-11', history: [] });
    expect(none.kw).toEqual(new Array(96).fill(0));
    expect(none.daysUsed).toEqual([]);
  });
});

describe('atWillLoadHistory', () => {
  it('lays each load from its window opening at full power, spilling past midnight', () => {
    const days = atWillLoadHistory(
      [
        {
          id: 'M',
          kind: 'e-motorbike-charger',
          interruptible: true,
          kw: 1,
          energyKwh: 3,
          earliest: '18:00',
          latest: '06:00',
        },
        {
          id: 'E',
          kind: 'ev-charger',
          interruptible: true,
          kw: 2,
          energyKwh: 4,
          earliest: '23:00',
          latest: '06:00',
        },
        {
          id: 'W',
          kind: 'water-heater',
          interruptible: false,
          kw: 2.5,
          durationMinutes: 45,
          earliest: '17:10',
          latest: '21:30',
        },
      ],
      ['2026-03-10', '2026-03-11'],
      15,
    );
    expect(days.map((day) => day.date)).toEqual(['2026-03-10', '2026-03-11']);
    const kw = days[1]?.kw ?? [];
    expect(kw[0]).toBe(2); // yesterday's car still charging 00:00–01:00
    expect(kw[4]).toBe(0);
    expect(kw[68]).toBeCloseTo((2.5 * 5) / 15, 9); // heater from 17:10: 5 of the slot's 15 minutes
    expect(kw[69]).toBe(2.5);
    expect(kw[72]).toBe(1); // charger 18:00–21:00
    expect(kw[83]).toBe(1);
    expect(kw[84]).toBe(0);
    expect(kw[92]).toBe(2); // car from 23:00
    expect(sum(kw.map((value) => value ?? 0)) / 4).toBeCloseTo(3 + 4 + 2.5 * 0.75, 9);
  });
});
