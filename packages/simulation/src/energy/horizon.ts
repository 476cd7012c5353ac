import { localDayIndex, localMidnightMs, MINUTE_MS } from '../devices/local-time.ts';

/**
 * The day a generated load scenario plans. Slot 0 starts at 05:00 local time, not midnight: the
 * overnight loads (e-motorbike and EV chargers plugged in at dusk, done by dawn) then fit inside one
 * horizon instead of being cut at midnight, and the morning loads (pumps, water heaters from 05:00)
 * still start at or after slot 0. The day is a dry-season weekday, when irrigation pumps are busy
 * and EVN's weekday time-of-use periods apply: Wednesday 11 March 2026.
 */
export const SCENARIO_DAY = { date: '2026-03-11', startMinute: 5 * 60 } as const;

export interface Horizon {
  slots: number;
  slotMinutes: number;
  /** Local minute of day at which slot 0 starts. */
  startMinute: number;
  /** Local day index (see local-time.ts) of the day the horizon starts on. */
  dayIndex: number;
  /** Epoch ms at the start of slot 0. */
  startMs: number;
}

export function scenarioHorizon(slots: number): Horizon {
  const slotMinutes = 1440 / slots;
  const dayIndex = localDayIndex(Date.parse(`${SCENARIO_DAY.date}T12:00:00+07:00`));
  const startMinute = SCENARIO_DAY.startMinute;
  return {
    slots,
    slotMinutes,
    startMinute,
    dayIndex,
    startMs: localMidnightMs(dayIndex) + startMinute * MINUTE_MS,
  };
}

/** Epoch ms of the middle of slot `t`: slot values are taken there, as the meter model does. */
export function slotMidpointMs(horizon: Horizon, t: number): number {
  return horizon.startMs + (t + 0.5) * horizon.slotMinutes * MINUTE_MS;
}

/** Minutes after the horizon start, for a local clock minute on the horizon's first day or the next. */
function minutesIntoHorizon(horizon: Horizon, minuteOfDay: number): number {
  return (((minuteOfDay - horizon.startMinute) % 1440) + 1440) % 1440;
}

/**
 * The slot window `[earliest, latest)` for a load stated as clock times. A `latest` at or before
 * `earliest` means the next morning; a window running past the horizon's end is cut there. The
 * window only contains whole slots inside the stated times.
 */
export function windowSlots(
  horizon: Horizon,
  earliestMinute: number,
  latestMinute: number,
): { earliest: number; latest: number } {
  const from = minutesIntoHorizon(horizon, earliestMinute);
  let to = minutesIntoHorizon(horizon, latestMinute);
  if (to <= from) to += 1440;
  const earliest = Math.ceil(from / horizon.slotMinutes);
  const latest = Math.min(horizon.slots, Math.floor(to / horizon.slotMinutes));
  return { earliest, latest };
}
