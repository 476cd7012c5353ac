import type { HouseholdSchedulePlan, ScenarioHousehold } from '@village/domain';

export interface SlotPricing {
  /** VND/kWh per slot. */
  importPrice: readonly number[];
  /** VND/kWh per slot; 0 when absent. */
  exportPrice?: readonly number[];
}

export interface HouseholdOutcome {
  /** Imports at the import price minus exports at the export price, VND. */
  costVnd: number;
  /** Net power per slot, kW (positive = import). */
  netKw: number[];
  importKwh: number;
  peakKw: number;
}

/**
 * What a schedule means at the meter: net power = base + flexible loads + battery charge − discharge
 * − solar used, in every slot; cost = imports × import price − exports × export price.
 */
export function householdOutcome(
  household: ScenarioHousehold,
  schedule: HouseholdSchedulePlan,
  pricing: SlotPricing,
  slotMinutes: number,
): HouseholdOutcome {
  const slotHours = slotMinutes / 60;
  const netKw = household.baseKw.map((base, t) => {
    let kw = base - (schedule.pvUsedKw[t] ?? 0);
    for (const load of schedule.loads) kw += load.kw[t] ?? 0;
    if (schedule.battery) kw += (schedule.battery.chargeKw[t] ?? 0) - (schedule.battery.dischargeKw[t] ?? 0);
    return kw;
  });
  let costVnd = 0;
  let importKwh = 0;
  netKw.forEach((kw, t) => {
    if (kw > 0) {
      importKwh += kw * slotHours;
      costVnd += kw * slotHours * (pricing.importPrice[t] ?? 0);
    } else {
      costVnd += kw * slotHours * (pricing.exportPrice?.[t] ?? 0);
    }
  });
  return { costVnd, netKw, importKwh, peakKw: Math.max(0, ...netKw) };
}
