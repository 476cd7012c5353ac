import {
  type BatterySpec,
  type FlexibleLoad,
  type Household,
  issuesFromZod,
  type LoadScenario,
  type LoadSpec,
  loadScenarioSchema,
  type ScenarioHousehold,
  type TariffBook,
  type TariffKind,
  ValidationError,
} from '@village/domain';
import { checkHorizon, type Horizon } from '../calendar.ts';
import { projectedMonthKwh } from '../tariff/month-projection.ts';
import { residentialMarginalPrice } from '../tariff/residential-bill.ts';
import { slotPrices } from '../tariff/slot-prices.ts';
import { type TariffInForce, tariffOn } from '../tariff/tariff-on.ts';
import { type LoadNote, scenarioLoad } from './scenario-load.ts';
import type { SeparateMeter } from './separately-metered.ts';

export interface HouseholdScenarioInput {
  /** The household as registered: tariff kind, flexible loads, solar, battery. */
  household: Household;
  /** Forecast fixed load per slot, kW (`forecastBaseKw`). */
  baseKw: number[];
  /** Forecast rooftop generation per slot, kW (`forecastSolarKw`). */
  pvKw?: number[];
  /** kWh the home meter has counted this calendar month before `date` (residential pricing). */
  monthToDateKwh?: number;
  /** The home sells its solar surplus (no zero-export inverter): exports earn the tariff's price. */
  sellsSolarSurplus?: boolean;
  /** Today's requests, when they differ from the registered loads (a pump idle on a rainy day). */
  loads?: FlexibleLoad[];
  /** Loads with a meter of their own (`separatelyMeteredLoads`): each becomes its own connection. */
  separatelyMetered?: SeparateMeter[];
}

export interface LoadScenarioInput extends Horizon {
  /** The horizon's first local date; it picks the tariff version and the weekday of every slot. */
  date: string;
  tariffBook: TariffBook;
  transformerKw: number;
  households: HouseholdScenarioInput[];
}

/** One metered connection of the scenario and whose it is. */
export interface ScenarioConnection {
  /** The scenario household id: the household's id for its home meter, the load's id for its own meter. */
  id: string;
  householdId: string;
  tariff: TariffKind;
  /** Residential only: the projected month total whose tier priced this plan. */
  pricingMonthKwh?: number;
}

export interface AssembledLoadScenario {
  scenario: LoadScenario;
  tariff: TariffInForce;
  connections: ScenarioConnection[];
  /** Loads left out or trimmed, with the reason. */
  notes: LoadNote[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function loadKwh(load: LoadSpec, slotHours: number): number {
  return load.interruptible ? load.energyKwh : load.kw * load.durationSlots * slotHours;
}

function batterySpec(household: Household): BatterySpec | undefined {
  const b = household.battery;
  if (!b) return undefined;
  return {
    capacityKwh: b.capacityKwh,
    maxChargeKw: b.maxChargeKw,
    maxDischargeKw: b.maxDischargeKw,
    efficiency: b.efficiency,
    initialSocKwh: b.initialSocKwh,
    minSocKwh: b.minSocKwh,
  };
}

/**
 * The energy scheduler's problem for one horizon, from forecasts and the registry.
 *
 * Prices come from the tariff book's version in force on `date`, excluding VAT (VAT scales every
 * price alike and changes no decision). Time-of-use customers pay the slot prices of their
 * three-price schedule. Residential customers pay one flat price all day: the tier price at their
 * projected month total (month so far + this day's expected net import × days left), because the
 * kWh a plan saves — solar used instead of imported — come off the top of the month's bill. Homes
 * that sell surplus earn the book's export price (never above the import price of the slot); others
 * get 0. Loads with their own meter (irrigation pumps) become connections of their own, with no fixed
 * load, on their own tariff. Windows are mapped by `loadWindowSlots`; loads the horizon cannot hold
 * are trimmed or left out and listed in `notes`. The result is validated by `loadScenarioSchema`.
 */
export function assembleLoadScenario(input: LoadScenarioInput): AssembledLoadScenario {
  checkHorizon(input);
  const { date, slotMinutes, slots, startMinuteOfDay } = input;
  const slotHours = slotMinutes / 60;
  const dayScale = 1440 / (slots * slotMinutes);
  const tariff = tariffOn(input.tariffBook, date);
  const touPrices = new Map<TariffKind, number[]>();
  const pricesFor = (kind: TariffKind, monthKwh: number) => {
    if (kind === 'residential-tiered') {
      return new Array<number>(slots).fill(residentialMarginalPrice(tariff, monthKwh));
    }
    let prices = touPrices.get(kind);
    if (!prices) {
      prices = slotPrices(tariff, kind, date, slotMinutes, slots, startMinuteOfDay);
      touPrices.set(kind, prices);
    }
    return prices;
  };

  const households: ScenarioHousehold[] = [];
  const connections: ScenarioConnection[] = [];
  const notes: LoadNote[] = [];
  for (const entry of input.households) {
    const { household } = entry;
    const own = new Map((entry.separatelyMetered ?? []).map((m) => [m.loadId, m.tariff]));
    const homeLoads: LoadSpec[] = [];
    for (const load of entry.loads ?? household.flexibleLoads) {
      const { spec, note } = scenarioLoad(household.id, load, input);
      if (note) notes.push(note);
      if (!spec) continue;
      const tariffKind = own.get(load.id);
      if (tariffKind === undefined) {
        homeLoads.push(spec);
        continue;
      }
      const monthKwh = projectedMonthKwh(date, loadKwh(spec, slotHours) * dayScale);
      households.push({
        id: load.id,
        baseKw: new Array<number>(slots).fill(0),
        importPrice: pricesFor(tariffKind, monthKwh),
        loads: [spec],
      });
      connections.push({
        id: load.id,
        householdId: household.id,
        tariff: tariffKind,
        ...(tariffKind === 'residential-tiered' ? { pricingMonthKwh: monthKwh } : {}),
      });
    }

    // Expected net import of the day: fixed load not covered by the sun, plus the flexible loads.
    const netBaseKwh = sum(entry.baseKw.map((kw, t) => Math.max(0, kw - (entry.pvKw?.[t] ?? 0)))) * slotHours;
    const dayKwh = (netBaseKwh + sum(homeLoads.map((load) => loadKwh(load, slotHours)))) * dayScale;
    const monthKwh = projectedMonthKwh(date, dayKwh, entry.monthToDateKwh);
    const importPrice = pricesFor(household.tariff, monthKwh);
    const battery = batterySpec(household);
    households.push({
      id: household.id,
      baseKw: entry.baseKw,
      ...(entry.pvKw ? { pvKw: entry.pvKw } : {}),
      importPrice,
      ...(entry.sellsSolarSurplus && entry.pvKw
        ? {
            exportPrice: importPrice.map((price) =>
              Math.min(price, tariff.solarSurplusExport.priceVndPerKwh),
            ),
          }
        : {}),
      loads: homeLoads,
      ...(battery ? { battery } : {}),
    });
    connections.push({
      id: household.id,
      householdId: household.id,
      tariff: household.tariff,
      ...(household.tariff === 'residential-tiered' ? { pricingMonthKwh: monthKwh } : {}),
    });
  }

  const parsed = loadScenarioSchema.safeParse({
    slotMinutes,
    slots,
    // Every connection carries its own prices; the village default only matters to a reader.
    importPrice: new Array<number>(slots).fill(residentialMarginalPrice(tariff, 0)),
    exportPrice: new Array<number>(slots).fill(0),
    transformerKw: input.transformerKw,
    households,
  });
  if (!parsed.success) {
    throw new ValidationError(
      'the load scenario built from the forecasts is invalid',
      issuesFromZod(parsed.error.issues),
    );
  }
  return { scenario: parsed.data, tariff, connections, notes };
}

/** `assembleLoadScenario` when only the scenario is wanted (what-if files, the scheduler). */
export function buildLoadScenario(input: LoadScenarioInput): LoadScenario {
  return assembleLoadScenario(input).scenario;
}
