import * as z from 'zod';

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

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
/** Zone offsets change only at transitions on (at least) quarter-hour boundaries. */
const OFFSET_BUCKET_MS = 15 * 60_000;
const OFFSET_CACHE_LIMIT = 4096;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's UTC offset at an instant, in minutes. Intl formatting is slow (it showed up as 10 % of
 * ingestion CPU), so formatters and per-quarter-hour offsets are cached.
 */
function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const probeMs = bucket * OFFSET_BUCKET_MS;
  const parts = formatterFor(timeZone).formatToParts(new Date(probeMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = Math.round((asUtc - probeMs) / 60_000);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
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
