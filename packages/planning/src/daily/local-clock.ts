import { minutesOfDay, type TimeOfDay } from '@village/domain';

/**
 * Vietnam keeps UTC+7 all year (no daylight saving), so a village-local date and time of day map to an
 * instant with a fixed offset. Kept in one place: a village elsewhere would swap this for a zone lookup.
 */
export const VILLAGE_OFFSET = '+07:00';

export function localInstantMs(date: string, time: TimeOfDay | string): number {
  const minutes = minutesOfDay(time as TimeOfDay);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return Date.parse(`${date}T${hh}:${mm}:00${VILLAGE_OFFSET}`);
}
