import type { HouseholdSchedulePlan, ScenarioHousehold } from '@village/domain';

/**
 * Running at will, the yardstick: every load starts at full power the moment its window opens (an
 * interruptible one until its energy is delivered, the last slot partly), the battery idles and all
 * the sun is used. The one implementation of the rule: the scheduler's `unmanaged` figures
 * (unmanaged-plan.ts) and the planning package's savings and descriptions all come from it.
 */
export function unmanagedSchedule(household: ScenarioHousehold, slotMinutes: number): HouseholdSchedulePlan {
  const slots = household.baseKw.length;
  const slotHours = slotMinutes / 60;
  const loads = household.loads.map((load) => {
    const kw = new Array<number>(slots).fill(0);
    if (load.interruptible) {
      let remainingKwh = load.energyKwh;
      for (let t = load.earliest; t < load.latest && remainingKwh > 1e-12; t++) {
        kw[t] = Math.min(load.kw, remainingKwh / slotHours);
        remainingKwh -= (kw[t] ?? 0) * slotHours;
      }
    } else {
      kw.fill(load.kw, load.earliest, load.earliest + load.durationSlots);
    }
    return { id: load.id, kw };
  });
  return {
    id: household.id,
    loads,
    ...(household.battery
      ? {
          battery: {
            chargeKw: new Array<number>(slots).fill(0),
            dischargeKw: new Array<number>(slots).fill(0),
          },
        }
      : {}),
    pvUsedKw: household.pvKw ? [...household.pvKw] : new Array<number>(slots).fill(0),
  };
}
