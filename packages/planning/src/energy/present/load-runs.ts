import { DAY_MINUTES, formatClock } from '../calendar.ts';

/** One stretch of consecutive slots in which a load runs. */
export interface LoadRun {
  loadId: string;
  fromSlot: number;
  /** Exclusive. */
  toSlot: number;
  /** Local clock times, `HH:MM`; `to` is the end of the last slot. */
  from: string;
  to: string;
  /** Days after the horizon's first date on which the run starts and ends (0 = that date). */
  fromDayOffset: number;
  toDayOffset: number;
  kwh: number;
  /** Highest power in the run, kW (an interruptible load may run below its rating). */
  maxKw: number;
}

/** Power below this is rounding noise, not a run. */
const RUNNING_KW = 1e-6;

/** The runs of one load's power series, in time order. */
export function loadRuns(
  loadId: string,
  kw: readonly number[],
  horizon: { slotMinutes: number; startMinuteOfDay: number },
): LoadRun[] {
  const runs: LoadRun[] = [];
  const slotHours = horizon.slotMinutes / 60;
  const minuteOf = (slot: number) => horizon.startMinuteOfDay + slot * horizon.slotMinutes;
  let t = 0;
  while (t < kw.length) {
    if ((kw[t] ?? 0) <= RUNNING_KW) {
      t++;
      continue;
    }
    const start = t;
    let kwh = 0;
    let maxKw = 0;
    while (t < kw.length && (kw[t] ?? 0) > RUNNING_KW) {
      kwh += (kw[t] ?? 0) * slotHours;
      maxKw = Math.max(maxKw, kw[t] ?? 0);
      t++;
    }
    const fromMinute = minuteOf(start);
    // The end of a run ending at midnight is that day's 24:00, shown as 00:00 of the next.
    const toMinute = minuteOf(t);
    runs.push({
      loadId,
      fromSlot: start,
      toSlot: t,
      from: formatClock(fromMinute),
      to: formatClock(toMinute),
      fromDayOffset: Math.floor(fromMinute / DAY_MINUTES),
      toDayOffset: Math.floor(toMinute / DAY_MINUTES),
      kwh,
      maxKw,
    });
  }
  return runs;
}
