import type { DayFactors, FillReading, HourlyFill } from './forecast-types.ts';
import { HOUR_MS, type LocalCalendar, type LocalHour } from './local-calendar.ts';
import { clamp, median } from './robust-stats.ts';

/**
 * From a bin's level at an anchor instant and its rate model to the hourly forecast and the
 * threshold time, with an uncertainty band.
 *
 * Expected fill at t: `anchor level + rate × W(anchor, t)`, capped at 100 %, where W is elapsed time
 * weighted by the day-type factors and the hour profile (so W grows by ~24 per ordinary day).
 *
 * Band (about 80 %, z = 1.28): the rise is uncertain in relative terms — a day fills more or less
 * than a typical one (relative spread s), and the rate itself is an estimate from n days —
 *   σ(W) = s × √(1 / max(1, W/24) + 1 / max(1, n))
 * i.e. day-to-day variation averages out over a longer horizon, the rate's own error does not. The
 * level adds ± z × its standard error. Low = level − z·σ_level + rise × max(0, 1 − z·σ(W)); high
 * likewise with +. The threshold band is when the high curve (earliest) and the low one (latest)
 * reach the threshold.
 */

export interface Anchor {
  atMs: number;
  levelPercent: number;
  /** Standard error of that level, % points. */
  levelSdPercent: number;
}

export interface ProjectionModel {
  ratePercentPerHour: number;
  dayFactors: DayFactors;
  hourProfile: readonly number[];
  relativeSpread: number;
  evidenceDays: number;
}

export const BAND_Z = 1.2816;

export function rateWeight(model: ProjectionModel): (hour: LocalHour) => number {
  return (hour) => model.dayFactors[hour.dayType] * (model.hourProfile[hour.hourOfDay] ?? 1);
}

/**
 * The level at the latest usable reading: each reading of the last `windowHours` is carried forward
 * to that instant at the model's rate, and the median taken (a single noisy or glitched reading
 * cannot set the level). Its standard error is the sensor noise over √(readings used).
 */
export function anchorFromReadings(
  readings: readonly FillReading[],
  calendar: LocalCalendar,
  model: ProjectionModel,
  windowHours: number,
  noiseSdPercent: number,
): Anchor | null {
  const last = readings[readings.length - 1];
  if (!last) return null;
  const weight = rateWeight(model);
  const recent = readings.filter((r) => r.atMs >= last.atMs - windowHours * HOUR_MS);
  const carried = recent.map(
    (r) => r.fillPercent + model.ratePercentPerHour * calendar.integrate(r.atMs, last.atMs, weight),
  );
  return {
    atMs: last.atMs,
    levelPercent: clamp(median(carried), 0, 100),
    levelSdPercent: noiseSdPercent / Math.sqrt(recent.length),
  };
}

export interface Projection {
  currentFillPercent: number;
  hourly: HourlyFill[];
  thresholdAtMs: number | null;
  thresholdEarliestMs: number | null;
  thresholdLatestMs: number | null;
}

export function projectFill(
  anchor: Anchor,
  model: ProjectionModel,
  calendar: LocalCalendar,
  nowMs: number,
  horizonHours: number,
  thresholdPercent: number,
): Projection {
  const weight = rateWeight(model);
  const rate = model.ratePercentPerHour;
  const curves = (elapsed: number) => {
    const rise = rate * elapsed;
    const sigma =
      model.relativeSpread * Math.sqrt(1 / Math.max(1, elapsed / 24) + 1 / Math.max(1, model.evidenceDays));
    const expected = clamp(anchor.levelPercent + rise, 0, 100);
    const levelBand = BAND_Z * anchor.levelSdPercent;
    const low = clamp(anchor.levelPercent - levelBand + rise * Math.max(0, 1 - BAND_Z * sigma), 0, 100);
    const high = clamp(anchor.levelPercent + levelBand + rise * (1 + BAND_Z * sigma), 0, 100);
    return { expected, low: Math.min(low, expected), high: Math.max(high, expected) };
  };

  // Grid: now, then every local hour boundary up to the horizon. Within one local hour the rate is
  // constant, so linear interpolation between grid points is exact for the expected curve.
  const endMs = nowMs + horizonHours * HOUR_MS;
  let elapsed = anchor.atMs < nowMs ? calendar.integrate(anchor.atMs, nowMs, weight) : 0;
  const grid: { atMs: number; expected: number; low: number; high: number }[] = [
    { atMs: nowMs, ...curves(elapsed) },
  ];
  let t = nowMs;
  while (true) {
    const next = calendar.hourAt(t).endMs;
    if (next > endMs) break;
    elapsed += calendar.integrate(t, next, weight);
    grid.push({ atMs: next, ...curves(elapsed) });
    t = next;
  }

  const crossing = (key: 'expected' | 'low' | 'high'): number | null => {
    for (let i = 0; i < grid.length; i++) {
      const point = grid[i]!;
      if (point[key] < thresholdPercent) continue;
      const before = grid[i - 1];
      if (!before) return point.atMs;
      const share = (thresholdPercent - before[key]) / (point[key] - before[key]);
      return Math.round(before.atMs + share * (point.atMs - before.atMs));
    }
    return null;
  };

  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    currentFillPercent: round(grid[0]!.expected),
    hourly: grid.slice(1).map((p) => ({
      atMs: p.atMs,
      fillPercent: round(p.expected),
      lowPercent: round(p.low),
      highPercent: round(p.high),
    })),
    thresholdAtMs: crossing('expected'),
    thresholdEarliestMs: crossing('high'),
    thresholdLatestMs: crossing('low'),
  };
}
