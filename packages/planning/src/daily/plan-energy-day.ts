import {
  DEFAULT_TRANSFORMER_RESERVE_PERCENT,
  type EnergyPlan,
  type LoadPlan,
  type LoadScenario,
  type TariffBook,
  type VillageDataset,
} from '@village/domain';
import { scheduleLoads } from '@village/solver';
import { addDays } from '../energy/calendar.ts';
import { atWillLoadHistory } from '../energy/forecast/at-will-history.ts';
import { forecastBaseKw } from '../energy/forecast/base-load.ts';
import type { DaySeries } from '../energy/forecast/day-series.ts';
import { type DayTypeProfiles, dayTypeProfiles } from '../energy/forecast/day-type-profiles.ts';
import { forecastTrackRecord, type PlanForecast } from '../energy/forecast/forecast-track-record.ts';
import { type MeterSample, meterDaySeries } from '../energy/forecast/meter-days.ts';
import { transformerReserveKw } from '../energy/forecast/transformer-reserve.ts';
import { villageShape } from '../energy/forecast/village-profile.ts';
import {
  describeHouseholdPlan,
  type HouseholdPlanDescription,
  loadKindsOf,
  pricesOf,
} from '../energy/present/describe-household-plan.ts';
import { type AssembledLoadScenario, assembleLoadScenario } from '../energy/scenario/build-load-scenario.ts';
import { separatelyMeteredLoads } from '../energy/scenario/separately-metered.ts';

export interface EnergyDayInput {
  dataset: VillageDataset;
  /** The village-local day planned (the horizon starts at its `startMinuteOfDay`). */
  date: string;
  tariffBook: TariffBook;
  /** Every meter's readings before the planned day (any order). */
  meterHistory: ReadonlyMap<string, readonly MeterSample[]>;
  /** Past plans' runs per household, so the base-load forecast does not count planned loads twice. */
  plannedHistory?: ReadonlyMap<string, readonly DaySeries[]>;
  /** Defaults to the village transformer's limit from the dataset. */
  transformerKw?: number;
  /**
   * The least kept free under the limit for forecast error, % of it (default
   * `DEFAULT_TRANSFORMER_RESERVE_PERCENT`, the operator setting's); more while recent forecasts fell
   * short or none can be checked yet (see transformer-reserve.ts).
   */
  transformerReservePercent?: number;
  /** The service's recent plans (any order; the newest week is used) to check its forecasts against the meters. */
  recentPlans?: readonly PlanForecast[];
  slotMinutes?: number;
  /** Local minute the horizon starts at; default 0 (the calendar day). */
  startMinuteOfDay?: number;
  /** kWh each household has used this month so far (residential tier pricing); default 0. */
  monthToDateKwh?: ReadonlyMap<string, number>;
  historyDays?: number;
  timeLimitMs?: number;
  holidays?: readonly string[];
  planId: string;
  createdAt: string;
}

export interface EnergyDayResult {
  plan: EnergyPlan;
  assembled: AssembledLoadScenario;
  scenario: LoadScenario;
  loadPlan: LoadPlan;
  descriptions: HouseholdPlanDescription[];
}

/**
 * The service's evening decision for the next day, from meter history only: per-household base-load
 * forecasts (weekday/weekend medians, minus the flexible loads the meter already saw), the scheduler's
 * scenario at the tariffs in force, the village plan, and each household's plan in words. The
 * service and the month simulation both call exactly this.
 */
export function planEnergyDay(input: EnergyDayInput): EnergyDayResult {
  const { dataset, date } = input;
  const slotMinutes = input.slotMinutes ?? 15;
  const horizon = {
    slotMinutes,
    slots: Math.round(1440 / slotMinutes),
    startMinuteOfDay: input.startMinuteOfDay ?? 0,
  };
  const historyDays = input.historyDays ?? 14;
  const historyDates = Array.from({ length: historyDays }, (_, d) => addDays(date, d - historyDays));
  const holidays = input.holidays ?? [];
  const history = new Map(
    dataset.households.map((h) => [
      h.id,
      meterDaySeries(input.meterHistory.get(h.meterId) ?? [], { slotMinutes }),
    ]),
  );
  const profiles = new Map<string, DayTypeProfiles>(
    dataset.households
      .filter((h) => h.tariff === 'residential-tiered')
      .map((h) => [
        h.id,
        dayTypeProfiles(history.get(h.id) ?? [], { before: date }, { weekday: 3, weekend: 2 }),
      ]),
  );
  const shape = villageShape([...profiles.values()], slotMinutes);
  const pumpIds = new Set(dataset.meters.filter((m) => m.kind === 'pump').map((m) => m.id));

  // What each home meter saw of its flexible loads: past plans where there are some, else the loads
  // run at will (before the service planned them). Pumps have their own meters.
  const movableHistory = new Map<string, readonly DaySeries[]>();
  for (const household of dataset.households) {
    const homeLoads = household.flexibleLoads.filter((load) => !pumpIds.has(load.id));
    const series =
      input.plannedHistory?.get(household.id) ??
      (homeLoads.length > 0 ? atWillLoadHistory(homeLoads, historyDates, slotMinutes) : undefined);
    if (series) movableHistory.set(household.id, series);
  }
  const households = dataset.households.map((household) => {
    const flexibleHistory = movableHistory.get(household.id);
    // Nothing to take away and no holiday to tell apart: the forecast's profiles are the meter's.
    const meterProfiles = flexibleHistory || holidays.length > 0 ? undefined : profiles.get(household.id);
    return {
      household,
      baseKw: forecastBaseKw({
        ...horizon,
        date,
        history: history.get(household.id) ?? [],
        ...(flexibleHistory ? { flexibleHistory } : {}),
        holidays,
        ...(shape ? { fallback: { shape, kwhPerDay: household.baseLoadKwhPerDay } } : {}),
        ...(meterProfiles ? { profiles: meterProfiles } : {}),
      }).kw,
      monthToDateKwh: input.monthToDateKwh?.get(household.id) ?? 0,
      separatelyMetered: separatelyMeteredLoads(household, dataset.meters),
    };
  });
  const limitKw = input.transformerKw ?? dataset.village.transformer.limitKw;
  const trackRecord = forecastTrackRecord({
    plans: input.recentPlans ?? [],
    meterKw: history,
    movableKw: movableHistory,
    slotMinutes,
  });
  const reserveKw = transformerReserveKw(
    limitKw,
    input.transformerReservePercent ?? DEFAULT_TRANSFORMER_RESERVE_PERCENT,
    trackRecord,
  );
  const assembled = assembleLoadScenario({
    ...horizon,
    date,
    tariffBook: input.tariffBook,
    transformerKw: limitKw - reserveKw,
    households,
  });
  const loadPlan = scheduleLoads(assembled.scenario, { timeLimitMs: input.timeLimitMs ?? 10_000 });
  const owners = new Map(dataset.households.map((h) => [h.id, h]));
  const schedules = new Map(loadPlan.households.map((h) => [h.id, h]));
  const connectionsById = new Map(assembled.connections.map((c) => [c.id, c]));
  const descriptions = assembled.scenario.households.map((entry) => {
    const schedule = schedules.get(entry.id);
    const connection = connectionsById.get(entry.id);
    const owner = connection ? owners.get(connection.householdId) : undefined;
    if (!schedule || !owner) throw new Error(`no plan or owner for connection ${entry.id}`);
    return describeHouseholdPlan(entry, schedule, {
      ...horizon,
      prices: pricesOf(assembled.scenario, entry),
      loadKinds: loadKindsOf(owner),
    });
  });
  return {
    plan: toEnergyPlan(input, assembled, loadPlan, descriptions, { slotMinutes, limitKw, reserveKw }),
    assembled,
    scenario: assembled.scenario,
    loadPlan,
    descriptions,
  };
}

/** Charging minus discharging per slot, kW: what the battery adds to its home meter's reading. */
function batteryNetKw(battery: { chargeKw: readonly number[]; dischargeKw: readonly number[] }): number[] {
  return battery.chargeKw.map((kw, t) => kw - (battery.dischargeKw[t] ?? 0));
}

/**
 * One entry per household: a home and its separately metered pump are one household's plan. The
 * battery's net power is kept with it, so a stored plan tells what the home meter saw of everything
 * the plan moved (`plannedHistoryFromPlans`).
 */
function toEnergyPlan(
  input: EnergyDayInput,
  assembled: AssembledLoadScenario,
  loadPlan: LoadPlan,
  descriptions: readonly HouseholdPlanDescription[],
  limits: { slotMinutes: number; limitKw: number; reserveKw: number },
): EnergyPlan {
  const { slotMinutes } = limits;
  const byHousehold = new Map<string, EnergyPlan['households'][number]>();
  const connections = new Map(assembled.connections.map((c) => [c.id, c]));
  // The fixed net load the plan was made around, as the home meters will see it: checked against
  // them later (forecast-track-record.ts) to size the next plans' reserve.
  const forecastFixedKw = new Array<number>(assembled.scenario.slots).fill(0);
  assembled.scenario.households.forEach((entry, i) => {
    const connection = connections.get(entry.id);
    if (connection && connection.id === connection.householdId) {
      entry.baseKw.forEach((kw, t) => {
        forecastFixedKw[t] = (forecastFixedKw[t] ?? 0) + kw - (entry.pvKw?.[t] ?? 0);
      });
    }
    const schedule = loadPlan.households[i];
    const description = descriptions[i];
    if (!connection || !schedule || !description) return;
    const current = byHousehold.get(connection.householdId) ?? {
      householdId: connection.householdId,
      loads: [],
      expectedCostVnd: 0,
      unmanagedCostVnd: 0,
    };
    current.loads.push(...schedule.loads.map((load) => ({ loadId: load.id, kw: load.kw })));
    // The battery is on the home meter (a pump's own meter has none): what that meter saw of it.
    if (schedule.battery && connection.id === connection.householdId) {
      current.batteryNetKw = batteryNetKw(schedule.battery);
    }
    current.expectedCostVnd += description.expectedCostVnd;
    current.unmanagedCostVnd += description.unmanagedCostVnd;
    byHousehold.set(connection.householdId, current);
  });
  return {
    planId: input.planId,
    villageId: input.dataset.village.id,
    date: input.date,
    createdAt: input.createdAt,
    slotMinutes,
    startMinuteOfDay: input.startMinuteOfDay ?? 0,
    households: [...byHousehold.values()],
    villagePeakKw: loadPlan.peakKw,
    transformerLimitKw: limits.limitKw,
    transformerReserveKw: Math.round(limits.reserveKw * 1000) / 1000,
    forecastFixedKw: forecastFixedKw.map((kw) => Math.round(kw * 1000) / 1000),
    totalCostVnd: loadPlan.objective,
  };
}
