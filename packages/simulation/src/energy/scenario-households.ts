import type { BatterySpec, Household, LoadSpec, ScenarioHousehold } from '@village/domain';
import { householdBaseKw } from '../devices/household-demand.ts';
import { stringKey, unitNoise } from '../devices/noise.ts';
import { solarOutputKw } from '../devices/solar.ts';
import { type Horizon, slotMidpointMs } from './horizon.ts';
import { scenarioLoad } from './scenario-loads.ts';
import { EVN_PRICES, importPrices } from './tariffs.ts';

/** Share of rooftop-solar homes that sell their surplus; the rest run zero-export inverters. */
const SURPLUS_SELLER_SHARE = 0.5;
/**
 * The dataset gives a battery to ~15 % of solar homes (~1.5 % of homes). Scenarios add one to a
 * further share of solar homes so that ~3 % of homes have one and the planner meets enough of them.
 */
const EXTRA_BATTERY_SHARE_OF_SOLAR = 0.2;

export interface ScenarioSeeds {
  /** Fixed-load noise and the day's load-use draws. */
  demand: number;
  /** Clouds. */
  weather: number;
  /** Per-household choices the dataset does not make (surplus sale). */
  choices: number;
}

/** Three decimals (watts): meter-like numbers and compact scenario files. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Sized like the dataset's home batteries (dataset/households.ts): 5, 7.5 or 10 kWh, 10 % reserve, half full. */
function extraBattery(draw: number): BatterySpec {
  const capacityKwh = [5, 7.5, 10][Math.min(2, Math.floor(draw * 3))] ?? 5;
  const maxKw = capacityKwh >= 7.5 ? 5 : 2.5;
  return {
    capacityKwh,
    maxChargeKw: maxKw,
    maxDischargeKw: maxKw,
    efficiency: 0.92,
    initialSocKwh: capacityKwh * 0.5,
    minSocKwh: capacityKwh * 0.1,
  };
}

function batterySpec(
  household: Household,
  hasSolar: boolean,
  choices: number,
  key: number,
): BatterySpec | undefined {
  const battery = household.battery;
  if (!battery) {
    const extra = hasSolar && unitNoise(choices, key, 2) < EXTRA_BATTERY_SHARE_OF_SOLAR;
    return extra ? extraBattery(unitNoise(choices, key, 3)) : undefined;
  }
  return {
    capacityKwh: battery.capacityKwh,
    maxChargeKw: battery.maxChargeKw,
    maxDischargeKw: battery.maxDischargeKw,
    efficiency: battery.efficiency,
    initialSocKwh: battery.initialSocKwh,
    minSocKwh: battery.minSocKwh,
  };
}

/**
 * One village household as scheduling connections. An irrigation pump has its own meter and is
 * billed on the production time-of-use tariff, so it becomes a connection of its own (id = the pump
 * meter's id, no fixed load); everything else stays on the household's meter and tariff.
 */
export function scenarioHouseholds(
  household: Household,
  horizon: Horizon,
  seeds: ScenarioSeeds,
  withNonInterruptible: boolean,
): ScenarioHousehold[] {
  const { slots, slotMinutes, startMinute } = horizon;
  const key = stringKey(household.id);
  const baseKw = Array.from({ length: slots }, (_, t) =>
    round3(householdBaseKw(household, key, seeds.demand, slotMidpointMs(horizon, t))),
  );
  const solar = household.solar;
  const pvKw = solar
    ? Array.from({ length: slots }, (_, t) =>
        round3(solarOutputKw(solar.peakKw, slotMidpointMs(horizon, t), seeds.weather)),
      )
    : undefined;
  const sellsSurplus = pvKw !== undefined && unitNoise(seeds.choices, key, 1) < SURPLUS_SELLER_SHARE;

  const own: LoadSpec[] = [];
  const pumps: ScenarioHousehold[] = [];
  for (const load of household.flexibleLoads) {
    const spec = scenarioLoad(load, horizon, seeds.demand, withNonInterruptible);
    if (!spec) continue;
    if (load.kind === 'irrigation-pump') {
      pumps.push({
        id: load.id,
        baseKw: new Array<number>(slots).fill(0),
        importPrice: importPrices('production-tou', startMinute, slotMinutes, slots),
        loads: [spec],
      });
    } else {
      own.push(spec);
    }
  }
  const battery = batterySpec(household, pvKw !== undefined, seeds.choices, key);
  const home: ScenarioHousehold = {
    id: household.id,
    baseKw,
    ...(pvKw ? { pvKw } : {}),
    // Residential customers pay the village's flat marginal price: no override needed.
    ...(household.tariff === 'residential-tiered'
      ? {}
      : { importPrice: importPrices(household.tariff, startMinute, slotMinutes, slots) }),
    ...(sellsSurplus ? { exportPrice: new Array<number>(slots).fill(EVN_PRICES.solarSurplusExport) } : {}),
    loads: own,
    ...(battery ? { battery } : {}),
  };
  return [home, ...pumps];
}
