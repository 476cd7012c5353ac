import { dayNumber, isWeekend } from '../calendar.ts';
import { type DaySeries, dayCoverage } from './day-series.ts';
import { median } from './median.ts';

export type LoadDayType = 'weekday' | 'weekend';

export interface ProfileOptions {
  /** Only days strictly before this date are used (the forecast must not see its own day). */
  before: string;
  /** Same-type days to take, most recent first. Default 10 weekdays (two weeks) and 4 weekend days. */
  days?: Partial<Record<LoadDayType, number>>;
  /** A day counts only if this share of its slots is known. Default 0.8. */
  minDayCoverage?: number;
  /** Public holidays (`YYYY-MM-DD`): households live them like weekends. */
  holidays?: readonly string[];
}

export interface DayTypeProfile {
  /** kW per slot of the day, from midnight; null when too few days of this type were usable. */
  kw: number[] | null;
  /** The dates the median was taken over, most recent first. */
  daysUsed: string[];
}

export type DayTypeProfiles = Record<LoadDayType, DayTypeProfile>;

export function dayTypeOf(date: string, holidays: ReadonlySet<string>): LoadDayType {
  return isWeekend(date) || holidays.has(date) ? 'weekend' : 'weekday';
}

/**
 * Typical weekday and weekend days of a series: for each day type, the most recent usable days
 * (at least `minDayCoverage` of their slots known), and in each slot the median of those days'
 * values. The median ignores the odd day with a party or an outage that a mean would chase. A slot
 * no chosen day knows is interpolated from its neighbours (around midnight too).
 */
export function dayTypeProfiles(
  history: readonly DaySeries[],
  options: ProfileOptions,
  minDays: Record<LoadDayType, number>,
): DayTypeProfiles {
  const wanted = { weekday: options.days?.weekday ?? 10, weekend: options.days?.weekend ?? 4 };
  const minCoverage = options.minDayCoverage ?? 0.8;
  const holidays = new Set(options.holidays ?? []);
  const before = dayNumber(options.before);
  const usable = history
    .filter((day) => dayNumber(day.date) < before && dayCoverage(day) >= minCoverage)
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    // Two series for one date (a caller merging sources) would count that day twice.
    .filter((day, i, all) => i === 0 || day.date !== all[i - 1]?.date);
  const profile = (type: LoadDayType): DayTypeProfile => {
    const days = usable.filter((day) => dayTypeOf(day.date, holidays) === type).slice(0, wanted[type]);
    if (days.length < Math.max(1, minDays[type])) return { kw: null, daysUsed: [] };
    return { kw: slotMedians(days), daysUsed: days.map((day) => day.date) };
  };
  return { weekday: profile('weekday'), weekend: profile('weekend') };
}

function slotMedians(days: readonly DaySeries[]): number[] {
  const length = days[0]?.kw.length ?? 0;
  const values = Array.from({ length }, (_, s) =>
    median(days.flatMap((day) => (day.kw[s] === null || day.kw[s] === undefined ? [] : [day.kw[s]]))),
  );
  return fillCircularGaps(values);
}

/** Linear interpolation over unknown slots, wrapping around midnight; all-unknown gives zeros. */
export function fillCircularGaps(values: readonly (number | undefined)[]): number[] {
  const n = values.length;
  const known = values.flatMap((v, i) => (v === undefined ? [] : [i]));
  if (known.length === 0) return new Array<number>(n).fill(0);
  return values.map((value, i) => {
    if (value !== undefined) return value;
    const nextIndex = known.find((k) => k > i) ?? (known[0] ?? 0) + n;
    const prevIndex = [...known].reverse().find((k) => k < i) ?? (known[known.length - 1] ?? 0) - n;
    const prev = values[(prevIndex + n) % n] ?? 0;
    const next = values[nextIndex % n] ?? 0;
    return prev + ((next - prev) * (i - prevIndex)) / (nextIndex - prevIndex);
  });
}
