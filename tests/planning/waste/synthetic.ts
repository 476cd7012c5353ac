import { createRng } from '@village/domain';
import type { FillReading } from '../../../packages/planning/src/waste/index.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Integration step of the true fill process. */
const SLICE = 10 * 60_000;
/** Monday 2026-03-02, 00:00 village time (UTC+07:00, no daylight saving). */
export const MONDAY = Date.parse('2026-03-02T00:00:00+07:00');

/** Local weekday of an instant in Vietnam (0 = Sunday). */
export function weekdayOf(epochMs: number): number {
  return new Date(epochMs + 7 * HOUR).getUTCDay();
}

export interface SeriesSpec {
  startMs: number;
  endMs: number;
  stepMs?: number;
  startLevel?: number;
  /** True rate, % per hour, optionally varying with time (day-type effects). */
  ratePerHour: number | ((atMs: number) => number);
  noiseSd?: number;
  seed?: number;
  /** The bin is emptied at these instants (to `residual`). */
  emptyAt?: number[];
  residual?: number;
  /** Readings dropped (missed reports). */
  missing?: (atMs: number, index: number) => boolean;
}

/** A bin's readings from a known fill process: true level integrated step by step, capped at 100. */
export function series(spec: SeriesSpec): FillReading[] {
  const step = spec.stepMs ?? HOUR;
  const rng = createRng(spec.seed ?? 1);
  const rate = typeof spec.ratePerHour === 'number' ? () => spec.ratePerHour as number : spec.ratePerHour;
  const empties = [...(spec.emptyAt ?? [])].sort((a, b) => a - b);
  const readings: FillReading[] = [];
  let level = spec.startLevel ?? 0;
  let index = 0;
  for (let t = spec.startMs; t <= spec.endMs; t += step) {
    if (t > spec.startMs) {
      // Integrate in 10-minute slices so day boundaries and emptyings inside a step are honoured.
      for (let m = t - step; m < t; m += SLICE) {
        if (empties.length > 0 && empties[0]! <= m) {
          empties.shift();
          level = spec.residual ?? 0;
        }
        level = Math.min(100, level + (rate(m) * Math.min(SLICE, t - m)) / HOUR);
      }
    }
    const noisy = level + (spec.noiseSd ?? 0) * rng.normal();
    if (!spec.missing?.(t, index)) {
      readings.push({ atMs: t, fillPercent: Math.round(Math.min(100, Math.max(0, noisy)) * 10) / 10 });
    }
    index++;
  }
  return readings;
}

/** Duplicates every reading and shuffles them, as at-least-once delivery and late arrival would. */
export function redelivered(readings: readonly FillReading[], seed = 3): FillReading[] {
  const rng = createRng(seed);
  const doubled = readings.flatMap((r) => [r, { ...r }]);
  for (let i = doubled.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [doubled[i], doubled[j]] = [doubled[j]!, doubled[i]!];
  }
  return doubled;
}
