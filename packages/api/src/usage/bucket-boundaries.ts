import { toZonedIso } from '@village/domain';

export type UsageInterval = 'hour' | 'day';

export interface TimeBucket {
  startMs: number;
  endMs: number;
}

const UNIT_MS: Record<UsageInterval, number> = { hour: 3_600_000, day: 86_400_000 };

/** The zone's UTC offset at an instant, read back from `toZonedIso` so there is one source of zone rules. */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const suffix = toZonedIso(epochMs, timeZone).slice(19); // "+07:00" or "-03:30"
  const sign = suffix.startsWith('-') ? -1 : 1;
  const [hh = 0, mm = 0] = suffix.slice(1).split(':').map(Number);
  return sign * (hh * 60 + mm) * 60_000;
}

/**
 * Converts a wall-clock time (expressed as if it were UTC) to the instant it denotes in the zone.
 * The second lookup corrects the guess when the offset differs on either side of a DST switch;
 * Asia/Ho_Chi_Minh has none, but the helper should not silently assume that.
 */
function instantOfWallClock(wallMs: number, timeZone: string): number {
  const guess = wallMs - offsetMsAt(wallMs, timeZone);
  return wallMs - offsetMsAt(guess, timeZone);
}

/**
 * Consecutive buckets aligned to the zone's local hours or days that cover `[fromMs, toMs)`:
 * the first bucket starts at the local boundary at or before `fromMs`, the last one ends at the
 * boundary at or after `toMs`. Callers thus always get whole hours/days, never partial buckets.
 */
export function alignedBuckets(
  fromMs: number,
  toMs: number,
  interval: UsageInterval,
  timeZone: string,
): TimeBucket[] {
  if (!(toMs > fromMs)) return [];
  const unit = UNIT_MS[interval];
  const firstWall = Math.floor((fromMs + offsetMsAt(fromMs, timeZone)) / unit) * unit;
  const boundaries: number[] = [];
  for (let wall = firstWall; ; wall += unit) {
    const instant = instantOfWallClock(wall, timeZone);
    const previous = boundaries.at(-1);
    // A repeated wall-clock hour (DST fall-back) maps to the same instant twice: keep one.
    if (previous === undefined || instant > previous) boundaries.push(instant);
    if (instant >= toMs) break;
  }
  const buckets: TimeBucket[] = [];
  for (let i = 1; i < boundaries.length; i++) {
    buckets.push({ startMs: boundaries[i - 1] as number, endMs: boundaries[i] as number });
  }
  return buckets;
}
