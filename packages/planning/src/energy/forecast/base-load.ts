import { ValidationError } from '@village/domain';
import { addDays, checkHorizon, DAY_MINUTES, type Horizon, horizonDaySlots } from '../calendar.ts';
import { combineDaySeries, type DaySeries } from './day-series.ts';
import {
  type DayTypeProfiles,
  dayTypeOf,
  dayTypeProfiles,
  type LoadDayType,
  type ProfileOptions,
} from './day-type-profiles.ts';
import type { VillageShape } from './village-profile.ts';

export interface BaseLoadForecastInput extends Horizon {
  /** First date of the horizon. */
  date: string;
  /** The meter's net power per day (`meterDaySeries`). */
  history: readonly DaySeries[];
  /** Rooftop-solar generation per day, when a generation feed exists: added back to the net meter. */
  solarHistory?: readonly DaySeries[];
  /**
   * Flexible loads this meter saw: taken away, since the plan schedules them anew. Past plans' runs
   * (`planToDaySeries`) or, for days before plans, the loads run at will (`atWillLoadHistory`).
   */
  flexibleHistory?: readonly DaySeries[];
  /** Used when a day type has fewer than `minDays` usable days: the village's shape × this home's kWh/day. */
  fallback?: { shape: VillageShape; kwhPerDay: number };
  /** Fewest usable same-type days to trust the meter. Default 3 weekdays, 2 weekend days. */
  minDays?: Partial<Record<LoadDayType, number>>;
  days?: ProfileOptions['days'];
  minDayCoverage?: number;
  holidays?: readonly string[];
  /**
   * The day-type profiles this forecast would compute (`dayTypeProfiles` of `history` with solar
   * added and flexible loads taken away, these options, before `date`), when the caller has them
   * already: a home with nothing to add or take away has its meter's own. Then not computed again.
   */
  profiles?: DayTypeProfiles;
}

export type BaseLoadSource = 'meter' | 'village-average' | 'meter-other-day-type' | 'none';

export interface BaseLoadForecast {
  /** kW per horizon slot, never negative. */
  kw: number[];
  /** Where each day type's profile came from, and the days its median used. */
  sources: Record<LoadDayType, { source: BaseLoadSource; daysUsed: string[] }>;
}

/**
 * Tomorrow's fixed (non-flexible) load of one household, slot by slot.
 *
 * Method: the meter's net power per slot (`meterDaySeries`), plus solar generation where it is
 * measured, minus the flexible loads past plans ran; then, per day type (weekday, or weekend and
 * public holiday), the per-slot median of the last N usable days of that type. Each horizon slot
 * takes the profile of its own date's type, so a Friday-evening horizon switches to the weekend
 * profile at midnight. A day type with fewer than `minDays` usable days uses, in this order: the
 * village-average shape scaled to the home's kWh/day, the meter's other day type, or zeros (said
 * so in `sources`). Negative values (a solar home exporting, with no generation feed to add back)
 * become 0: the scheduler's base load is demand, and unseen sun is not promised to anyone.
 */
export function forecastBaseKw(input: BaseLoadForecastInput): BaseLoadForecast {
  checkHorizon(input, { alignedToDay: true });
  const slotsPerDay = DAY_MINUTES / input.slotMinutes;
  const wrongLength = input.history.find((day) => day.kw.length !== slotsPerDay);
  if (wrongLength) {
    throw new ValidationError('meter history does not match slotMinutes', [
      {
        field: 'history',
        message: `${wrongLength.date} has ${wrongLength.kw.length} slots, expected ${slotsPerDay}`,
      },
    ]);
  }
  const profiles = input.profiles ?? profilesOf(input);
  const fallback = input.fallback;
  if (fallback && fallback.shape.slotMinutes !== input.slotMinutes) {
    throw new ValidationError('village shape does not match slotMinutes', [
      {
        field: 'fallback.shape.slotMinutes',
        message: `is ${fallback.shape.slotMinutes}, expected ${input.slotMinutes}`,
      },
    ]);
  }
  const chosen = (type: LoadDayType): { kw: number[] | null; source: BaseLoadSource; daysUsed: string[] } => {
    const own = profiles[type];
    if (own.kw) return { kw: own.kw, source: 'meter', daysUsed: own.daysUsed };
    if (fallback) {
      return {
        kw: fallback.shape[type].map((perKwh) => perKwh * fallback.kwhPerDay),
        source: 'village-average',
        daysUsed: [],
      };
    }
    const other = profiles[type === 'weekday' ? 'weekend' : 'weekday'];
    if (other.kw) return { kw: other.kw, source: 'meter-other-day-type', daysUsed: other.daysUsed };
    return { kw: null, source: 'none', daysUsed: [] };
  };
  const byType = { weekday: chosen('weekday'), weekend: chosen('weekend') };
  const holidays = new Set(input.holidays ?? []);
  const typeOfDay: LoadDayType[] = [];
  const kw = horizonDaySlots(input).map(({ dayOffset, daySlot }) => {
    let type = typeOfDay[dayOffset];
    if (type === undefined) {
      type = dayTypeOf(addDays(input.date, dayOffset), holidays);
      typeOfDay[dayOffset] = type;
    }
    return Math.max(0, byType[type].kw?.[daySlot] ?? 0);
  });
  return {
    kw,
    sources: {
      weekday: { source: byType.weekday.source, daysUsed: byType.weekday.daysUsed },
      weekend: { source: byType.weekend.source, daysUsed: byType.weekend.daysUsed },
    },
  };
}

function profilesOf(input: BaseLoadForecastInput): DayTypeProfiles {
  let history: readonly DaySeries[] = input.history;
  if (input.solarHistory) history = combineDaySeries(history, input.solarHistory, 1);
  if (input.flexibleHistory) history = combineDaySeries(history, input.flexibleHistory, -1);
  const minDays = { weekday: input.minDays?.weekday ?? 3, weekend: input.minDays?.weekend ?? 2 };
  return dayTypeProfiles(
    history,
    {
      before: input.date,
      ...(input.days ? { days: input.days } : {}),
      ...(input.minDayCoverage !== undefined ? { minDayCoverage: input.minDayCoverage } : {}),
      ...(input.holidays ? { holidays: input.holidays } : {}),
    },
    minDays,
  );
}
