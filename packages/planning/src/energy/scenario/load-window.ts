import { clockMinutes, DAY_MINUTES, type Horizon } from '../calendar.ts';

export interface SlotWindow {
  /** First allowed slot. */
  earliest: number;
  /** First slot no longer allowed (exclusive); never past the horizon's end. */
  latest: number;
  /** The stated window ran past the horizon's end and was cut there. */
  cut: boolean;
}

/**
 * A load's daily window, stated as clock times, in horizon slots. A `latest` at or before `earliest`
 * means the next morning (a charger plugged in at 18:00, done by 06:00). The window taken is the
 * first one that opens at or after the horizon's start — one still open at the start opened the
 * day before and belongs to the previous plan. Only whole slots inside the stated times count (a
 * load allowed from 05:10 may not run in the 05:00 slot); a window running past the horizon's end
 * is cut there and says so.
 */
export function loadWindowSlots(horizon: Horizon, earliest: string, latest: string): SlotWindow {
  const intoHorizon = (clock: string) =>
    (((clockMinutes(clock) - horizon.startMinuteOfDay) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const from = intoHorizon(earliest);
  let to = intoHorizon(latest);
  if (to <= from) to += DAY_MINUTES;
  const first = Math.ceil(from / horizon.slotMinutes);
  const end = Math.floor(to / horizon.slotMinutes);
  const last = Math.min(horizon.slots, end);
  return {
    earliest: Math.min(first, horizon.slots),
    latest: Math.max(last, Math.min(first, horizon.slots)),
    cut: end > horizon.slots,
  };
}
