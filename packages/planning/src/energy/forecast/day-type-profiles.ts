import { dayNumber, isWeekend } from '../calendar.ts';
import { type DaySeries, dayCoverage } from './day-series.ts';
import { sortedMedian } from './median.ts';

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

/** `slotMedians`' working space, kept from call to call. */
let scratch = new Float64Array(16);

/**
 * Per slot, the median of the days' known values. The values of a slot are sorted by insertion into
 * one scratch array — stable like `median`'s sort, so the same value comes out, to the bit.
 */
export function slotMedians(days: readonly DaySeries[]): number[] {
  const length = days[0]?.kw.length ?? 0;
  if (scratch.length < days.length) scratch = new Float64Array(days.length);
  const sorted = scratch;
  const values: (number | undefined)[] = [];
  for (let s = 0; s < length; s++) {
    let count = 0;
    for (const day of days) {
      const value = day.kw[s];
      if (value === null || value === undefined) continue;
      let at = count;
      while (at > 0 && (sorted[at - 1] as number) - value > 0) {
        sorted[at] = sorted[at - 1] as number;
        at--;
      }
      sorted[at] = value;
      count++;
    }
    values.push(count === 0 ? undefined : sortedMedian(sorted, count));
  }
  return fillCircularGaps(values);
}

/** Linear interpolation over unknown slots, wrapping around midnight; all-unknown gives zeros. */
export function fillCircularGaps(values: readonly (number | undefined)[]): number[] {
  const n = values.length;
  const known: number[] = [];
  for (let i = 0; i < n; i++) if (values[i] !== undefined) known.push(i);
  if (known.length === 0) return new Array<number>(n).fill(0);
  if (known.length === n) return values.slice() as number[];
  const first = known[0] as number;
  const last = known[known.length - 1] as number;
  const filled: number[] = [];
  // known[k] is the first known slot after i (or k = known.length past the last).
  let k = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value !== undefined) {
      filled.push(value);
      k++;
      continue;
    }
    const nextIndex = known[k] ?? first + n;
    const prevIndex = k > 0 ? (known[k - 1] as number) : last - n;
    const prev = values[(prevIndex + n) % n] ?? 0;
    const next = values[nextIndex % n] ?? 0;
    filled.push(prev + ((next - prev) * (i - prevIndex)) / (nextIndex - prevIndex));
  }
  return filled;
}
