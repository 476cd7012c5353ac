import type { EnergyPlan, VillageDataset } from '@village/domain';
import { addDays, DAY_MINUTES, dayNumber } from '../calendar.ts';
import { atWillLoadHistory } from './at-will-history.ts';
import type { DaySeries } from './day-series.ts';

/**
 * What the base-load forecaster is told about the movable loads each home meter saw, so they are not
 * forecast as fixed load (`planEnergyDay`'s `plannedHistory`): in the slots a plan covered, the plan's
 * runs of the home's loads and its battery's net power; elsewhere (days before plans, households a
 * plan left out) the loads as if run at will (`atWillLoadHistory`, the planner's own default). Only
 * homes with a movable load or a battery need it; pumps have meters of their own. The service builds
 * it from the stored plans (`plannedHistoryFromPlans`), the month simulation from the plans it makes
 * day by day: one implementation, so the simulation measures what the service does.
 */
export interface PlannedHistory {
  /**
   * Remembers what a plan put on the home meters over its horizon. Where plans overlap, the one
   * recorded last counts (households follow the newer plan); record them oldest first.
   */
  record(plan: PlanOnMeters): void;
  /** Per household id, a series for each of `dates`; plans on another slot grid count as absent. */
  forDates(dates: readonly string[], slotMinutes: number): Map<string, DaySeries[]>;
}

/** The part of an energy plan that says what the home meters saw. */
export type PlanOnMeters = Pick<EnergyPlan, 'date' | 'startMinuteOfDay' | 'slotMinutes' | 'households'>;

/** One household's planned kW on one day's slots; NaN where no plan covered the slot. */
type PlannedDay = Float64Array;

/** The dates whose plans can cover `dates`: a horizon that starts after midnight runs into the next day. */
export function planDatesCovering(
  dates: readonly string[],
): { fromDate: string; toDate: string } | undefined {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === undefined || last === undefined
    ? undefined
    : { fromDate: addDays(first, -1), toDate: last };
}

export function createPlannedHistory(dataset: VillageDataset): PlannedHistory {
  const pumpIds = new Set(dataset.meters.filter((m) => m.kind === 'pump').map((m) => m.id));
  const concerned = dataset.households
    .map((household) => ({
      household,
      homeLoads: household.flexibleLoads.filter((load) => !pumpIds.has(load.id)),
    }))
    .filter(({ household, homeLoads }) => homeLoads.length > 0 || household.battery !== undefined);
  const concernedIds = new Set(concerned.map(({ household }) => household.id));
  /** `${slotMinutes}|${date}` → household id → planned day. */
  const days = new Map<string, Map<string, PlannedDay>>();
  const atWill = new Map<string, DaySeries>();

  const atWillSeries = (
    householdId: string,
    loads: (typeof concerned)[number]['homeLoads'],
    date: string,
    slotMinutes: number,
  ) => {
    const key = `${householdId}|${date}|${slotMinutes}`;
    let series = atWill.get(key);
    if (!series) {
      series = atWillLoadHistory(loads, [date], slotMinutes)[0] ?? {
        date,
        kw: new Array<number>(DAY_MINUTES / slotMinutes).fill(0),
      };
      atWill.set(key, series);
    }
    return series;
  };

  /** The home meter's share of a household's plan: its loads but the separately metered, and the battery. */
  const homeMeterKw = (planned: EnergyPlan['households'][number], slots: number): Float64Array => {
    const kw = new Float64Array(slots);
    for (const load of planned.loads) {
      if (pumpIds.has(load.loadId)) continue;
      for (let t = 0; t < slots; t++) kw[t] = (kw[t] ?? 0) + (load.kw[t] ?? 0);
    }
    // Older plans did not keep the battery: counted idle, as the at-will assumption has it.
    const battery = planned.batteryNetKw;
    if (battery) for (let t = 0; t < slots; t++) kw[t] = (kw[t] ?? 0) + (battery[t] ?? 0);
    return kw;
  };

  return {
    record(plan) {
      const { slotMinutes } = plan;
      const slots = Math.floor(DAY_MINUTES / slotMinutes);
      // Where each slot of the 24 h horizon falls: which day, which slot of it.
      const startMinute = plan.startMinuteOfDay ?? 0;
      const place = Array.from({ length: slots }, (_, t) => {
        const minute = startMinute + t * slotMinutes;
        const offset = Math.floor(minute / DAY_MINUTES);
        return { offset, slot: Math.floor((minute - offset * DAY_MINUTES) / slotMinutes) };
      });
      const dayKeys = new Map<number, string>();
      for (const { offset } of place) {
        if (!dayKeys.has(offset)) dayKeys.set(offset, `${slotMinutes}|${addDays(plan.date, offset)}`);
      }
      for (const planned of plan.households) {
        if (!concernedIds.has(planned.householdId)) continue;
        const kw = homeMeterKw(planned, slots);
        const touched = new Map<number, PlannedDay>();
        for (const [offset, key] of dayKeys) {
          let byHousehold = days.get(key);
          if (!byHousehold) {
            byHousehold = new Map();
            days.set(key, byHousehold);
          }
          let day = byHousehold.get(planned.householdId);
          if (!day) {
            day = new Float64Array(slots).fill(Number.NaN);
            byHousehold.set(planned.householdId, day);
          }
          touched.set(offset, day);
        }
        place.forEach(({ offset, slot }, t) => {
          const day = touched.get(offset);
          if (day) day[slot] = kw[t] ?? 0;
        });
      }
    },
    forDates(dates, slotMinutes) {
      const result = new Map<string, DaySeries[]>();
      for (const { household, homeLoads } of concerned) {
        result.set(
          household.id,
          dates.map((date) => {
            const fallback = atWillSeries(household.id, homeLoads, date, slotMinutes);
            const planned = days.get(`${slotMinutes}|${date}`)?.get(household.id);
            if (!planned) return fallback;
            return {
              date,
              kw: fallback.kw.map((atWillKw, s) => {
                const kw = planned[s] ?? Number.NaN;
                return Number.isNaN(kw) ? atWillKw : kw;
              }),
            };
          }),
        );
      }
      return result;
    },
  };
}

/**
 * `plannedHistory` for `planEnergyDay` from stored plans (any order; at most one per date is expected,
 * the date's latest): each plan laid on the days its horizon covers, newer horizons over older ones.
 */
export function plannedHistoryFromPlans(
  dataset: VillageDataset,
  plans: readonly PlanOnMeters[],
  dates: readonly string[],
  slotMinutes: number,
): Map<string, DaySeries[]> {
  const history = createPlannedHistory(dataset);
  const startOf = (plan: PlanOnMeters) => dayNumber(plan.date) * DAY_MINUTES + (plan.startMinuteOfDay ?? 0);
  for (const plan of [...plans].sort((a, b) => startOf(a) - startOf(b))) history.record(plan);
  return history.forDates(dates, slotMinutes);
}
