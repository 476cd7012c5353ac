import { z } from 'zod';

/** The pilot village's time zone. Vietnam has used UTC+07:00 without daylight saving since 1975. */
export const VILLAGE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** ISO-8601 timestamp that must carry an explicit offset (`Z` or `+07:00`), never a local time. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** A calendar date `YYYY-MM-DD` in the village's time zone. */
export const isoDateSchema = z.iso.date();

/** Wall-clock time of day `HH:MM` in the village's time zone. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');

export type IsoDateTime = string;
export type IsoDate = string;
export type TimeOfDay = string;

/** Injected time source: planning and ingestion never read `Date.now()` directly. */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

export function minutesOfDay(time: TimeOfDay): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** Formats an instant as ISO-8601 with the zone's offset, e.g. `2026-11-29T05:00:00+07:00`. */
export function toZonedIso(epochMs: number, timeZone: string = VILLAGE_TIME_ZONE): IsoDateTime {
  const offset = offsetMinutesAt(epochMs, timeZone);
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** The village-local calendar date of an instant. */
export function zonedDate(epochMs: number, timeZone: string = VILLAGE_TIME_ZONE): IsoDate {
  return toZonedIso(epochMs, timeZone).slice(0, 10);
}
