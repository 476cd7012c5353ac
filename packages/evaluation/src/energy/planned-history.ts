import type { VillageDataset } from '@village/domain';
import { atWillLoadHistory, type DaySeries, planToDaySeries } from '@village/planning';
import type { ConnectionKw } from './connection-loads.ts';

/**
 * What the service tells the base-load forecaster about the movable loads each home meter saw, so
 * they are not forecast as fixed load: in the slots a plan covered, the plan's runs (loads and
 * battery); elsewhere (days before plans) the loads as if run at will (`atWillLoadHistory`, the
 * planner's own default). Only homes with a movable load or a battery need it; pumps have meters of
 * their own.
 */
export interface PlannedHistory {
  /** Remembers the plan the home meters followed over the horizon starting `startMinuteOfDay` on `date`. */
  record(date: string, startMinuteOfDay: number, slotMinutes: number, planned: ConnectionKw): void;
  /** Per household id, a series for each of `dates`. */
  forDates(dates: readonly string[], slotMinutes: number): Map<string, DaySeries[]>;
}

interface PlannedDay {
  /** 1 where a plan covered the slot. */
  covered: Uint8Array;
  kw: Map<string, number[]>;
}

export function createPlannedHistory(dataset: VillageDataset): PlannedHistory {
  const pumpIds = new Set(dataset.meters.filter((m) => m.kind === 'pump').map((m) => m.id));
  const concerned = dataset.households
    .map((household) => ({
      household,
      homeLoads: household.flexibleLoads.filter((load) => !pumpIds.has(load.id)),
    }))
    .filter(({ household, homeLoads }) => homeLoads.length > 0 || household.battery !== undefined);
  const days = new Map<string, PlannedDay>();
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
        kw: new Array<number>(1440 / slotMinutes).fill(0),
      };
      atWill.set(key, series);
    }
    return series;
  };

  return {
    record(date, startMinuteOfDay, slotMinutes, kwByConnection) {
      const slots = 1440 / slotMinutes;
      const coverage = planToDaySeries({
        date,
        startMinuteOfDay,
        slotMinutes,
        kw: new Array<number>(slots).fill(1),
      });
      const dayOf = (day: string) => {
        let planned = days.get(day);
        if (!planned) {
          planned = { covered: new Uint8Array(slots), kw: new Map() };
          days.set(day, planned);
        }
        return planned;
      };
      for (const series of coverage) {
        const planned = dayOf(series.date);
        series.kw.forEach((one, s) => {
          if (one === 1) planned.covered[s] = 1;
        });
      }
      for (const { household } of concerned) {
        const kw = kwByConnection.get(household.id);
        if (!kw) continue;
        for (const series of planToDaySeries({ date, startMinuteOfDay, slotMinutes, kw: [...kw] })) {
          const planned = dayOf(series.date);
          const sum = planned.kw.get(household.id) ?? new Array<number>(slots).fill(0);
          series.kw.forEach((value, s) => {
            sum[s] = (sum[s] ?? 0) + (value ?? 0);
          });
          planned.kw.set(household.id, sum);
        }
      }
    },
    forDates(dates, slotMinutes) {
      const result = new Map<string, DaySeries[]>();
      for (const { household, homeLoads } of concerned) {
        result.set(
          household.id,
          dates.map((date) => {
            const planned = days.get(date);
            const fallback = atWillSeries(household.id, homeLoads, date, slotMinutes);
            if (!planned) return fallback;
            const kw = planned.kw.get(household.id);
            return {
              date,
              kw: fallback.kw.map((atWillKw, s) => (planned.covered[s] ? (kw?.[s] ?? 0) : atWillKw)),
            };
          }),
        );
      }
      return result;
    },
  };
}
