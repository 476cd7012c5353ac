/**
 * kWh each home meter imported per local day, for the residential tier pricing the planner needs
 * ("how much has this home used this month so far").
 */
export interface DailyImports {
  /** Adds imports per household (same order as the ids) to local date `date`. */
  add(date: string, kwh: ArrayLike<number>): void;
  /** Per household id: kWh of the days on record in `date`'s month, before `date`. */
  monthToDate(date: string): Map<string, number>;
}

export function createDailyImports(householdIds: readonly string[]): DailyImports {
  const byDate = new Map<string, Float64Array>();
  return {
    add(date, kwh) {
      let totals = byDate.get(date);
      if (!totals) {
        totals = new Float64Array(householdIds.length);
        byDate.set(date, totals);
      }
      for (let h = 0; h < totals.length; h++) totals[h] = (totals[h] ?? 0) + (kwh[h] ?? 0);
    },
    monthToDate(date) {
      const totals = new Float64Array(householdIds.length);
      for (const [day, kwh] of byDate) {
        if (day.slice(0, 7) !== date.slice(0, 7) || day >= date) continue;
        kwh.forEach((value, h) => {
          totals[h] = (totals[h] ?? 0) + value;
        });
      }
      return new Map(householdIds.map((id, h) => [id, totals[h] ?? 0]));
    },
  };
}
