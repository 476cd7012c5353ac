import type { TimeBucket } from './bucket-boundaries.ts';

/** One sample of a meter's cumulative import register. */
export interface RegisterSample {
  atMs: number;
  kwhTotal: number;
}

export interface BucketUsage extends TimeBucket {
  /** Energy used in the bucket; `null` when the register is unknown at either edge (never a guessed 0). */
  kwh: number | null;
}

export interface BucketUsageOptions {
  /**
   * How far from a bucket edge a reading may lie and still be used to interpolate the register at that
   * edge. Beyond it the meter was silent for too long to say when the energy was used, so the edge is
   * unknown rather than spread evenly over the gap.
   */
  maxBracketMs: number;
}

interface ContinuousSample {
  atMs: number;
  value: number;
}

/**
 * Turns the raw register into a non-decreasing series. A reading lower than the one before it means
 * the meter was reset or replaced (the register restarted). We cannot know how much energy flowed
 * between the last reading before and the first after the reset, nor the new register's start value,
 * so that one step counts as zero usage and later readings are shifted up by the drop. This may
 * under-report a single reporting interval but never invents consumption and never goes negative.
 */
function continuousRegister(samples: readonly RegisterSample[]): ContinuousSample[] {
  const sorted = [...samples].sort((a, b) => a.atMs - b.atMs);
  const series: ContinuousSample[] = [];
  let shift = 0;
  let previousRaw: number | undefined;
  for (const sample of sorted) {
    if (previousRaw !== undefined && sample.kwhTotal < previousRaw) shift += previousRaw - sample.kwhTotal;
    previousRaw = sample.kwhTotal;
    series.push({ atMs: sample.atMs, value: sample.kwhTotal + shift });
  }
  return series;
}

/** Index of the last sample at or before `t`, or -1. Binary search: a month of minute readings is ~45k. */
function lastAtOrBefore(series: readonly ContinuousSample[], t: number): number {
  let lo = 0;
  let hi = series.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((series[mid] as ContinuousSample).atMs <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The register at instant `t`, linearly interpolated between the readings that bracket it. */
function registerAt(
  series: readonly ContinuousSample[],
  t: number,
  maxBracketMs: number,
): number | undefined {
  const beforeIndex = lastAtOrBefore(series, t);
  const before = series[beforeIndex];
  if (before?.atMs === t) return before.value;
  const after = series[beforeIndex + 1];
  if (!before || !after) return undefined;
  if (t - before.atMs > maxBracketMs || after.atMs - t > maxBracketMs) return undefined;
  const fraction = (t - before.atMs) / (after.atMs - before.atMs);
  return before.value + fraction * (after.value - before.value);
}

/**
 * Energy per bucket from a cumulative register: register at bucket end minus register at bucket start,
 * each interpolated between the readings around that instant. Pure: no clock, no store.
 */
export function bucketUsage(
  samples: readonly RegisterSample[],
  buckets: readonly TimeBucket[],
  options: BucketUsageOptions,
): BucketUsage[] {
  const series = continuousRegister(samples);
  const registerCache = new Map<number, number | undefined>();
  const at = (t: number) => {
    if (!registerCache.has(t)) registerCache.set(t, registerAt(series, t, options.maxBracketMs));
    return registerCache.get(t);
  };
  return buckets.map((bucket) => {
    const start = at(bucket.startMs);
    const end = at(bucket.endMs);
    // The series never decreases, so a negative difference can only be float noise.
    const kwh = start === undefined || end === undefined ? null : Math.max(0, end - start);
    return { ...bucket, kwh };
  });
}
