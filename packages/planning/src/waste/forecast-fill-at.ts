import { BAND_Z } from './fill-projection.ts';
import type { BinForecast } from './forecast-types.ts';
import { HOUR_MS } from './local-calendar.ts';

/**
 * Reads a forecast at any instant: linear between its hourly points (exact for the expected curve,
 * which is linear within a local hour), the current level before the first one, the last point
 * beyond the horizon (so keep the horizon past the next planned run).
 *
 * `collectedAtMs`: a crew emptied the bin after everything the forecast knew (its last emptying and
 * its last reading: the report arrived after the forecast was made). The forecast then restarts
 * from empty at that instant, filling at the bin's mean weekday rate, a plain approximation good
 * enough until the next forecast. Readings after the report win, as in `forecastBin`.
 */

export interface FillAt {
  fillPercent: number;
  /** Upper edge of the forecast's 80 % band. */
  highPercent: number;
  /** The crew's report restarted the forecast. */
  restarted: boolean;
}

export function forecastFillAt(forecast: BinForecast, atMs: number, collectedAtMs?: number): FillAt | null {
  const rate = forecast.ratePercentPerHour;
  const known = Math.max(
    forecast.lastEmptiedAtMs ?? Number.NEGATIVE_INFINITY,
    forecast.lastReadingAtMs ?? Number.NEGATIVE_INFINITY,
  );
  if (collectedAtMs !== undefined && collectedAtMs > known) {
    if (rate === null) return null;
    const fill = Math.min(100, (rate * Math.max(0, atMs - collectedAtMs)) / HOUR_MS);
    const high = Math.min(100, fill * (1 + BAND_Z * forecast.model.relativeSpread));
    return { fillPercent: fill, highPercent: high, restarted: true };
  }
  const current = forecast.currentFillPercent;
  if (current === null) return null;
  const points = forecast.hourly;
  const first = points[0];
  if (atMs <= forecast.nowMs || !first)
    return { fillPercent: current, highPercent: current, restarted: false };
  if (atMs <= first.atMs) {
    const share = (atMs - forecast.nowMs) / (first.atMs - forecast.nowMs);
    return {
      fillPercent: current + share * (first.fillPercent - current),
      highPercent: current + share * (first.highPercent - current),
      restarted: false,
    };
  }
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (atMs > b.atMs) continue;
    const a = points[i - 1]!;
    const share = (atMs - a.atMs) / (b.atMs - a.atMs);
    return {
      fillPercent: a.fillPercent + share * (b.fillPercent - a.fillPercent),
      highPercent: a.highPercent + share * (b.highPercent - a.highPercent),
      restarted: false,
    };
  }
  const last = points[points.length - 1]!;
  return { fillPercent: last.fillPercent, highPercent: last.highPercent, restarted: false };
}
