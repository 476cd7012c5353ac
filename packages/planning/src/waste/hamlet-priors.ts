import type { BinForecast, DayFactors, HamletRatePrior } from './forecast-types.ts';
import { DAY_TYPES, type DayType } from './local-calendar.ts';
import { median } from './robust-stats.ts';

/**
 * Hamlet effects: bins of one hamlet serve similar households, so a bin with little history of its
 * own borrows its hamlet's typical behaviour. The prior is the median over the hamlet's bins whose
 * sensor is `ok` and whose rate rests on their own readings (a prior built from priors would only
 * echo itself): median rate, median spread, and per day type the median factor of the bins that
 * have seen such a day (1 when none has; a holiday then takes the Sunday factor).
 */

export interface HamletPriorOptions {
  /** A hamlet needs at least this many qualifying bins to get a prior. */
  minBins?: number;
  /**
   * The grouping key; the hamlet by default. A finer key (hamlet and bin kind, say) gives a school
   * bin its peers' weekends instead of the households'. The map is keyed by it.
   */
  groupOf?: (forecast: BinForecast) => string;
}

export function hamletPriors(
  forecasts: readonly BinForecast[],
  options: HamletPriorOptions = {},
): Map<string, HamletRatePrior> {
  const minBins = options.minBins ?? 2;
  const groupOf = options.groupOf ?? ((forecast: BinForecast) => forecast.hamletId);
  const byHamlet = new Map<string, BinForecast[]>();
  for (const forecast of forecasts) {
    const { model } = forecast;
    if (forecast.status !== 'ok' || model.ratePercentPerHour === null) continue;
    if (model.source !== 'bin' && model.source !== 'blended') continue;
    const key = groupOf(forecast);
    const group = byHamlet.get(key) ?? [];
    group.push(forecast);
    byHamlet.set(key, group);
  }

  const priors = new Map<string, HamletRatePrior>();
  for (const [key, group] of byHamlet) {
    if (group.length < minBins) continue;
    const dayFactors = {} as DayFactors;
    const dayTypeBins = {} as Record<DayType, number>;
    for (const type of DAY_TYPES) {
      const seen = group
        .filter((f) => f.model.dayTypeEvidenceDays[type] > 0)
        .map((f) => f.model.dayFactors[type]);
      // No bin has seen a holiday yet: people are at home as on Sundays (see fill-rate.ts).
      const unseen = type === 'holiday' ? dayFactors.sunday : 1;
      dayFactors[type] = type === 'weekday' ? 1 : seen.length === 0 ? unseen : median(seen);
      dayTypeBins[type] = seen.length;
    }
    priors.set(key, {
      hamletId: key,
      ratePercentPerHour: median(group.map((f) => f.model.ratePercentPerHour ?? 0)),
      dayFactors,
      dayTypeBins,
      relativeSpread: median(group.map((f) => f.model.relativeSpread)),
      bins: group.length,
    });
  }
  return priors;
}
