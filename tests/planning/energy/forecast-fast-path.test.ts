import { createRng, type Rng, toZonedIso } from '@village/domain';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  weekdayOf,
} from '../../../packages/planning/src/energy/calendar.ts';
import { parseInstantMs } from '../../../packages/planning/src/energy/forecast/iso-instant.ts';
import {
  type DaySeries,
  dayTypeProfiles,
  forecastBaseKw,
  forecastSolarKw,
  type MeterSample,
  meterDaySeries,
} from '../../../packages/planning/src/energy/index.ts';
import { syntheticMeter } from './synthetic-meter.ts';

/**
 * The forecasts' fast paths (timestamps read digit by digit, typed-array sums, insertion-sorted
 * medians, memoised dates) against the straightforward code they replaced, kept here as the
 * reference: the outputs must be the same to the bit (`toStrictEqual` tells -0 from 0), on inputs
 * far messier than meters send.
 */

// ---- The reference: the code before the fast paths, verbatim but for names. ----

function referenceMeterDaySeries(
  samples: readonly MeterSample[],
  options: {
    slotMinutes: number;
    maxGapMinutes?: number;
    minSlotCoverage?: number;
    utcOffsetMinutes?: number;
  },
): DaySeries[] {
  const { slotMinutes } = options;
  const maxGapMinutes = options.maxGapMinutes ?? 60;
  const minCoverage = options.minSlotCoverage ?? 0.5;
  const offset = options.utcOffsetMinutes ?? 420;
  const readings = samples
    .map((sample) => ({ minute: Date.parse(sample.ts) / 60_000 + offset, sample }))
    .filter((r) => Number.isFinite(r.minute))
    .sort((a, b) => a.minute - b.minute)
    .filter((r, i, all) => i === 0 || r.minute !== all[i - 1]?.minute);
  type Slot = { energyKwh: number; coveredMinutes: number; kwSum: number; kwCount: number };
  const slots = new Map<number, Slot>();
  const slotAt = (index: number) => {
    let slot = slots.get(index);
    if (!slot) {
      slot = { energyKwh: 0, coveredMinutes: 0, kwSum: 0, kwCount: 0 };
      slots.set(index, slot);
    }
    return slot;
  };
  const spread = (from: number, to: number, kwh: number) => {
    const length = to - from;
    if (length <= 0) return;
    for (let index = Math.floor(from / slotMinutes); index * slotMinutes < to; index++) {
      const overlap = Math.min(to, (index + 1) * slotMinutes) - Math.max(from, index * slotMinutes);
      if (overlap <= 0) continue;
      const slot = slotAt(index);
      slot.energyKwh += (kwh * overlap) / length;
      slot.coveredMinutes += overlap;
    }
  };
  let previous: { minute: number; kwh: number } | undefined;
  for (const { minute, sample } of readings) {
    if (sample.kw !== undefined && Number.isFinite(sample.kw)) {
      const slot = slotAt(Math.floor(minute / slotMinutes));
      slot.kwSum += sample.kw;
      slot.kwCount += 1;
    }
    const kwh = sample.kwhTotal;
    if (kwh === undefined || !Number.isFinite(kwh)) continue;
    if (previous && minute - previous.minute <= maxGapMinutes && kwh >= previous.kwh) {
      spread(previous.minute, minute, kwh - previous.kwh);
    }
    previous = { minute, kwh };
  }
  const slotsPerDay = 1440 / slotMinutes;
  const days = new Map<number, (number | null)[]>();
  for (const [index, slot] of slots) {
    const day = Math.floor(index / slotsPerDay);
    let kw = days.get(day);
    if (!kw) {
      kw = new Array<number | null>(slotsPerDay).fill(null);
      days.set(day, kw);
    }
    const registerKw =
      slot.coveredMinutes >= minCoverage * slotMinutes ? slot.energyKwh / (slot.coveredMinutes / 60) : null;
    const sampleKw = slot.kwCount > 0 ? slot.kwSum / slot.kwCount : null;
    kw[index - day * slotsPerDay] =
      registerKw === null || (sampleKw !== null && sampleKw < 0) ? sampleKw : registerKw;
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, kw]) => ({ date: new Date(day * 86_400_000).toISOString().slice(0, 10), kw }));
}

function referenceMedian(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

function referenceFillCircularGaps(values: readonly (number | undefined)[]): number[] {
  const n = values.length;
  const known = values.flatMap((v, i) => (v === undefined ? [] : [i]));
  if (known.length === 0) return new Array<number>(n).fill(0);
  return values.map((value, i) => {
    if (value !== undefined) return value;
    const nextIndex = known.find((k) => k > i) ?? (known[0] ?? 0) + n;
    const prevIndex = [...known].reverse().find((k) => k < i) ?? (known[known.length - 1] ?? 0) - n;
    const prev = values[(prevIndex + n) % n] ?? 0;
    const next = values[nextIndex % n] ?? 0;
    return prev + ((next - prev) * (i - prevIndex)) / (nextIndex - prevIndex);
  });
}

/** The reference `dayTypeProfiles` with no holidays and default options. */
function referenceProfiles(history: readonly DaySeries[], before: string, minDays: [number, number]) {
  const usable = history
    .filter(
      (day) =>
        Date.parse(`${day.date}T00:00:00Z`) < Date.parse(`${before}T00:00:00Z`) &&
        day.kw.filter((kw) => kw !== null).length / day.kw.length >= 0.8,
    )
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .filter((day, i, all) => i === 0 || day.date !== all[i - 1]?.date);
  const profile = (weekend: boolean, wanted: number, min: number) => {
    const days = usable
      .filter((day) => [0, 6].includes(new Date(`${day.date}T00:00:00Z`).getUTCDay()) === weekend)
      .slice(0, wanted);
    if (days.length < Math.max(1, min)) return { kw: null, daysUsed: [] };
    const values = Array.from({ length: days[0]?.kw.length ?? 0 }, (_, s) =>
      referenceMedian(
        days.flatMap((day) => (day.kw[s] === null || day.kw[s] === undefined ? [] : [day.kw[s]])),
      ),
    );
    return { kw: referenceFillCircularGaps(values), daysUsed: days.map((day) => day.date) };
  };
  return { weekday: profile(false, 10, minDays[0]), weekend: profile(true, 4, minDays[1]) };
}

// ---- Messy inputs. ----

const START_MS = Date.parse('2026-02-26T00:00:00+07:00');

/** A timestamp in one of the forms a device or the store may send, some of them not ISO at all. */
function messyTimestamp(rng: Rng, ms: number): string {
  const form = rng.int(10);
  if (form <= 3) return new Date(ms).toISOString();
  if (form <= 6) return toZonedIso(ms);
  if (form === 7) return new Date(ms).toISOString().replace('.000Z', 'Z');
  if (form === 8) return toZonedIso(ms, 'Asia/Kolkata'); // +05:30
  return rng.pick([
    'not a time',
    '',
    '2026-02-30T10:00:00Z',
    '2026-03-01T24:00:00Z',
    new Date(ms).toString(),
  ]);
}

function messyMeter(seed: number, options: { everyMinutes: number; days: number }): MeterSample[] {
  const rng = createRng(seed);
  const samples: MeterSample[] = [];
  let kwh = 500;
  for (let minute = 0; minute < options.days * 1440; minute += options.everyMinutes) {
    if (rng.next() < 0.05) continue; // lost
    // Jitter of whole seconds and milliseconds, as real devices report.
    const ms = START_MS + minute * 60_000 + (rng.next() < 0.3 ? rng.int(90_000) : 0);
    kwh += rng.next() < 0.01 ? -kwh + 3 : rng.next() * 0.6; // a replaced meter now and then
    const kw = rng.next() < 0.2 ? -rng.next() * 2 : rng.next() * 3;
    const sample: MeterSample = { ts: messyTimestamp(rng, ms) };
    if (rng.next() < 0.9) sample.kwhTotal = Math.round(kwh * 1000) / 1000;
    if (rng.next() < 0.8) sample.kw = rng.next() < 0.02 ? Number.NaN : Math.round(kw * 1000) / 1000;
    if (rng.next() < 0.02) sample.kw = rng.pick([0, -0]);
    samples.push(sample);
    if (rng.next() < 0.03) samples.push({ ...sample, kw: (sample.kw ?? 0) + 1 }); // redelivered, differs
  }
  // Late deliveries: a few readings moved later in the list.
  for (let k = 0; k < samples.length / 50; k++) {
    const from = rng.int(samples.length);
    const [moved] = samples.splice(from, 1);
    if (moved) samples.splice(Math.min(samples.length, from + rng.int(40)), 0, moved);
  }
  return samples;
}

describe('parseInstantMs', () => {
  it('is Date.parse, for the forms it reads itself and for anything else', () => {
    const rng = createRng(7);
    const strings = [
      '1970-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '0000-02-29T12:00:00.500+07:00',
      '1600-02-29T00:00:00-00:00',
      '1900-02-29T00:00:00Z',
      '2000-02-29T23:59:59.999Z',
      '2024-12-31T23:59:59.999-11:45',
      '9999-12-31T23:59:59.999Z',
      '2026-03-11T10:00:00+07:00',
      '2026-03-11T10:00:00+24:00',
      '2026-03-11T10:00:00+07:60',
      '2026-03-11T10:00:00+0700',
      '2026-03-11T10:00:00',
      '2026-03-11T10:00:00.1Z',
      '2026-03-11T10:00:00.12345Z',
      '2026-03-11T10:60:00Z',
      '2026-03-11T10:00:60Z',
      '2026-13-11T10:00:00Z',
      '2026-00-11T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-03-11t10:00:00z',
      '2026-03-11 10:00:00Z',
      '+002026-03-11T10:00:00Z',
      '2026-03-11T10:00:00Z ',
      '2026-3-11T10:00:00Z',
      '2026-03-1aT10:00:00Z',
      '2026-03-11',
      'Wed Mar 11 2026 10:00:00 GMT+0700',
      '',
    ];
    for (let i = 0; i < 20_000; i++) {
      const ms = rng.range(-62_000_000_000_000, 253_000_000_000_000);
      const date = new Date(Math.round(ms));
      strings.push(date.toISOString(), toZonedIso(date.getTime()), messyTimestamp(rng, date.getTime()));
    }
    for (const ts of strings) expect(parseInstantMs(ts), ts).toBe(Date.parse(ts));
  });
});

describe('meterDaySeries, fast path', () => {
  it('equals the straightforward reference on messy meters, one after another', () => {
    const cases = [
      { everyMinutes: 15, days: 9, options: { slotMinutes: 15 } },
      { everyMinutes: 5, days: 4, options: { slotMinutes: 15 } },
      { everyMinutes: 7, days: 3, options: { slotMinutes: 30, maxGapMinutes: 240 } },
      { everyMinutes: 15, days: 3, options: { slotMinutes: 60, minSlotCoverage: 0 } },
      { everyMinutes: 20, days: 3, options: { slotMinutes: 10, utcOffsetMinutes: 0 } },
      { everyMinutes: 1, days: 1, options: { slotMinutes: 1, minSlotCoverage: 1 } },
    ];
    // Several meters in a row with the same and with other timestamps: the parsed-timestamp memo
    // carries from one call to the next.
    let seed = 1;
    for (const { everyMinutes, days, options } of cases) {
      for (let meter = 0; meter < 4; meter++) {
        const samples = messyMeter(meter % 2 === 0 ? seed : seed++, { everyMinutes, days });
        expect(meterDaySeries(samples, options)).toStrictEqual(referenceMeterDaySeries(samples, options));
      }
    }
  });

  it('equals the reference on in-order meters sharing timestamp strings, as the month simulation sends', () => {
    const instants = Array.from({ length: 4 * 96 }, (_, i) => new Date(START_MS + i * 900_000).toISOString());
    const rng = createRng(3);
    for (let meter = 0; meter < 5; meter++) {
      let kwh = 100 * meter;
      const samples = instants
        .filter(() => rng.next() > 0.02)
        .map((ts) => {
          kwh += rng.next() * 0.4;
          return {
            ts,
            kwhTotal: Math.round(kwh * 1000) / 1000,
            kw: Math.round(rng.range(-1, 2) * 1000) / 1000,
          };
        });
      expect(meterDaySeries(samples, { slotMinutes: 15 })).toStrictEqual(
        referenceMeterDaySeries(samples, { slotMinutes: 15 }),
      );
    }
    expect(meterDaySeries([], { slotMinutes: 15 })).toStrictEqual([]);
  });
});

describe('day-type profiles and solar, fast path', () => {
  it('equal the reference medians (ties, -0 and 0, gaps around midnight included)', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 40; trial++) {
      const firstDate = '2026-02-01';
      const history: DaySeries[] = Array.from({ length: 30 }, (_, d) => ({
        date: addDays(firstDate, d),
        kw: Array.from({ length: 96 }, (_, s) => {
          const roll = rng.next();
          // Whole slots unknown on every day near midnight in some trials: interpolated.
          if (trial % 3 === 0 && (s < 3 || s > 92)) return null;
          if (roll < 0.05) return null;
          if (roll < 0.15) return rng.pick([0, -0, 1, 2]); // ties
          return Math.round(rng.range(-1, 4) * 100) / 100;
        }),
      }));
      const before = addDays(firstDate, 10 + rng.int(25));
      expect(dayTypeProfiles(history, { before }, { weekday: 3, weekend: 2 })).toStrictEqual(
        referenceProfiles(history, before, [3, 2]),
      );
      const solar = forecastSolarKw({
        slotMinutes: 15,
        slots: 96,
        startMinuteOfDay: 0,
        date: before,
        history,
      });
      // The solar forecast is the median of the last five usable days of either type.
      expect(solar.daysUsed.length).toBeGreaterThan(0);
      const lastFive = [...history]
        .filter((day) => day.date < before && day.kw.filter((v) => v !== null).length / 96 >= 0.8)
        .reverse()
        .slice(0, 5);
      const values = Array.from({ length: 96 }, (_, s) =>
        referenceMedian(lastFive.flatMap((day) => (day.kw[s] === null ? [] : [day.kw[s] as number]))),
      );
      expect(solar.kw).toStrictEqual(referenceFillCircularGaps(values).map((kw) => Math.max(0, kw)));
    }
  });

  it('forecastBaseKw given the profiles it would compute gives the same forecast', () => {
    const { samples } = syntheticMeter({ firstDate: '2026-02-20', days: 18, seed: 5, missedShare: 0.05 });
    const history = meterDaySeries(samples, { slotMinutes: 15 });
    const horizon = { slotMinutes: 15, slots: 96, startMinuteOfDay: 720, date: '2026-03-09' };
    const profiles = dayTypeProfiles(history, { before: horizon.date }, { weekday: 3, weekend: 2 });
    const zeros = history.map((day) => ({ date: day.date, kw: day.kw.map(() => 0) }));
    const computed = forecastBaseKw({ ...horizon, history, flexibleHistory: zeros, holidays: [] });
    expect(forecastBaseKw({ ...horizon, history, profiles })).toStrictEqual(computed);
  });
});

describe('calendar memo', () => {
  it('gives what the date arithmetic gives, and still refuses what is not a date', () => {
    for (let day = -800_000; day < 3_000_000; day += 997) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
      expect(dayNumber(date)).toBe(day);
      expect(dateOfDayNumber(day)).toBe(date);
      expect(weekdayOf(date)).toBe(
        ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(day * 86_400_000).getUTCDay()],
      );
    }
    for (let twice = 0; twice < 2; twice++) {
      expect(() => dayNumber('2026-02-30')).toThrow(/invalid date/);
      expect(() => dayNumber('2026-3-1')).toThrow(/invalid date/);
    }
  });
});
