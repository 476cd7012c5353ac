import { daySegments } from './day-segments.ts';
import type { DayFactors, FillReading, HamletRatePrior, RateSource } from './forecast-types.ts';
import { DAY_MS, DAY_TYPES, type DayType, type LocalCalendar } from './local-calendar.ts';
import { clamp, median, robustSd, shrink, theilSenSlope, weightedMedian } from './robust-stats.ts';

/**
 * A bin's fill rate: `rate × dayFactors[day type] × hourProfile[local hour]` % per hour.
 *
 * 1. **Day segments** (see day-segments.ts): each local day of each cycle gives a robust rate.
 * 2. **Day-type factors**: per day type (weekday, Saturday, Sunday, public holiday) the
 *    weight-median of its segments' rates, divided by the weekday one → raw factor. Each is shrunk
 *    toward the hamlet's factor: (n·raw + k·prior)/(n + k), n = days of evidence (the lesser of
 *    that day type's and the weekdays'), k = `dayFactorPriorDays` (half a day: one Sunday of its
 *    own already outweighs the hamlet). When none of the hamlet's bins has seen that day type the
 *    prior is 1, except for holidays, which lean on the bin's Sunday factor (people are at home on
 *    both).
 * 3. **Rate**: Theil–Sen over all pairs of readings in the same cycle at least `minPairHours` apart,
 *    with time measured in factor- and profile-weighted hours (so a pair spanning a Sunday is
 *    compared like for like). Then shrunk toward the hamlet's rate: n = days of readings,
 *    k = `ratePriorDays`. A new bin starts at its hamlet's rate and moves to its own within days.
 * 4. **Spread**: for segments covering at least half a day, the ratio of the day's rate to the
 *    model's; its robust standard deviation (MAD × 1.4826) is the relative day-to-day variation,
 *    shrunk toward the hamlet's (or a default) with `spreadPriorDays` and floored.
 *
 * Readings of a full bin (≥ saturation) and of flat runs are left out by the caller: they say
 * nothing about the rate.
 */

export interface FillRateOptions {
  minSegmentHours: number;
  minPairHours: number;
  ratePriorDays: number;
  dayFactorPriorDays: number;
  spreadPriorDays: number;
  defaultRelativeSpread: number;
  minRelativeSpread: number;
  /** Pairs are drawn from at most this many readings per cycle (evenly thinned): Theil–Sen is quadratic. */
  maxPairPoints: number;
}

export interface FillRateEstimate {
  ratePercentPerHour: number | null;
  dayFactors: DayFactors;
  dayTypeEvidenceDays: Record<DayType, number>;
  evidenceDays: number;
  relativeSpread: number;
  source: RateSource;
}

const FACTOR_RANGE = { min: 0.02, max: 10 };

function thin<T>(items: readonly T[], max: number): readonly T[] {
  if (items.length <= max) return items;
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)]!);
}

function estimateDayFactors(
  segments: ReturnType<typeof daySegments>,
  prior: HamletRatePrior | undefined,
  priorDays: number,
): { factors: DayFactors; evidence: Record<DayType, number> } {
  const rateOf = {} as Record<DayType, number>;
  const evidence = {} as Record<DayType, number>;
  for (const type of DAY_TYPES) {
    const ofType = segments.filter((s) => s.dayType === type);
    rateOf[type] = weightedMedian(
      ofType.map((s) => s.slope),
      ofType.map((s) => s.weightDays),
    );
    evidence[type] = ofType.reduce((sum, s) => sum + s.weightDays, 0);
  }
  const factor = (type: Exclude<DayType, 'weekday'>, fallbackPrior: number): number => {
    const raw = rateOf.weekday > 0 ? rateOf[type] / rateOf.weekday : Number.NaN;
    const n = Math.min(evidence[type], evidence.weekday);
    // A hamlet factor no bin has observed is a guess: the bin's own fallback is as good.
    const priorFactor = prior && prior.dayTypeBins[type] > 0 ? prior.dayFactors[type] : fallbackPrior;
    return clamp(shrink(raw, n, priorFactor, priorDays), FACTOR_RANGE.min, FACTOR_RANGE.max);
  };
  const saturday = factor('saturday', 1);
  const sunday = factor('sunday', 1);
  const holiday = factor('holiday', sunday);
  return { factors: { weekday: 1, saturday, sunday, holiday }, evidence };
}

export function estimateFillRate(
  cycles: readonly (readonly FillReading[])[],
  calendar: LocalCalendar,
  profile: readonly number[],
  prior: HamletRatePrior | undefined,
  options: FillRateOptions,
): FillRateEstimate {
  const segments = daySegments(cycles, calendar, profile, options.minSegmentHours);
  const { factors, evidence } = estimateDayFactors(segments, prior, options.dayFactorPriorDays);
  const weight = (h: { dayType: DayType; hourOfDay: number }) =>
    factors[h.dayType] * (profile[h.hourOfDay] ?? 1);

  // Theil–Sen in weighted time, pooled over cycles (a pair never spans an emptying).
  // Sized for every pair up front: tens of thousands of slopes per bin, for hundreds of bins a day.
  const pairs = cycles.reduce((sum, c) => {
    const m = Math.min(c.length, options.maxPairPoints);
    return sum + (m * (m - 1)) / 2;
  }, 0);
  const slopes = new Float64Array(pairs);
  let count = 0;
  let evidenceDays = 0;
  for (const readings of cycles) {
    const first = readings[0];
    const last = readings[readings.length - 1];
    if (!first || !last || readings.length < 2) continue;
    evidenceDays += (last.atMs - first.atMs) / DAY_MS;
    const points = thin(readings, options.maxPairPoints);
    const x = new Float64Array(points.length);
    for (let i = 1; i < points.length; i++) {
      x[i] = x[i - 1]! + calendar.integrate(points[i - 1]!.atMs, points[i]!.atMs, weight);
    }
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const dx = x[j]! - x[i]!;
        if (dx >= options.minPairHours)
          slopes[count++] = (points[j]!.fillPercent - points[i]!.fillPercent) / dx;
      }
    }
  }
  let own = median(slopes.subarray(0, count));
  if (!Number.isFinite(own)) {
    // Too short for the minimum spacing (a bin installed an hour ago): any two readings will do.
    own = median(
      cycles.flatMap((readings) => {
        const x = Float64Array.from(readings, (r) => calendar.integrate(readings[0]!.atMs, r.atMs, weight));
        const slope = theilSenSlope(
          x,
          Float64Array.from(readings, (r) => r.fillPercent),
          1e-9,
        );
        return Number.isFinite(slope) ? [slope] : [];
      }),
    );
  }
  // Noise can make a short, slow series look like it is emptying; bins do not empty themselves.
  if (Number.isFinite(own)) own = Math.max(0, own);
  const rate = shrink(own, evidenceDays, prior?.ratePercentPerHour, options.ratePriorDays);
  const hasOwn = Number.isFinite(own);
  const source: RateSource = !Number.isFinite(rate)
    ? 'none'
    : hasOwn && prior
      ? 'blended'
      : hasOwn
        ? 'bin'
        : 'hamlet';

  const ratios =
    rate > 0
      ? segments.filter((s) => s.weightDays >= 0.5).map((s) => s.slope / (rate * factors[s.dayType]))
      : [];
  const spreadEvidence = ratios.length >= 3 ? ratios.length : 0;
  const spread = shrink(
    robustSd(ratios),
    spreadEvidence,
    prior?.relativeSpread ?? options.defaultRelativeSpread,
    options.spreadPriorDays,
  );

  return {
    ratePercentPerHour: Number.isFinite(rate) ? rate : null,
    dayFactors: factors,
    dayTypeEvidenceDays: evidence,
    evidenceDays,
    relativeSpread: Math.max(options.minRelativeSpread, spread),
    source,
  };
}
