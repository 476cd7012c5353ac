import {
  type EnergyPlan,
  type LoadScenario,
  type TariffBook,
  toZonedIso,
  type VillageDataset,
} from '@village/domain';
import { createPlannedHistory, planEnergyDay, TRACK_RECORD_PLANS, tariffOn } from '@village/planning';
import { addDays, localInstantMs } from '../local-day.ts';
import type { MonthOptions, Progress } from '../month-options.ts';
import { NO_MOVABLE_LOADS, plannedConnectionKw, unmanagedConnectionKw } from './connection-loads.ts';
import { createDailyImports } from './daily-imports.ts';
import { createEnergyLedger, type LedgerTotals } from './energy-ledger.ts';
import { createMeterHistory } from './meter-history.ts';
import { recordPracticeHistory } from './practice-history.ts';
import { recordTelemetry } from './record-telemetry.ts';
import { createVillageTruth } from './village-truth.ts';

/**
 * The energy month. History first: `historyDays` of today's practice from the full meter model. Then
 * each evening at 18:00 the service plans the next day with `planEnergyDay` from the meter history it
 * has received, and the day is lived three ways on the same true fixed loads and sun: as planned
 * (optimized), at will (unmanaged: the plan's own yardstick on the same loads), and with no movable
 * load at all (the reference for what the movable loads cost). The optimized world's meters feed the
 * next evening's plan.
 */

/** The service plans the next day at 18:00 village time (its default schedule). */
const PLAN_MINUTE = 18 * 60;
const SLOT_MINUTES = 15;

export interface EnergyMetrics {
  costVnd: number;
  peakKw: number;
  transformerViolations: number;
}

export interface EnergyPolicyResult {
  metrics: EnergyMetrics;
  /** Cost minus the cost of the same days with no movable load: what the movable loads cost, VND. */
  movableCostVnd: number;
  totals: LedgerTotals;
}

export interface EnergyMonthResult {
  optimized: EnergyPolicyResult;
  unmanaged: EnergyPolicyResult;
  noMovableLoads: LedgerTotals;
  transformerLimitKw: number;
  horizonStartMinute: number;
  /** Per plan: the peak it expected and the one that came, the scheduler's verdict, the time taken. */
  plans: PlanRecord[];
}

export interface PlanRecord {
  date: string;
  /** Village peak on the forecast, as planned. */
  plannedPeakKw: number;
  /** Village peak when the plan met the true fixed loads and sun. */
  truePeakKw: number;
  /** Largest amount by which the true fixed load net of solar exceeded its forecast in a slot, village-wide. */
  fixedLoadUnderForecastKw: number;
  /** Slots over the limit that day, as planned and at will. */
  violations: { optimized: number; unmanaged: number };
  status: string;
  /** Loads the scenario trimmed or left out (windows the horizon cuts). */
  notes: number;
  planningMs: number;
}

/** Village-wide: how far the true fixed load net of solar went above the forecast the plan used. */
function largestShortfall(scenario: LoadScenario, trueFixedKw: Float64Array): number {
  const forecast = new Float64Array(scenario.slots);
  for (const household of scenario.households) {
    household.baseKw.forEach((kw, t) => {
      forecast[t] = (forecast[t] ?? 0) + kw - (household.pvKw?.[t] ?? 0);
    });
  }
  let largest = 0;
  trueFixedKw.forEach((kw, t) => {
    largest = Math.max(largest, kw - (forecast[t] ?? 0));
  });
  return largest;
}

/** Meter model seed: its own stream, so the energy world does not move when the waste world does. */
function meterSeedOf(seed: number): number {
  return (seed ^ 0x4d455452) >>> 0;
}

export function runEnergyMonth(
  dataset: VillageDataset,
  tariffBook: TariffBook,
  options: MonthOptions,
  progress: Progress,
): EnergyMonthResult {
  const { days, startDate } = options;
  const { historyDays, timeLimitMs, horizonStartMinute } = options.energy;
  const meterSeed = meterSeedOf(options.seed);
  const householdIds = dataset.households.map((h) => h.id);
  const limitKw = dataset.village.transformer.limitKw;
  const history = createMeterHistory(
    dataset.households.map((h) => h.meterId),
    historyDays + 1,
  );
  const imports = createDailyImports(householdIds);
  const plannedHistory = createPlannedHistory(dataset);
  // The plans the service has stored, newest last: it checks its forecasts against them.
  const pastPlans: EnergyPlan[] = [];
  const horizonStartMs = (date: string) => localInstantMs(date, horizonStartMinute);

  const registers = recordPracticeHistory(
    dataset,
    meterSeed,
    localInstantMs(addDays(startDate, -historyDays), 0),
    horizonStartMs(startDate),
    history,
    imports,
  );
  progress(`energy: ${historyDays} days of meter history from today's practice`);
  const truth = createVillageTruth(dataset, meterSeed);
  const ledgers = {
    optimized: createEnergyLedger(householdIds, limitKw),
    unmanaged: createEnergyLedger(householdIds, limitKw),
    none: createEnergyLedger(householdIds, limitKw),
  };
  const plans: EnergyMonthResult['plans'] = [];

  for (let d = 0; d < days; d++) {
    const date = addDays(startDate, d);
    const planAtMs = localInstantMs(addDays(date, -1), PLAN_MINUTE);
    history.release(planAtMs);
    const historyDates = Array.from({ length: historyDays }, (_, i) => addDays(date, i - historyDays));
    const started = performance.now();
    const day = planEnergyDay({
      dataset,
      date,
      tariffBook,
      meterHistory: history.samples,
      plannedHistory: plannedHistory.forDates(historyDates, SLOT_MINUTES),
      recentPlans: pastPlans.slice(-TRACK_RECORD_PLANS),
      monthToDateKwh: imports.monthToDate(date),
      slotMinutes: SLOT_MINUTES,
      startMinuteOfDay: horizonStartMinute,
      historyDays,
      timeLimitMs,
      planId: `sim-energy-${date}`,
      createdAt: toZonedIso(planAtMs),
    });
    const planningMs = performance.now() - started;
    const { scenario, loadPlan } = day;
    const connections = day.assembled.connections;
    const startMs = horizonStartMs(date);
    const baseNetKw = truth.horizon(startMs);
    const planned = plannedConnectionKw(scenario, loadPlan);
    const optimized = ledgers.optimized.addHorizon({ scenario, connections, baseNetKw, added: planned });
    const unmanaged = ledgers.unmanaged.addHorizon({
      scenario,
      connections,
      baseNetKw,
      added: unmanagedConnectionKw(scenario),
    });
    const fixedOnly = ledgers.none.addHorizon({ scenario, connections, baseNetKw, added: NO_MOVABLE_LOADS });
    // What the service will read back: the stored plan's runs and battery on the home meters.
    plannedHistory.record(day.plan);
    pastPlans.push(day.plan);
    recordTelemetry(startMs, optimized.homeNetKw, registers, history, imports);
    const truePeakKw = Math.max(...optimized.slotKw);
    plans.push({
      date,
      plannedPeakKw: loadPlan.peakKw,
      truePeakKw,
      fixedLoadUnderForecastKw: largestShortfall(scenario, fixedOnly.slotKw),
      violations: { optimized: optimized.violations, unmanaged: unmanaged.violations },
      status: loadPlan.status,
      notes: day.assembled.notes.length,
      planningMs,
    });
    progress(
      `energy ${date}: planned in ${(planningMs / 1000).toFixed(1)} s (${loadPlan.status}), peak planned ${loadPlan.peakKw.toFixed(0)} kW, true ${truePeakKw.toFixed(0)} kW, limit ${limitKw} kW, slots over ${optimized.violations} (at will ${unmanaged.violations})`,
    );
  }

  const tariff = tariffOn(tariffBook, startDate);
  const none = ledgers.none.totals(tariff, days);
  const policy = (ledger: typeof ledgers.optimized): EnergyPolicyResult => {
    const totals = ledger.totals(tariff, days);
    return {
      metrics: {
        costVnd: totals.costVnd,
        peakKw: totals.peakKw,
        transformerViolations: totals.transformerViolations,
      },
      movableCostVnd: totals.costVnd - none.costVnd,
      totals,
    };
  };
  return {
    optimized: policy(ledgers.optimized),
    unmanaged: policy(ledgers.unmanaged),
    noMovableLoads: none,
    transformerLimitKw: limitKw,
    horizonStartMinute,
    plans,
  };
}
