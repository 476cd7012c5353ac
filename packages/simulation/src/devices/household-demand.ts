import type { FlexibleLoad, Household } from '@village/domain';
import { naiveLoadKw, type ScheduledLoad } from './flexible-load-schedule.ts';
import { baseLoadKw, dayTypeFactor } from './load-profiles.ts';
import { isPublicHoliday, localMinuteOfDay, localWeekday } from './local-time.ts';
import { normalNoise, stringKey } from './noise.ts';

/** Fixed load of a household at an instant, with ±12 % per-15-minute noise around its profile. */
export function householdBaseKw(
  household: Household,
  householdKey: number,
  seed: number,
  epochMs: number,
): number {
  const weekday = localWeekday(epochMs);
  const offDay = weekday === 0 || weekday === 6 || isPublicHoliday(epochMs);
  const expected =
    baseLoadKw(household.tariff, household.baseLoadKwhPerDay, localMinuteOfDay(epochMs)) *
    dayTypeFactor(household.tariff, offDay);
  const quarterHour = Math.floor(epochMs / 900_000);
  return expected * (1 + 0.12 * normalNoise(seed, householdKey, quarterHour));
}

/** Prepares loads for repeated evaluation: noise key from the load id plus a run memo. */
export function scheduleLoads(loads: readonly FlexibleLoad[]): ScheduledLoad[] {
  return loads.map((load) => ({ load, key: stringKey(load.id), runs: new Map() }));
}

/** Sum of the given flexible loads under naive (unplanned) use. */
export function naiveLoadsKw(loads: readonly ScheduledLoad[], seed: number, epochMs: number): number {
  let kw = 0;
  for (const load of loads) kw += naiveLoadKw(load, seed, epochMs);
  return kw;
}
