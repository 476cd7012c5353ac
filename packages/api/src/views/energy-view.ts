import type { EnergyPlanSummary } from '@village/store';
import type { EnergyPlanSummaryView } from '../schemas/energy-plans.ts';
import { zonedFromIso, zonedFromMs, zonedMidnightMs } from '../zoned-time.ts';

/** Watt-hour / watt resolution, free of float noise. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function toEnergySummaryView(plan: EnergyPlanSummary): EnergyPlanSummaryView {
  return {
    planId: plan.planId,
    villageId: plan.villageId,
    date: plan.date,
    createdAt: zonedFromIso(plan.createdAt),
    sequence: plan.sequence,
    slotMinutes: plan.slotMinutes,
    householdCount: plan.householdCount,
    villagePeakKw: plan.villagePeakKw,
    transformerLimitKw: plan.transformerLimitKw,
    transformerReserveKw: plan.transformerReserveKw ?? 0,
    horizonStart: zonedFromMs(zonedMidnightMs(plan.date) + (plan.startMinuteOfDay ?? 0) * 60_000),
    withinTransformerLimit: plan.villagePeakKw <= plan.transformerLimitKw,
    headroomKw: round3(plan.transformerLimitKw - plan.villagePeakKw),
    totalCostVnd: plan.totalCostVnd,
    totalExpectedCostVnd: plan.totalExpectedCostVnd,
    totalUnmanagedCostVnd: plan.totalUnmanagedCostVnd,
    totalSavingsVnd: plan.totalUnmanagedCostVnd - plan.totalExpectedCostVnd,
  };
}

/** Below this a slot's power is rounding noise, not a run. */
const IDLE_KW = 1e-6;

/**
 * The stretches in which a load draws power ("run the pump 11:00–13:00"), from its kW per slot;
 * slot 0 starts at `dayStartMs` (the plan horizon's start, village time).
 */
export function loadRuns(kw: readonly number[], dayStartMs: number, slotMinutes: number) {
  const slotMs = slotMinutes * 60_000;
  const runs: Array<{ start: string; end: string; maxKw: number; kwh: number }> = [];
  for (let i = 0; i < kw.length; ) {
    if (Math.abs(kw[i] ?? 0) <= IDLE_KW) {
      i++;
      continue;
    }
    let j = i;
    let maxKw = 0;
    let kwh = 0;
    for (; j < kw.length && Math.abs(kw[j] ?? 0) > IDLE_KW; j++) {
      const p = kw[j] ?? 0;
      maxKw = Math.max(maxKw, p);
      kwh += (p * slotMinutes) / 60;
    }
    runs.push({
      start: zonedFromMs(dayStartMs + i * slotMs),
      end: zonedFromMs(dayStartMs + j * slotMs),
      maxKw: round3(maxKw),
      kwh: round3(kwh),
    });
    i = j;
  }
  return runs;
}
