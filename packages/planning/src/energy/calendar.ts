import { ValidationError, WEEKDAYS_FROM_SUNDAY, type Weekday } from '@village/domain';

/**
 * Calendar arithmetic on village-local dates (`YYYY-MM-DD`) and clock minutes. Dates are handled as
 * UTC calendar days so that no machine time zone can shift them; instants are turned into local
 * time with a fixed offset, since Vietnam has kept UTC+07:00 without daylight saving since 1975.
 */

export const DAY_MINUTES = 1440;
const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh. */
export const VILLAGE_UTC_OFFSET_MINUTES = 7 * 60;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Memo of date strings and day numbers, both ways: the forecasts ask about the same few dates for
 * every household and every slot, and parsing and formatting dates is the slow part of each call.
 * Emptied past `CACHE_LIMIT` entries, so a long-running service does not grow it without bound.
 */
const CACHE_LIMIT = 4096;
const dayNumbers = new Map<string, number>();
const datesOfDayNumbers = new Map<number, string>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Days since 1970-01-01 of a calendar date; throws on anything but a real `YYYY-MM-DD`. */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const ms = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new ValidationError(`invalid date "${date}"`, [{ field: 'date', message: 'must be YYYY-MM-DD' }]);
  }
  return remember(dayNumbers, date, ms / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return (
    datesOfDayNumbers.get(day) ??
    remember(datesOfDayNumbers, day, new Date(day * DAY_MS).toISOString().slice(0, 10))
  );
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (4 counting from Sunday); day numbers of real dates are whole.
  return WEEKDAYS_FROM_SUNDAY[(((dayNumber(date) + 4) % 7) + 7) % 7] ?? 'mon';
}

export function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 'sat' || day === 'sun';
}

export function daysInMonth(date: string): number {
  const [year = 1970, month = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 for the first of the month. */
export function dayOfMonth(date: string): number {
  dayNumber(date);
  return Number(date.slice(8, 10));
}

/** Minutes after midnight of `HH:MM` (`24:00` gives 1440). */
export function clockMinutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** `HH:MM` of a minute count, wrapped into one day (1440 → `00:00`). */
export function formatClock(minutes: number): string {
  const wrapped = ((Math.round(minutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** The local calendar day and minute of an instant. */
export function localDayAndMinute(
  epochMs: number,
  utcOffsetMinutes = VILLAGE_UTC_OFFSET_MINUTES,
): { day: number; minute: number } {
  const localMinutes = epochMs / 60_000 + utcOffsetMinutes;
  const day = Math.floor(localMinutes / DAY_MINUTES);
  return { day, minute: localMinutes - day * DAY_MINUTES };
}

export interface Horizon {
  slotMinutes: number;
  slots: number;
  /** Local clock minute at which slot 0 starts, on the horizon's first date. */
  startMinuteOfDay: number;
}

/** Checks the horizon's numbers, so that a bad one fails here with its name rather than deep inside. */
export function checkHorizon(horizon: Horizon, options: { alignedToDay?: boolean } = {}): void {
  const issues: { field: string; message: string }[] = [];
  if (
    !Number.isInteger(horizon.slotMinutes) ||
    horizon.slotMinutes < 1 ||
    horizon.slotMinutes > DAY_MINUTES
  ) {
    issues.push({ field: 'slotMinutes', message: 'must be a whole number of minutes from 1 to 1,440' });
  }
  if (!Number.isInteger(horizon.slots) || horizon.slots < 1) {
    issues.push({ field: 'slots', message: 'must be a positive integer' });
  }
  const start = horizon.startMinuteOfDay;
  if (!Number.isInteger(start) || start < 0 || start >= DAY_MINUTES) {
    issues.push({ field: 'startMinuteOfDay', message: 'must be a whole minute from 0 to 1,439' });
  }
  // Profiles learnt from history live on a grid of whole slots from midnight.
  if (options.alignedToDay && issues.length === 0) {
    if (DAY_MINUTES % horizon.slotMinutes !== 0) {
      issues.push({ field: 'slotMinutes', message: 'must divide 1,440 (a day of whole slots)' });
    } else if (start % horizon.slotMinutes !== 0) {
      issues.push({ field: 'startMinuteOfDay', message: 'must be a multiple of slotMinutes' });
    }
  }
  if (issues.length > 0) {
    const said = issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
    throw new ValidationError(`invalid planning horizon: ${said}`, issues);
  }
}

/** For each horizon slot: its date offset from the first date and its slot index within that day. */
export function horizonDaySlots(horizon: Horizon): { dayOffset: number; daySlot: number }[] {
  return Array.from({ length: horizon.slots }, (_, t) => {
    const minute = horizon.startMinuteOfDay + t * horizon.slotMinutes;
    const dayOffset = Math.floor(minute / DAY_MINUTES);
    return { dayOffset, daySlot: Math.floor((minute - dayOffset * DAY_MINUTES) / horizon.slotMinutes) };
  });
}
