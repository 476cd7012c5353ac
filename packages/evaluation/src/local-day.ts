import { VILLAGE_UTC_OFFSET_MINUTES } from '@village/planning';

/**
 * Village-local dates and instants for the month harness. Vietnam keeps UTC+7 all year, so a fixed
 * offset is exact; the planning package owns the constant and we reuse it.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OFFSET_MS = VILLAGE_UTC_OFFSET_MINUTES * MINUTE_MS;

/** Epoch ms of local midnight starting `date` (`YYYY-MM-DD`). */
export function localMidnightMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS;
}

/** Epoch ms of a local clock minute on `date`. */
export function localInstantMs(date: string, minuteOfDay: number): number {
  return localMidnightMs(date) + minuteOfDay * MINUTE_MS;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The local date an instant falls on. */
export function localDateOf(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
