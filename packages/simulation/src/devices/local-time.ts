/**
 * Village-local calendar arithmetic for the device models. Vietnam has used UTC+07:00 without
 * daylight saving since 1975, so a fixed offset is exact and avoids `Intl` in hot loops that run
 * once per device per 5-minute slot.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** Days since 1970-01-01 in village-local time. */
export function localDayIndex(epochMs: number): number {
  return Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Hours since 1970-01-01T00:00 village-local time (hour boundaries are the same as UTC's). */
export function hourIndex(epochMs: number): number {
  return Math.floor(epochMs / HOUR_MS);
}

/** Minutes since local midnight, fractional. */
export function localMinuteOfDay(epochMs: number): number {
  const sinceMidnight = (((epochMs + VIETNAM_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return sinceMidnight / MINUTE_MS;
}

/** 0 = Sunday … 6 = Saturday, in village-local time. 1970-01-01 was a Thursday. */
export function localWeekday(epochMs: number): number {
  return (((localDayIndex(epochMs) + 4) % 7) + 7) % 7;
}

/** Epoch ms of local midnight starting the given local day. */
export function localMidnightMs(dayIndex: number): number {
  return dayIndex * DAY_MS - VIETNAM_OFFSET_MS;
}

/** Local month 1–12 and day of year 1–366. */
export function localMonthAndDayOfYear(epochMs: number): { month: number; dayOfYear: number } {
  const local = new Date(epochMs + VIETNAM_OFFSET_MS);
  const startOfYear = Date.UTC(local.getUTCFullYear(), 0, 1);
  return {
    month: local.getUTCMonth() + 1,
    dayOfYear: Math.floor((local.getTime() - startOfYear) / DAY_MS) + 1,
  };
}

/** Southern Vietnam's rainy season runs roughly May–November. */
export function isRainySeason(epochMs: number): boolean {
  const { month } = localMonthAndDayOfYear(epochMs);
  return month >= 5 && month <= 11;
}

/** Fixed-date public holidays (MM-DD): New Year, Reunification Day, Labour Day, National Day. */
const FIXED_HOLIDAYS = new Set(['01-01', '04-30', '05-01', '09-02']);

/**
 * Tết (lunar new year) official holiday spans, [first, last] local dates (approximate for 2027). Lunar dates need a table; these
 * cover the years the pilot is likely to simulate. Outside them only the fixed holidays apply.
 */
const TET_SPANS: ReadonlyArray<readonly [string, string]> = [
  ['2025-01-25', '2025-02-02'],
  ['2026-02-14', '2026-02-22'],
  ['2027-02-04', '2027-02-10'],
];

const holidayByDay = new Map<number, boolean>();

/** Cached per local day: the models ask once per device per slot. */
export function isPublicHoliday(epochMs: number): boolean {
  const day = localDayIndex(epochMs);
  let holiday = holidayByDay.get(day);
  if (holiday === undefined) {
    holiday = computeIsPublicHoliday(epochMs);
    if (holidayByDay.size > 5_000) holidayByDay.clear();
    holidayByDay.set(day, holiday);
  }
  return holiday;
}

function computeIsPublicHoliday(epochMs: number): boolean {
  const isoDate = new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  if (FIXED_HOLIDAYS.has(isoDate.slice(5))) return true;
  return TET_SPANS.some(([first, last]) => isoDate >= first && isoDate <= last);
}
