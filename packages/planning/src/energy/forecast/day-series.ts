import { addDays } from '../calendar.ts';

/**
 * One local day of a quantity on a grid of equal slots from midnight: the average kW in each slot,
 * `null` where nothing is known (a gap in the readings).
 */
export interface DaySeries {
  date: string;
  kw: (number | null)[];
}

/** Share of a day's slots that are known. */
export function dayCoverage(day: DaySeries): number {
  if (day.kw.length === 0) return 0;
  // Counted without building the list of known values; `reduce`, like `filter`, skips holes.
  return day.kw.reduce<number>((known, kw) => (kw !== null ? known + 1 : known), 0) / day.kw.length;
}

/**
 * `base + sign × other`, day by day and slot by slot: used to add solar generation back to a net meter
 * series, or to take away the flexible loads a past plan ran. A day or slot the other series does not
 * know counts as 0 — the adjustments describe what is known to have happened.
 */
export function combineDaySeries(
  base: readonly DaySeries[],
  other: readonly DaySeries[],
  sign: 1 | -1,
): DaySeries[] {
  const byDate = new Map(other.map((day) => [day.date, day]));
  return base.map((day) => {
    const adjust = byDate.get(day.date);
    if (!adjust) return day;
    return {
      date: day.date,
      kw: day.kw.map((kw, s) => (kw === null ? null : kw + sign * (adjust.kw[s] ?? 0))),
    };
  });
}

/**
 * A plan's per-slot power laid out on day series (a horizon from 05:00 fills the end of its first
 * date and the start of the next). Used to hand past plans' flexible-load runs to the forecaster.
 */
export function planToDaySeries(plan: {
  date: string;
  startMinuteOfDay: number;
  slotMinutes: number;
  kw: readonly number[];
}): DaySeries[] {
  const perDay = Math.floor(1440 / plan.slotMinutes);
  const days = new Map<number, (number | null)[]>();
  plan.kw.forEach((kw, t) => {
    const minute = plan.startMinuteOfDay + t * plan.slotMinutes;
    const offset = Math.floor(minute / 1440);
    let day = days.get(offset);
    if (!day) {
      day = new Array<number | null>(perDay).fill(0);
      days.set(offset, day);
    }
    day[Math.floor((minute - offset * 1440) / plan.slotMinutes)] = kw;
  });
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([offset, kw]) => ({ date: addDays(plan.date, offset), kw }));
}
