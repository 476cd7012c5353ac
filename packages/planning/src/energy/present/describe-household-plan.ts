import type { FlexibleLoadKind, Household, HouseholdSchedulePlan, ScenarioHousehold } from '@village/domain';
import { unmanagedSchedule } from '@village/solver';
import { householdOutcome, type SlotPricing } from './household-cost.ts';
import { costSentence, runSentence, type Sentence } from './load-phrases.ts';
import { type LoadRun, loadRuns } from './load-runs.ts';

export interface DescribeOptions {
  slotMinutes: number;
  startMinuteOfDay: number;
  /** The connection's prices: its own arrays in the scenario, else the village's. */
  prices: SlotPricing;
  /** Load kinds by load id, for the wording (`loadKindsOf(household)`); unknown loads are named by id. */
  loadKinds?: Readonly<Record<string, FlexibleLoadKind>>;
}

export interface LoadPlanDescription {
  loadId: string;
  kind?: FlexibleLoadKind;
  runs: LoadRun[];
  kwh: number;
  sentence: Sentence;
}

export interface HouseholdPlanDescription {
  id: string;
  loads: LoadPlanDescription[];
  /** All costs VND excluding VAT, at the scenario's prices. */
  expectedCostVnd: number;
  /** The same day with every load started as soon as its window opens, at full power. */
  unmanagedCostVnd: number;
  savingsVnd: number;
  /** The plan's net import over the horizon, kWh (for the bill estimate). */
  importKwh: number;
  peakKw: number;
  unmanagedPeakKw: number;
  summary: Sentence;
}

export function loadKindsOf(household: Household): Record<string, FlexibleLoadKind> {
  return Object.fromEntries(household.flexibleLoads.map((load) => [load.id, load.kind]));
}

/**
 * One connection's plan for people: each load's runs as clock times with a sentence in Vietnamese
 * and English ("Chạy máy bơm 11:00–13:00" / "Run the pump 11:00–13:00"), the expected cost and what
 * it saves against running at will. `scenarioHousehold` and `schedule` are the scenario's entry and
 * the scheduler's plan for the same id.
 */
export function describeHouseholdPlan(
  scenarioHousehold: ScenarioHousehold,
  schedule: HouseholdSchedulePlan,
  options: DescribeOptions,
): HouseholdPlanDescription {
  if (schedule.id !== scenarioHousehold.id) {
    throw new Error(`schedule ${schedule.id} does not belong to household ${scenarioHousehold.id}`);
  }
  const kwByLoad = new Map(schedule.loads.map((load) => [load.id, load.kw]));
  const loads = scenarioHousehold.loads.map((load): LoadPlanDescription => {
    const kind = options.loadKinds?.[load.id];
    const runs = loadRuns(load.id, kwByLoad.get(load.id) ?? [], options);
    return {
      loadId: load.id,
      ...(kind ? { kind } : {}),
      runs,
      kwh: runs.reduce((sum, run) => sum + run.kwh, 0),
      sentence: runSentence(kind, load.id, runs),
    };
  });
  const planned = householdOutcome(scenarioHousehold, schedule, options.prices, options.slotMinutes);
  const unmanaged = householdOutcome(
    scenarioHousehold,
    unmanagedSchedule(scenarioHousehold, options.slotMinutes),
    options.prices,
    options.slotMinutes,
  );
  const savingsVnd = unmanaged.costVnd - planned.costVnd;
  return {
    id: scenarioHousehold.id,
    loads,
    expectedCostVnd: planned.costVnd,
    unmanagedCostVnd: unmanaged.costVnd,
    savingsVnd,
    importKwh: planned.importKwh,
    peakKw: planned.peakKw,
    unmanagedPeakKw: unmanaged.peakKw,
    summary: costSentence(planned.costVnd, savingsVnd),
  };
}

/** The prices a scenario entry pays: its own arrays, else the village's. */
export function pricesOf(
  scenario: { importPrice: number[]; exportPrice?: number[] | undefined },
  household: ScenarioHousehold,
): SlotPricing {
  const exportPrice = household.exportPrice ?? scenario.exportPrice;
  return {
    importPrice: household.importPrice ?? scenario.importPrice,
    ...(exportPrice ? { exportPrice } : {}),
  };
}
