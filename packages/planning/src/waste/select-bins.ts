import {
  DEFAULT_NEARLY_EMPTY_PERCENT,
  issuesFromZod,
  toZonedIso,
  ValidationError,
  VILLAGE_TIME_ZONE,
} from '@village/domain';
import * as z from 'zod';
import { type FillAt, forecastFillAt } from './forecast-fill-at.ts';
import type { BinForecast } from './forecast-types.ts';
import { createLocalCalendar, isTimeZone, type LocalCalendar } from './local-calendar.ts';

/**
 * Which bins today's run must, may or need not collect, from their forecasts.
 *
 * With a working sensor (status `ok` and a known rate; a sensor that reads full needs no rate), at
 * today's collection time `collectAtMs`:
 * - **must** `ALREADY_FULL`: predicted at or over the threshold by the time the truck comes;
 * - **must** `WILL_OVERFLOW`: not yet, but predicted to pass it before the next run's collection
 *   time (`nextRunAtMs`), so waiting would leave it over the threshold;
 * - **never** `NEARLY_EMPTY`: predicted below `nearlyEmptyPercent` (a stop for nothing);
 * - **may** `WORTH_A_DETOUR`: in between, with a value the router weighs against the detour (it
 *   drops a may bin only when its detour costs more than its value).
 *
 * Value of a may bin = `valueVndPerPercent` × (predicted fill − `nearlyEmptyPercent`): nothing at
 * the nearly-empty level, growing with each point of waste taken now instead of on a later visit.
 * Default 100 VND per point: a bin just under an 85 % threshold is worth 5,500 VND, about 0.7 km of
 * a 7,500 VND/km compactor truck (the demo fleet's dearest per km) or 1.6 km of a 3,500 VND/km small
 * truck: a short detour for a bin that would be due soon anyway, none for a half-empty one. Tune it
 * against the fleet's cost per km.
 *
 * Sensors that cannot be trusted (`stale`, `stuck`, `no-data`, or no rate known yet) fall back to a
 * schedule: **must** `SENSOR_FALLBACK_DUE` when the last collection (the crews' reports, or the
 * sensor's last emptying) is at least `scheduleFallbackDays` village-local days before today's
 * collection, or unknown; otherwise **never** `SENSOR_FALLBACK_NOT_DUE`. One safety net on top:
 * a stale sensor whose last readings already project past the threshold is **must**
 * `LAST_KNOWN_FULL` (its readings were sound when sent).
 *
 * A crew's report newer than anything the forecast knew restarts the bin's fill (see
 * forecast-fill-at.ts), so a bin collected this morning is not planned again this afternoon; for
 * the next day's plan, pass the reports to `forecastBin` as `collectedAtMs` as well.
 */

export type CollectionDecision = 'must' | 'may' | 'never';
export type SelectionCode =
  | 'ALREADY_FULL'
  | 'WILL_OVERFLOW'
  | 'WORTH_A_DETOUR'
  | 'NEARLY_EMPTY'
  | 'LAST_KNOWN_FULL'
  | 'SENSOR_FALLBACK_DUE'
  | 'SENSOR_FALLBACK_NOT_DUE';

export interface BinSelection {
  binId: string;
  decision: CollectionDecision;
  /** English sentence for operators; `code` is stable for translation. */
  reason: string;
  code: SelectionCode;
  source: 'forecast' | 'schedule';
  /** Predicted fill at today's collection time, % (the truck's expected load from this bin). */
  expectedFillPercent: number;
  /** For may bins: what collecting it today is worth, VND. */
  valueVnd?: number;
}

export const selectBinsOptionsSchema = z
  .object({
    /** When today's trucks are expected at the bins (e.g. mid-shift). */
    collectAtMs: z.number().finite(),
    /** When the next planned run collects. */
    nextRunAtMs: z.number().finite(),
    thresholdPercent: z.number().positive().max(100).default(85),
    nearlyEmptyPercent: z.number().nonnegative().max(100).default(DEFAULT_NEARLY_EMPTY_PERCENT),
    valueVndPerPercent: z.number().nonnegative().default(100),
    scheduleFallbackDays: z.number().int().positive().default(3),
    /** Last collection per bin id, from the crews' reports. */
    lastCollectedAtMs: z.record(z.string(), z.number().finite()).default({}),
    timeZone: z.string().refine(isTimeZone, 'unknown time zone').default(VILLAGE_TIME_ZONE),
    /** Decide must-collect on the upper edge of the band instead of the expected fill. */
    conservative: z.boolean().default(false),
  })
  .refine((o) => o.nextRunAtMs > o.collectAtMs, {
    path: ['nextRunAtMs'],
    message: 'the next run must come after today’s collection',
  });

export type SelectBinsOptions = z.input<typeof selectBinsOptionsSchema>;
type Options = z.infer<typeof selectBinsOptionsSchema>;

const pct = (v: number) => `${Math.round(v)} %`;

function localTime(epochMs: number, timeZone: string): string {
  return toZonedIso(epochMs, timeZone).slice(0, 16).replace('T', ' ');
}

function lastCollection(forecast: BinForecast, options: Options): number | null {
  const reported = options.lastCollectedAtMs[forecast.binId];
  const candidates = [reported, forecast.lastEmptiedAtMs ?? undefined].filter(
    (t): t is number => t !== undefined && t <= options.collectAtMs,
  );
  return candidates.length > 0 ? Math.max(...candidates) : null;
}

function bySchedule(
  forecast: BinForecast,
  options: Options,
  calendar: LocalCalendar,
  atCollection: FillAt | null,
): BinSelection {
  const why = forecast.status === 'ok' ? 'No fill rate is known yet.' : forecast.statusReason;
  const base = { binId: forecast.binId, source: 'schedule' as const };
  if (forecast.status === 'stale' && atCollection && atCollection.fillPercent >= options.thresholdPercent) {
    return {
      ...base,
      decision: 'must',
      code: 'LAST_KNOWN_FULL',
      reason: `${why} Its last readings already project ${pct(atCollection.fillPercent)} at collection time.`,
      expectedFillPercent: round1(atCollection.fillPercent),
    };
  }
  const last = lastCollection(forecast, options);
  const days = last === null ? null : calendar.dayIndexAt(options.collectAtMs) - calendar.dayIndexAt(last);
  const due = days === null || days >= options.scheduleFallbackDays;
  const since =
    days === null
      ? 'no collection is on record'
      : `it was last collected ${days} day${days === 1 ? '' : 's'} ago`;
  // Without a usable forecast a due bin is planned as full: the truck must have room for it.
  const expected = atCollection?.fillPercent ?? (due ? 100 : 0);
  return {
    ...base,
    decision: due ? 'must' : 'never',
    code: due ? 'SENSOR_FALLBACK_DUE' : 'SENSOR_FALLBACK_NOT_DUE',
    reason: `${why} On the fallback schedule (every ${options.scheduleFallbackDays} days) ${since}, so it is ${due ? '' : 'not '}due.`,
    expectedFillPercent: round1(expected),
  };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function selectBin(forecast: BinForecast, options: Options, calendar: LocalCalendar): BinSelection {
  const reported = options.lastCollectedAtMs[forecast.binId];
  const crew = reported !== undefined && reported <= options.collectAtMs ? reported : undefined;
  const atCollection = forecastFillAt(forecast, options.collectAtMs, crew);
  const atNextRun = forecastFillAt(forecast, options.nextRunAtMs, crew);
  const threshold = options.thresholdPercent;
  // A working sensor that reads full needs no rate to be believed (a bin that has only ever read
  // full has none); below the threshold, a forecast needs a rate.
  if (
    forecast.status !== 'ok' ||
    !atCollection ||
    (forecast.ratePercentPerHour === null && atCollection.fillPercent < threshold)
  ) {
    return bySchedule(forecast, options, calendar, atCollection);
  }

  const now = atCollection.fillPercent;
  const nextRun = atNextRun ?? atCollection;
  const next = options.conservative ? nextRun.highPercent : nextRun.fillPercent;
  const base = {
    binId: forecast.binId,
    source: 'forecast' as const,
    expectedFillPercent: round1(now),
  };
  const restarted = atCollection.restarted ? ' (emptied by a crew since the forecast)' : '';
  if (now >= threshold) {
    return {
      ...base,
      decision: 'must',
      code: 'ALREADY_FULL',
      reason: `Predicted ${pct(now)} at collection time, at or over the ${pct(threshold)} threshold.`,
    };
  }
  if (next >= threshold) {
    const when = forecast.thresholdAtMs !== null && !atCollection.restarted ? forecast.thresholdAtMs : null;
    const passes = when === null ? 'before the next run' : `around ${localTime(when, options.timeZone)}`;
    return {
      ...base,
      decision: 'must',
      code: 'WILL_OVERFLOW',
      reason: `Predicted ${pct(now)} at collection time and to pass ${pct(threshold)} ${passes}, before the next run at ${localTime(options.nextRunAtMs, options.timeZone)}${restarted}.`,
    };
  }
  if (now < options.nearlyEmptyPercent) {
    return {
      ...base,
      decision: 'never',
      code: 'NEARLY_EMPTY',
      reason: `Predicted only ${pct(now)} at collection time (below ${pct(options.nearlyEmptyPercent)})${restarted}.`,
    };
  }
  const valueVnd = Math.round(options.valueVndPerPercent * (now - options.nearlyEmptyPercent));
  return {
    ...base,
    decision: 'may',
    code: 'WORTH_A_DETOUR',
    reason: `Predicted ${pct(now)} at collection time and ${pct(next)} by the next run: worth ${valueVnd.toLocaleString('en-US')} VND if the detour costs less${restarted}.`,
    valueVnd,
  };
}

/** One selection per forecast, in the same order. */
export function selectBins(forecasts: readonly BinForecast[], options: SelectBinsOptions): BinSelection[] {
  const parsed = selectBinsOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError('Bin selection options validation failed', issuesFromZod(parsed.error.issues));
  }
  const calendar = createLocalCalendar(parsed.data.timeZone);
  return forecasts.map((forecast) => selectBin(forecast, parsed.data, calendar));
}
