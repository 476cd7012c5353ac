import type { ThreePriceRates, TouBand, TouSchedule, Weekday } from '@village/domain';
import { clockMinutes, DAY_MINUTES } from '../calendar.ts';

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const BANDS: readonly TouBand[] = ['normal', 'peak', 'offPeak'];

/** Per weekday, the band of every minute; built once per schedule object. */
const cache = new WeakMap<TouSchedule, Map<Weekday, Uint8Array>>();

function buildWeek(schedule: TouSchedule): Map<Weekday, Uint8Array> {
  const week = new Map<Weekday, Uint8Array>(WEEK.map((day) => [day, new Uint8Array(DAY_MINUTES)]));
  for (const period of schedule.periods) {
    const band = BANDS.indexOf(period.band);
    const from = clockMinutes(period.from);
    const to = clockMinutes(period.to);
    for (const day of period.days) {
      const today = week.get(day);
      // A period running past midnight continues on the next calendar day (22:00–04:00 Sunday
      // covers Monday 00:00–04:00), whatever that day's own periods are.
      const tomorrow = week.get(WEEK[(WEEK.indexOf(day) + 1) % 7] ?? 'mon');
      if (!today || !tomorrow) continue;
      if (to > from) {
        today.fill(band, from, to);
      } else {
        today.fill(band, from, DAY_MINUTES);
        tomorrow.fill(band, 0, to);
      }
    }
  }
  return week;
}

/** The time-of-use band of a local clock minute (0–1439) on a weekday. */
export function touBandAt(schedule: TouSchedule, weekday: Weekday, minuteOfDay: number): TouBand {
  let week = cache.get(schedule);
  if (!week) {
    week = buildWeek(schedule);
    cache.set(schedule, week);
  }
  return BANDS[week.get(weekday)?.[Math.floor(minuteOfDay)] ?? 0] ?? 'normal';
}

export function bandPrice(rates: ThreePriceRates, band: TouBand): number {
  if (band === 'peak') return rates.peakVndPerKwh;
  if (band === 'offPeak') return rates.offPeakVndPerKwh;
  return rates.normalVndPerKwh;
}
