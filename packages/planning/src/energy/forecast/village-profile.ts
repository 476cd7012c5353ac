import type { DayTypeProfiles, LoadDayType } from './day-type-profiles.ts';

/**
 * The village's typical day as a shape: kW per slot for each kWh/day a home uses, per day type. A
 * meter with too little history borrows it, scaled to the home's registered daily consumption.
 */
export interface VillageShape {
  slotMinutes: number;
  weekday: number[];
  weekend: number[];
}

/**
 * Average of the given households' profiles, each first divided by its own daily energy so that big
 * and small consumers weigh the same. Build it from households alike in use (same tariff kind: shops
 * do not live like homes). A day type nobody has borrows the other; undefined when nobody has any.
 */
export function villageShape(
  profiles: readonly DayTypeProfiles[],
  slotMinutes: number,
): VillageShape | undefined {
  const average = (type: LoadDayType): number[] | undefined => {
    const shapes = profiles.flatMap((profile) => {
      const kw = profile[type].kw;
      const kwh = kw ? kw.reduce((sum, value) => sum + Math.max(0, value), 0) * (slotMinutes / 60) : 0;
      return kw && kwh > 0 ? [kw.map((value) => Math.max(0, value) / kwh)] : [];
    });
    const first = shapes[0];
    if (!first) return undefined;
    return first.map((_, s) => shapes.reduce((sum, shape) => sum + (shape[s] ?? 0), 0) / shapes.length);
  };
  const weekday = average('weekday');
  const weekend = average('weekend');
  if (!weekday && !weekend) return undefined;
  return { slotMinutes, weekday: weekday ?? weekend ?? [], weekend: weekend ?? weekday ?? [] };
}
