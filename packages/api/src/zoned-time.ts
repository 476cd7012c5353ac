import { type IsoDate, toZonedIso, VILLAGE_TIME_ZONE, zonedDate } from '@village/domain';

/** The API answers in village time: `+07:00`, whatever offset a device or client used. */
export const API_TIME_ZONE = VILLAGE_TIME_ZONE;

export const zonedFromMs = (epochMs: number): string => toZonedIso(epochMs, API_TIME_ZONE);

/** Re-renders a stored ISO timestamp (which keeps the device's own offset) in village time. */
export const zonedFromIso = (iso: string): string => zonedFromMs(Date.parse(iso));

/** The village-local calendar date of an instant. */
export const zonedDateOf = (epochMs: number): IsoDate => zonedDate(epochMs, API_TIME_ZONE);

/** The instant a village-local date begins (its 00:00), e.g. slot 0 of a day's energy plan. */
export function zonedMidnightMs(date: IsoDate): number {
  const offset = toZonedIso(Date.parse(`${date}T00:00:00Z`), API_TIME_ZONE).slice(19);
  return Date.parse(`${date}T00:00:00${offset}`);
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
