import { createRng, toZonedIso } from '@village/domain';
import type { MeterSample } from '../../../packages/planning/src/energy/index.ts';

/** Local midnight (UTC+7) of a date, epoch ms. */
export function localMidnightMs(date: string): number {
  return Date.parse(`${date}T00:00:00+07:00`);
}

/** A weekday home: low night, morning bump, big evening peak. kW per 15-minute slot of the day. */
export function weekdayProfileKw(slot: number): number {
  const hour = slot / 4;
  return 0.25 + (hour >= 6 && hour < 8 ? 0.6 : 0) + (hour >= 17 && hour < 22 ? 1.5 : 0);
}

/** Weekends: up later, home at midday, a smaller evening. */
export function weekendProfileKw(slot: number): number {
  const hour = slot / 4;
  return 0.3 + (hour >= 9 && hour < 14 ? 0.9 : 0) + (hour >= 18 && hour < 21 ? 0.8 : 0);
}

export interface SyntheticMeterOptions {
  firstDate: string;
  days: number;
  seed: number;
  /** Relative noise per 15-minute slot (uniform ±). Default 0.1. */
  noise?: number;
  /** Share of readings lost. */
  missedShare?: number;
  /** Share of readings delivered twice. */
  duplicateShare?: number;
  /** Whole hours without any reading: [dayIndex, fromHour, toHour]. */
  outages?: [number, number, number][];
  /** Reading every this many minutes. Default 5. */
  everyMinutes?: number;
  /** Rooftop generation to subtract (net metering): kW per 15-minute slot. */
  solarKw?: (slot: number) => number;
  /** Extra load on top of the profile (a pump the plans ran): kW per 15-minute slot, weekdays only. */
  weekdayExtraKw?: (slot: number) => number;
  /** Days (`YYYY-MM-DD`) lived like a weekend (holidays). */
  offDays?: readonly string[];
}

/**
 * A meter over `days` days whose true demand follows the weekday/weekend profile × (1 + noise), held
 * for each 15-minute slot: register readings are the exact integral of imports (exports do not
 * count), `kw` the net power at the instant. Returns the samples and the true net kW per slot.
 */
export function syntheticMeter(options: SyntheticMeterOptions): { samples: MeterSample[]; trueKw: number[] } {
  const rng = createRng(options.seed);
  const noise = options.noise ?? 0.1;
  const every = options.everyMinutes ?? 5;
  const start = localMidnightMs(options.firstDate);
  const slots = options.days * 96;
  const offDays = new Set(options.offDays ?? []);
  const trueKw = Array.from({ length: slots }, (_, i) => {
    const day = Math.floor(i / 96);
    const date = new Date(start + day * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 || offDays.has(date);
    const demand =
      (weekend ? weekendProfileKw : weekdayProfileKw)(i % 96) * (1 + noise * (2 * rng.next() - 1));
    const extra = weekend ? 0 : (options.weekdayExtraKw?.(i % 96) ?? 0);
    return demand + extra - (options.solarKw?.(i % 96) ?? 0);
  });
  const samples: MeterSample[] = [];
  let registerKwh = 1234.5;
  const outage = (minute: number) =>
    (options.outages ?? []).some(
      ([day, from, to]) => minute >= day * 1440 + from * 60 && minute < day * 1440 + to * 60,
    );
  for (let minute = 0; minute <= options.days * 1440; minute += every) {
    if (minute > 0) {
      // Integrate imports over the last `every` minutes, slot by slot.
      for (let m = minute - every; m < minute; m++) {
        registerKwh += Math.max(0, trueKw[Math.floor(m / 15)] ?? 0) / 60;
      }
    }
    if (outage(minute) || rng.next() < (options.missedShare ?? 0)) continue;
    const sample = {
      ts: toZonedIso(start + minute * 60_000),
      kwhTotal: Math.round(registerKwh * 1000) / 1000,
      kw: Math.round((trueKw[Math.floor(minute / 15)] ?? 0) * 1000) / 1000,
    };
    samples.push(sample);
    if (rng.next() < (options.duplicateShare ?? 0)) samples.push({ ...sample });
  }
  return { samples, trueKw };
}
