import type { FillReading } from './forecast-types.ts';
import type { DayType, LocalCalendar } from './local-calendar.ts';
import { theilSenSlope } from './robust-stats.ts';

/**
 * One local day of one fill cycle, reduced to its rate: the evidence for day-type factors (is Sunday
 * busier than a Tuesday?) and for how much a bin's rate varies from day to day.
 *
 * The rate is the Theil–Sen slope of the fill against "profile hours" (elapsed time weighted by the
 * bin's hour-of-day profile), so that a segment covering only the busy morning and one covering only
 * the quiet night measure the same underlying daily rate.
 */
export interface DaySegment {
  dayIndex: number;
  dayType: DayType;
  /** % per profile-weighted hour on that day. */
  slope: number;
  /** Profile-weighted span ÷ 24: how much of a day this segment saw (≤ 1). */
  weightDays: number;
}

export function daySegments(
  cycles: readonly (readonly FillReading[])[],
  calendar: LocalCalendar,
  profile: readonly number[],
  minSpanHours: number,
): DaySegment[] {
  const weight = (hourOfDay: number) => profile[hourOfDay] ?? 1;
  const segments: DaySegment[] = [];
  for (const readings of cycles) {
    let start = 0;
    while (start < readings.length) {
      const dayIndex = calendar.dayIndexAt(readings[start]!.atMs);
      let end = start + 1;
      while (end < readings.length && calendar.dayIndexAt(readings[end]!.atMs) === dayIndex) end++;
      const day = readings.slice(start, end);
      start = end;
      if (day.length < 2) continue;
      const x = new Float64Array(day.length);
      const y = Float64Array.from(day, (r) => r.fillPercent);
      for (let i = 1; i < day.length; i++) {
        x[i] = x[i - 1]! + calendar.integrate(day[i - 1]!.atMs, day[i]!.atMs, (h) => weight(h.hourOfDay));
      }
      const span = x[day.length - 1]!;
      if (span < minSpanHours) continue;
      const slope = theilSenSlope(x, y, 0);
      if (!Number.isFinite(slope)) continue;
      segments.push({ dayIndex, dayType: calendar.dayTypeOf(dayIndex), slope, weightDays: span / 24 });
    }
  }
  return segments;
}
