import type { FlexibleLoad } from '@village/domain';
import { addDays, clockMinutes, DAY_MINUTES, dayNumber } from '../calendar.ts';
import type { DaySeries } from './day-series.ts';

/**
 * What a household's flexible loads drew on past days when nobody planned them, assuming they ran at
 * will: each load switched on the moment its window opened, at full power, until its daily energy
 * (or its block) was done — the same rule the scheduler's "unmanaged" yardstick uses. The meter saw
 * them on top of the fixed load, so `forecastBaseKw` takes them away (`flexibleHistory`) for the days
 * before plans existed; for planned days, pass the plans' runs (`planToDaySeries`) instead. Real
 * people start a little late and skip some days: the base forecast inherits that error, smoothed by
 * the median over days.
 */
export function atWillLoadHistory(
  loads: readonly FlexibleLoad[],
  dates: readonly string[],
  slotMinutes: number,
): DaySeries[] {
  const slotsPerDay = DAY_MINUTES / slotMinutes;
  const wanted = new Set(dates);
  const byDay = new Map<number, number[]>(
    dates.map((date) => [dayNumber(date), new Array<number>(slotsPerDay).fill(0)]),
  );
  const add = (fromMinute: number, toMinute: number, kw: number) => {
    // Minutes counted from 1970-01-01 local midnight; split among the day slots the run overlaps.
    for (let slot = Math.floor(fromMinute / slotMinutes); slot * slotMinutes < toMinute; slot++) {
      const overlap = Math.min(toMinute, (slot + 1) * slotMinutes) - Math.max(fromMinute, slot * slotMinutes);
      const day = byDay.get(Math.floor(slot / slotsPerDay));
      const index = slot - Math.floor(slot / slotsPerDay) * slotsPerDay;
      if (day && overlap > 0) day[index] = (day[index] ?? 0) + (kw * overlap) / slotMinutes;
    }
  };
  // A run that starts the evening before may still draw after midnight: start one day early.
  const starts = new Set(dates.flatMap((date) => [date, addDays(date, -1)]));
  for (const date of starts) {
    const dayStart = dayNumber(date) * DAY_MINUTES;
    for (const load of loads) {
      const open = clockMinutes(load.earliest);
      let close = clockMinutes(load.latest);
      if (close <= open) close += DAY_MINUTES;
      const runMinutes = load.interruptible ? (load.energyKwh / load.kw) * 60 : load.durationMinutes;
      add(dayStart + open, dayStart + Math.min(close, open + runMinutes), load.kw);
    }
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([day, kw]) => {
      const date = addDays('1970-01-01', day);
      return wanted.has(date) ? [{ date, kw }] : [];
    });
}
