import type { FillReading } from './forecast-types.ts';
import { HOUR_MS, type LocalCalendar } from './local-calendar.ts';
import { shrink } from './robust-stats.ts';

/**
 * When in the day a bin fills: 24 multipliers (one per local hour) averaging 1. Households fill
 * around meals, the morning market before noon; a flat rate would put the threshold crossing hours
 * off within the day even when the daily total is right. Because the multipliers average 1, a
 * whole day always integrates to 24 rate-hours: the profile moves fill within a day, never the
 * day's total, so a poor profile cannot bias multi-day forecasts.
 *
 * Method: every pair of consecutive readings of a cycle (at most `maxGapHours` apart) spreads its
 * rise over the local hours it covers, in proportion to time. Per hour of day, rise ÷ hours
 * observed is that hour's rate, divided by the mean over the hours → raw multipliers. These are
 * smoothed with their neighbours (¼, ½, ¼: one hour's estimate from a few days of noisy 1-point
 * rises is poor) and shrunk toward flat: (n·raw + k·1)/(n + k), n = days that hour was observed,
 * k = `priorDays` (default 3). A bin with three days of history gets a half-way profile, a new bin a
 * flat one.
 */

export interface HourProfileOptions {
  maxGapHours: number;
  priorDays: number;
  /** Lowest multiplier kept, so that no hour is ever predicted to add nothing at all. */
  floor: number;
}

export const FLAT_PROFILE: readonly number[] = Array.from({ length: 24 }, () => 1);

export function estimateHourProfile(
  cycles: readonly (readonly FillReading[])[],
  calendar: LocalCalendar,
  options: HourProfileOptions,
): number[] {
  const rise = new Float64Array(24);
  const hours = new Float64Array(24);
  for (const readings of cycles) {
    for (let i = 1; i < readings.length; i++) {
      const a = readings[i - 1]!;
      const b = readings[i]!;
      const span = b.atMs - a.atMs;
      if (span <= 0 || span > options.maxGapHours * HOUR_MS) continue;
      const delta = b.fillPercent - a.fillPercent;
      calendar.eachHour(a.atMs, b.atMs, (hour, from, to) => {
        rise[hour.hourOfDay]! += (delta * (to - from)) / span;
        hours[hour.hourOfDay]! += (to - from) / HOUR_MS;
      });
    }
  }

  const rates: number[] = [];
  for (let h = 0; h < 24; h++) if (hours[h]! > 0) rates.push(rise[h]! / hours[h]!);
  const meanRate = rates.length > 0 ? rates.reduce((s, r) => s + r, 0) / rates.length : 0;
  if (!(meanRate > 0)) return [...FLAT_PROFILE];

  // Hours never observed keep a raw multiplier of 1 (they are shrunk fully to flat below anyway).
  const raw = Array.from({ length: 24 }, (_, h) =>
    hours[h]! > 0 ? Math.max(0, rise[h]! / hours[h]! / meanRate) : 1,
  );
  const at = (h: number) => raw[(h + 24) % 24]!;
  const seen = (h: number) => hours[(h + 24) % 24]!;
  const profile = raw.map((_, h) => {
    const smoothed = 0.25 * at(h - 1) + 0.5 * at(h) + 0.25 * at(h + 1);
    const evidence = 0.25 * seen(h - 1) + 0.5 * seen(h) + 0.25 * seen(h + 1);
    return Math.max(options.floor, shrink(smoothed, evidence, 1, options.priorDays));
  });
  const mean = profile.reduce((s, v) => s + v, 0) / 24;
  return profile.map((v) => v / mean);
}
