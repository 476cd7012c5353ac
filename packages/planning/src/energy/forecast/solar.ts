import { checkHorizon, DAY_MINUTES, dayNumber, type Horizon, horizonDaySlots } from '../calendar.ts';
import { type DaySeries, dayCoverage } from './day-series.ts';
import { slotMedians } from './day-type-profiles.ts';

export interface SolarForecastInput extends Horizon {
  /** First date of the horizon. */
  date: string;
  /** Measured rooftop generation per day (kW per slot from midnight), e.g. from the inverter. */
  history: readonly DaySeries[];
  /** Recent days to take the median over. Default 5 (the brief's 3–7: weather moves on within a week). */
  days?: number;
  /** A day counts only if this share of its slots is known. Default 0.8. */
  minDayCoverage?: number;
}

export interface SolarForecast {
  kw: number[];
  daysUsed: string[];
}

/**
 * Tomorrow's rooftop generation: per slot of the day, the median over the last `days` usable days
 * (weekday or not: the sun does not keep the calendar), mapped onto the horizon slot by slot. With
 * no usable day the forecast is all zeros — the plan then does not count on sun it has not seen.
 */
export function forecastSolarKw(input: SolarForecastInput): SolarForecast {
  checkHorizon(input, { alignedToDay: true });
  const slotsPerDay = DAY_MINUTES / input.slotMinutes;
  const before = dayNumber(input.date);
  const days = input.history
    .filter(
      (day) =>
        day.kw.length === slotsPerDay &&
        dayNumber(day.date) < before &&
        dayCoverage(day) >= (input.minDayCoverage ?? 0.8),
    )
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .filter((day, i, all) => i === 0 || day.date !== all[i - 1]?.date)
    .slice(0, input.days ?? 5);
  if (days.length === 0) return { kw: new Array<number>(input.slots).fill(0), daysUsed: [] };
  const profile = slotMedians(days);
  const kw = horizonDaySlots(input).map(({ daySlot }) => Math.max(0, profile[daySlot] ?? 0));
  return { kw, daysUsed: days.map((day) => day.date) };
}
