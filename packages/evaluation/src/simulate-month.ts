import type { TariffBook, VillageDataset } from '@village/domain';
import { generateDemoVillage } from '@village/simulation';
import {
  type EnergyMonthResult,
  type EnergyPolicyResult,
  runEnergyMonth,
} from './energy/run-energy-month.ts';
import {
  type MonthOptions,
  type MonthOptionsInput,
  monthOptionsSchema,
  type Progress,
} from './month-options.ts';
import { type MonthReport, monthReportSchema } from './month-report.ts';
import { runWasteMonth, type WasteMonthResult } from './waste/run-waste-month.ts';
import { roundedTally } from './waste/waste-metrics.ts';

/**
 * The month-long evidence: both halves and the report the issue asks for. The halves share nothing
 * but the village, so a caller may run them apart (the script runs them on two threads) and join
 * them with `buildMonthReport`.
 */

export interface WastePart {
  result: WasteMonthResult;
  elapsedMs: number;
}

export interface EnergyPart {
  result: EnergyMonthResult;
  elapsedMs: number;
}

export function demoVillageFor(options: MonthOptions): VillageDataset {
  return generateDemoVillage({ seed: options.seed, ...options.village });
}

export function simulateWaste(options: MonthOptions, progress: Progress): WastePart {
  const started = performance.now();
  const result = runWasteMonth(demoVillageFor(options), options, progress);
  return { result, elapsedMs: performance.now() - started };
}

export function simulateEnergy(
  options: MonthOptions,
  tariffBook: TariffBook,
  progress: Progress,
): EnergyPart {
  const started = performance.now();
  const result = runEnergyMonth(demoVillageFor(options), tariffBook, options, progress);
  return { result, elapsedMs: performance.now() - started };
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function percentBelow(value: number, reference: number): number | null {
  return reference > 0 ? round((100 * (reference - value)) / reference, 1) : null;
}

function energyExtra(policy: EnergyPolicyResult) {
  return {
    movableLoadsCostVnd: round(policy.movableCostVnd),
    importKwh: round(policy.totals.importKwh, 1),
    timeOfUseCostVnd: round(policy.totals.touCostVnd),
    residentialCostVnd: round(policy.totals.residentialCostVnd),
  };
}

const energyMetrics = (policy: EnergyPolicyResult) => ({
  costVnd: round(policy.metrics.costVnd),
  peakKw: round(policy.metrics.peakKw, 1),
  transformerViolations: policy.metrics.transformerViolations,
});

export function buildMonthReport(
  options: MonthOptions,
  dataset: VillageDataset,
  waste: WastePart,
  energy: EnergyPart,
): MonthReport {
  const tallies = {
    optimized: roundedTally(waste.result.optimized),
    fixedSchedule: roundedTally(waste.result.fixedSchedule),
    thresholdNow: roundedTally(waste.result.thresholdNow),
  };
  const e = energy.result;
  const kmBelow = percentBelow(tallies.optimized.metrics.km, tallies.fixedSchedule.metrics.km);
  const movableBelow = percentBelow(e.optimized.movableCostVnd, e.unmanaged.movableCostVnd);
  const report: MonthReport = {
    days: options.days,
    seed: options.seed,
    waste: {
      optimized: tallies.optimized.metrics,
      fixedSchedule: tallies.fixedSchedule.metrics,
      thresholdNow: tallies.thresholdNow.metrics,
    },
    energy: { optimized: energyMetrics(e.optimized), unmanaged: energyMetrics(e.unmanaged) },
    extra: {
      startDate: options.startDate,
      village: {
        households: dataset.households.length,
        bins: dataset.bins.length,
        vehicles: dataset.vehicles.length,
        transformerLimitKw: dataset.village.transformer.limitKw,
      },
      waste: {
        warmupDays: options.waste.warmupDays,
        routingTimeLimitMs: options.waste.routingTimeLimitMs,
        fixedEveryDays: options.waste.fixedEveryDays,
        optimized: tallies.optimized.extra,
        fixedSchedule: tallies.fixedSchedule.extra,
        thresholdNow: tallies.thresholdNow.extra,
      },
      energy: {
        historyDays: options.energy.historyDays,
        horizonStart: clock(e.horizonStartMinute),
        schedulerTimeLimitMs: options.energy.timeLimitMs,
        noMovableLoadsCostVnd: round(e.noMovableLoads.costVnd),
        optimized: energyExtra(e.optimized),
        unmanaged: energyExtra(e.unmanaged),
        plans: e.plans.map((plan) => ({
          ...plan,
          plannedPeakKw: round(plan.plannedPeakKw, 1),
          truePeakKw: round(plan.truePeakKw, 1),
          fixedLoadUnderForecastKw: round(plan.fixedLoadUnderForecastKw, 1),
          planningMs: round(plan.planningMs),
        })),
      },
      targets: {
        kmBelowFixedSchedulePercent: kmBelow,
        wasteKmTargetMet: kmBelow === null ? null : kmBelow >= 30,
        overflowNoWorseThanFixedSchedule:
          tallies.optimized.metrics.overflowBinHours <= tallies.fixedSchedule.metrics.overflowBinHours,
        zeroTransformerViolations: e.optimized.metrics.transformerViolations === 0,
        cheaperThanUnmanaged: e.optimized.metrics.costVnd < e.unmanaged.metrics.costVnd,
        movableCostBelowUnmanagedPercent: movableBelow,
        movableCostTargetMet: movableBelow === null ? null : movableBelow >= 10,
      },
      elapsedMs: { waste: round(waste.elapsedMs), energy: round(energy.elapsedMs) },
    },
  };
  // The report is a contract (tests and docs read it): check it before anyone does.
  return monthReportSchema.parse(report);
}

/** Both halves one after the other, in this thread. */
export function simulateMonth(
  input: MonthOptionsInput,
  tariffBook: TariffBook,
  progress: Progress,
): MonthReport {
  const options = monthOptionsSchema.parse(input);
  const waste = simulateWaste(options, progress);
  const energy = simulateEnergy(options, tariffBook, progress);
  return buildMonthReport(options, demoVillageFor(options), waste, energy);
}
