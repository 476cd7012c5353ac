import type { FillReading } from './forecast-types.ts';
import { median } from './robust-stats.ts';

/**
 * First pass over a bin's readings: time order, one value per instant, and single-reading glitches
 * removed. Telemetry is at-least-once and may arrive late, so the input can be in any order and hold
 * the same reading twice.
 */

export interface CleanReadingsOptions {
  /** Keep readings in [fromMs, toMs]: the history window up to now (nothing from the future). */
  fromMs: number;
  toMs: number;
  /**
   * A reading that differs by more than this from both neighbours, while the neighbours agree with
   * each other within it, is a glitch (an echo off a bag, a splash). % points.
   */
  glitchPercent: number;
}

export interface CleanedReadings {
  readings: FillReading[];
  /** Readings merged because another had the same instant (redelivery). */
  duplicates: number;
  glitches: number;
}

export function cleanReadings(raw: readonly FillReading[], options: CleanReadingsOptions): CleanedReadings {
  const valid = raw
    .filter(
      (r) =>
        Number.isFinite(r.atMs) &&
        Number.isFinite(r.fillPercent) &&
        r.atMs >= options.fromMs &&
        r.atMs <= options.toMs,
    )
    .map((r) => ({ atMs: r.atMs, fillPercent: Math.min(100, Math.max(0, r.fillPercent)) }))
    .sort((a, b) => a.atMs - b.atMs);

  // Same instant: a redelivered message carries the same value; if values ever conflict, the median
  // of them is the least surprising choice.
  const merged: FillReading[] = [];
  let duplicates = 0;
  for (let i = 0; i < valid.length; ) {
    let j = i + 1;
    while (j < valid.length && valid[j]!.atMs === valid[i]!.atMs) j++;
    const group = valid.slice(i, j);
    duplicates += group.length - 1;
    merged.push({ atMs: valid[i]!.atMs, fillPercent: median(group.map((r) => r.fillPercent)) });
    i = j;
  }

  // A fill level only rises between emptyings, so a monotone stretch can never trip this test: the
  // middle reading of a rising triple lies between its neighbours. An emptying does not trip it
  // either (the readings after the drop agree with the dropped one). The latest reading has no
  // successor to confirm it and is trusted: a bin emptied an hour ago must read as empty.
  const readings: FillReading[] = [];
  let glitches = 0;
  for (let i = 0; i < merged.length; i++) {
    const current = merged[i]!;
    const previous = readings[readings.length - 1];
    const next = merged[i + 1];
    if (previous && next) {
      const t = options.glitchPercent;
      const offPrevious = Math.abs(current.fillPercent - previous.fillPercent) > t;
      const offNext = Math.abs(current.fillPercent - next.fillPercent) > t;
      const neighboursAgree = Math.abs(next.fillPercent - previous.fillPercent) <= t;
      if (offPrevious && offNext && neighboursAgree) {
        glitches++;
        continue;
      }
    }
    readings.push(current);
  }
  return { readings, duplicates, glitches };
}
