import { toZonedIso } from '@village/domain';

/**
 * Village-local calendar for the forecaster: which local hour and day type an instant falls in, and
 * integrals of a per-hour weight over a time span. Waste follows the local clock (meals, the morning
 * market, Sundays), so every rate in this module is expressed per local hour.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Day types the fill rate distinguishes. A public holiday wins over the day of the week. */
export type DayType = 'weekday' | 'saturday' | 'sunday' | 'holiday';
export const DAY_TYPES: readonly DayType[] = ['weekday', 'saturday', 'sunday', 'holiday'];

export interface LocalHour {
  /** Epoch ms where this local hour starts and ends. */
  startMs: number;
  endMs: number;
  /** 0–23, local. */
  hourOfDay: number;
  /** Days since 1970-01-01 in local time: the key for "same local day". */
  dayIndex: number;
  dayType: DayType;
}

export interface LocalCalendar {
  readonly timeZone: string;
  hourAt(epochMs: number): LocalHour;
  dayIndexAt(epochMs: number): number;
  dayTypeOf(dayIndex: number): DayType;
  /**
   * Calls `visit` for each local hour overlapping [fromMs, toMs), with the overlap's bounds. The hour
   * object is reused between calls: read it, do not keep it.
   */
  eachHour(
    fromMs: number,
    toMs: number,
    visit: (hour: LocalHour, fromMs: number, toMs: number) => void,
  ): void;
  /** ∫ weight(hour) dt over [fromMs, toMs), in hours; 0 when toMs ≤ fromMs. */
  integrate(fromMs: number, toMs: number, weight: (hour: LocalHour) => number): number;
}

const OFFSET_BUCKET_MS = 15 * MINUTE_MS;
const OFFSET_CACHE_LIMIT = 20_000;
const offsetCaches = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in ms. Offsets change only at transitions on quarter-hour boundaries, so one
 * `Intl` lookup per zone and quarter hour is cached: the month-long simulation asks for the same
 * hours for hundreds of bins.
 */
function offsetMs(epochMs: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const iso = toZonedIso(bucket * OFFSET_BUCKET_MS, timeZone);
  const match = /([+-])(\d\d):(\d\d)$/.exec(iso);
  const offset = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * MINUTE_MS
    : 0;
  if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
  cache.set(bucket, offset);
  return offset;
}

const knownZones = new Set<string>();

/** Whether `Intl` knows the IANA zone; for validating settings (cached: asked once per forecast). */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

/** Local day index of an ISO calendar date `YYYY-MM-DD`. */
export function dayIndexOfIsoDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function createLocalCalendar(timeZone: string, holidays: readonly string[] = []): LocalCalendar {
  const holidayDays = new Set(holidays.map(dayIndexOfIsoDate));

  function dayTypeOf(dayIndex: number): DayType {
    if (holidayDays.has(dayIndex)) return 'holiday';
    // 1970-01-01 was a Thursday.
    const weekday = (((dayIndex + 4) % 7) + 7) % 7;
    return weekday === 0 ? 'sunday' : weekday === 6 ? 'saturday' : 'weekday';
  }

  function dayIndexAt(epochMs: number): number {
    return Math.floor((epochMs + offsetMs(epochMs, timeZone)) / DAY_MS);
  }

  function fillHour(hour: LocalHour, epochMs: number): LocalHour {
    const offset = offsetMs(epochMs, timeZone);
    const localMs = epochMs + offset;
    const dayIndex = Math.floor(localMs / DAY_MS);
    hour.startMs = Math.floor(localMs / HOUR_MS) * HOUR_MS - offset;
    // A zone transition inside the hour would end it early; the next call picks up the new offset.
    // Always moving forward keeps integration loops finite whatever the zone does.
    hour.endMs = Math.max(hour.startMs + HOUR_MS, epochMs + MINUTE_MS);
    hour.hourOfDay = Math.floor((localMs - dayIndex * DAY_MS) / HOUR_MS);
    hour.dayIndex = dayIndex;
    hour.dayType = dayTypeOf(dayIndex);
    return hour;
  }

  const blankHour = (): LocalHour => ({
    startMs: 0,
    endMs: 0,
    hourOfDay: 0,
    dayIndex: 0,
    dayType: 'weekday',
  });
  const hourAt = (epochMs: number): LocalHour => fillHour(blankHour(), epochMs);

  // One scratch object for the loops: they run over every hour of weeks of history for hundreds of
  // bins, and allocating an object per hour showed up as garbage-collection time.
  const scratch = blankHour();
  function eachHour(
    fromMs: number,
    toMs: number,
    visit: (hour: LocalHour, fromMs: number, toMs: number) => void,
  ): void {
    let t = fromMs;
    while (t < toMs) {
      const hour = fillHour(scratch, t);
      const end = Math.min(hour.endMs, toMs);
      visit(hour, t, end);
      t = end;
    }
  }

  function integrate(fromMs: number, toMs: number, weight: (hour: LocalHour) => number): number {
    let total = 0;
    eachHour(fromMs, toMs, (hour, from, to) => {
      total += (weight(hour) * (to - from)) / HOUR_MS;
    });
    return total;
  }

  return { timeZone, hourAt, dayIndexAt, dayTypeOf, eachHour, integrate };
}
