import { toZonedIso, VILLAGE_TIME_ZONE } from '@village/domain';

/**
 * The solver counts time in minutes since village-local midnight of the plan date; the outside world
 * speaks ISO-8601 with an offset. This converts between the two for one plan date.
 */
export interface PlanClock {
  readonly date: string;
  readonly timeZone: string;
  /** Epoch ms of local midnight starting `date`. */
  readonly midnightMs: number;
  /** `2026-11-29T07:05:00+07:00` for minute 425 (rounded to the second). */
  toIso(minutes: number): string;
  /** Minutes since local midnight of the plan date (negative or > 1,440 for other days). */
  minutesOf(iso: string): number;
}

function offsetMinutes(epochMs: number, timeZone: string): number {
  const suffix = toZonedIso(epochMs, timeZone).slice(19);
  const sign = suffix.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0] = suffix.slice(1).split(':').map(Number);
  return sign * (h * 60 + m);
}

export function createPlanClock(date: string, timeZone: string = VILLAGE_TIME_ZONE): PlanClock {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new RangeError(`invalid plan date "${date}"`);
  // Probe the offset at the guessed instant, then once more at the corrected one: exact for zones whose
  // offset does not change around midnight (Vietnam has had a fixed UTC+07:00 since 1975).
  const guess = utcMidnight - offsetMinutes(utcMidnight, timeZone) * 60_000;
  const midnightMs = utcMidnight - offsetMinutes(guess, timeZone) * 60_000;
  return {
    date,
    timeZone,
    midnightMs,
    toIso: (minutes) => toZonedIso(midnightMs + Math.round(minutes * 60) * 1000, timeZone),
    minutesOf: (iso) => {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) throw new RangeError(`invalid timestamp "${iso}"`);
      return (ms - midnightMs) / 60_000;
    },
  };
}
