import type { FillReading, SensorStatus } from './forecast-types.ts';
import { HOUR_MS } from './local-calendar.ts';
import { median, robustSd } from './robust-stats.ts';

/**
 * Is the sensor telling us anything? Two failure modes matter for planning:
 *
 * - **Stale**: no reading for longer than `staleAfterHours` (battery, radio, a broken mount). Old
 *   readings can still be projected forward, but nobody can vouch for them.
 * - **Stuck**: an ultrasonic sensor that keeps echoing off the same object reports the same value
 *   over and over. Real readings jitter by a point or so, so a long run of readings that stay within
 *   `tolerancePercent` of each other is suspicious. It is flagged only when the bin should visibly
 *   have filled during the run (by at least `minExpectedRisePercent` at its estimated rate, or
 *   whenever no rate is known): a school bin in the holidays may legitimately sit still. A bin that
 *   reads full is never called stuck: a full bin reads flat too.
 */

export interface FlatRun {
  /** Indexes into the readings, inclusive. */
  fromIndex: number;
  toIndex: number;
  startMs: number;
  endMs: number;
  levelPercent: number;
}

export interface FlatRunOptions {
  tolerancePercent: number;
  minHours: number;
  minReadings: number;
  /** Runs at or above this level are a full bin, not a stuck sensor. */
  saturationPercent: number;
}

/** Maximal runs of readings whose range stays within the tolerance, long enough to be suspicious. */
export function findFlatRuns(readings: readonly FillReading[], options: FlatRunOptions): FlatRun[] {
  const runs: FlatRun[] = [];
  let i = 0;
  while (i < readings.length) {
    let low = readings[i]!.fillPercent;
    let high = low;
    let j = i;
    while (j + 1 < readings.length) {
      const v = readings[j + 1]!.fillPercent;
      const nextLow = Math.min(low, v);
      const nextHigh = Math.max(high, v);
      if (nextHigh - nextLow > options.tolerancePercent) break;
      low = nextLow;
      high = nextHigh;
      j++;
    }
    const startMs = readings[i]!.atMs;
    const endMs = readings[j]!.atMs;
    const long = j - i + 1 >= options.minReadings && endMs - startMs >= options.minHours * HOUR_MS;
    const level = long ? median(readings.slice(i, j + 1).map((r) => r.fillPercent)) : Number.NaN;
    if (long && level < options.saturationPercent) {
      runs.push({ fromIndex: i, toIndex: j, startMs, endMs, levelPercent: level });
      i = j + 1;
    } else {
      // Restart past the run: any flat run starting inside it would be a shorter copy of it.
      i = long ? j + 1 : i + 1;
    }
  }
  return runs;
}

/** A flat run is a stuck sensor unless the bin was expected to stay (nearly) still meanwhile. */
export function isStuckRun(expectedRisePercent: number | null, minExpectedRisePercent: number): boolean {
  return expectedRisePercent === null || expectedRisePercent >= minExpectedRisePercent;
}

export interface StatusInput {
  nowMs: number;
  lastReadingAtMs: number | null;
  staleAfterHours: number;
  /** The flat run the latest reading belongs to, if it was judged stuck. */
  stuckRun: FlatRun | null;
}

export function sensorStatus(input: StatusInput): { status: SensorStatus; reason: string } {
  const hours = (ms: number) => `${Math.round((ms / HOUR_MS) * 10) / 10} h`;
  if (input.lastReadingAtMs === null) {
    return { status: 'no-data', reason: 'The sensor has sent no reading in the history window.' };
  }
  const age = input.nowMs - input.lastReadingAtMs;
  if (age > input.staleAfterHours * HOUR_MS) {
    return {
      status: 'stale',
      reason: `The last reading is ${hours(age)} old (stale after ${input.staleAfterHours} h).`,
    };
  }
  const run = input.stuckRun;
  if (run) {
    return {
      status: 'stuck',
      reason: `The sensor has read ${Math.round(run.levelPercent * 10) / 10} % for ${hours(run.endMs - run.startMs)} while the bin should have filled.`,
    };
  }
  return { status: 'ok', reason: 'Recent readings look plausible.' };
}

/**
 * The sensor's noise, from second differences of consecutive readings at most `maxGapHours` apart:
 * v[i+1] − 2·v[i] + v[i−1] cancels a steady fill and leaves noise with 6× its variance. Robust, so
 * the odd emptying or glitch does not count. `fallbackSd` when there are too few readings to tell.
 */
export function estimateNoiseSd(
  cycles: readonly (readonly FillReading[])[],
  maxGapHours: number,
  fallbackSd: number,
): number {
  const differences: number[] = [];
  for (const readings of cycles) {
    for (let i = 1; i + 1 < readings.length; i++) {
      const [a, b, c] = [readings[i - 1]!, readings[i]!, readings[i + 1]!];
      if (c.atMs - a.atMs > 2 * maxGapHours * HOUR_MS) continue;
      differences.push(c.fillPercent - 2 * b.fillPercent + a.fillPercent);
    }
  }
  if (differences.length < 5) return fallbackSd;
  return Math.max(0.1, robustSd(differences) / Math.sqrt(6));
}
