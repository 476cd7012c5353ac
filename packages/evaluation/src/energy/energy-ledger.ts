import type { LoadScenario, TariffKind } from '@village/domain';
import { pricesOf, residentialBill, type ScenarioConnection, type TariffInForce } from '@village/planning';
import type { ConnectionKw } from './connection-loads.ts';
import { STEP_MINUTES, STEPS_PER_HORIZON } from './village-truth.ts';

/**
 * What the village pays and how hard the transformer is pushed, from true net power.
 *
 * Every 5-minute step of every connection: net = true fixed load − true solar (home meters only) +
 * what the policy ran there. Imports of time-of-use customers (shops, workshops, dryer yards, the
 * pumps' own meters) are priced at their slot's price; exports at the scenario's export price. Homes
 * on the tiered residential tariff are billed on their imports over the whole run, with EVN's tier
 * sizes prorated to the run's length (tiers are per 30 days), the way a meter-reading period that is
 * not a month is billed. Prices exclude VAT, like the plans'. The transformer sees the sum of all
 * connections' net power, averaged per plan slot; a slot beyond ±limit is a violation.
 */

export interface HorizonInput {
  scenario: LoadScenario;
  connections: readonly ScenarioConnection[];
  /** Net kW per household home meter and step (`VillageTruth.horizon`). */
  baseNetKw: Float64Array;
  added: ConnectionKw;
}

export interface LedgerTotals {
  costVnd: number;
  touCostVnd: number;
  residentialCostVnd: number;
  importKwh: number;
  peakKw: number;
  transformerViolations: number;
  horizonPeakKw: number[];
}

export interface HorizonOutcome {
  /** Home meters' net kW per step, household-major (what they report). */
  homeNetKw: Float64Array;
  /** The village's net kW per plan slot (what the transformer carries). */
  slotKw: Float64Array;
  /** Slots of this horizon beyond ±limit. */
  violations: number;
}

export interface EnergyLedger {
  /** Accounts one plan horizon. */
  addHorizon(horizon: HorizonInput): HorizonOutcome;
  totals(tariff: TariffInForce, days: number): LedgerTotals;
}

const STEP_HOURS = STEP_MINUTES / 60;

export function createEnergyLedger(householdIds: readonly string[], limitKw: number): EnergyLedger {
  const householdIndex = new Map(householdIds.map((id, h) => [id, h]));
  const residentialKwh = new Map<string, number>();
  const horizonPeakKw: number[] = [];
  let touCostVnd = 0;
  let exportCreditVnd = 0;
  let importKwh = 0;
  let violations = 0;

  const isResidential = (tariff: TariffKind) => tariff === 'residential-tiered';

  return {
    addHorizon({ scenario, connections, baseNetKw, added }) {
      const stepsPerSlot = scenario.slotMinutes / STEP_MINUTES;
      if (!Number.isInteger(stepsPerSlot) || scenario.slots * stepsPerSlot !== STEPS_PER_HORIZON) {
        throw new Error(`plan slots (${scenario.slots} × ${scenario.slotMinutes} min) do not make one day`);
      }
      const entries = new Map(scenario.households.map((entry) => [entry.id, entry]));
      const slotKw = new Float64Array(scenario.slots);
      const homeNet = new Float64Array(householdIds.length * STEPS_PER_HORIZON);
      const homes = new Set<number>();
      for (const connection of connections) {
        const entry = entries.get(connection.id);
        const h = householdIndex.get(connection.householdId);
        if (!entry || h === undefined) throw new Error(`connection ${connection.id} is not in the village`);
        const home = connection.id === connection.householdId;
        if (home) homes.add(h);
        const prices = pricesOf(scenario, entry);
        const kw = added.get(connection.id);
        let kwh = 0;
        for (let k = 0; k < STEPS_PER_HORIZON; k++) {
          const t = Math.floor(k / stepsPerSlot);
          const net = (home ? (baseNetKw[h * STEPS_PER_HORIZON + k] ?? 0) : 0) + (kw?.[t] ?? 0);
          if (home) homeNet[h * STEPS_PER_HORIZON + k] = net;
          slotKw[t] = (slotKw[t] ?? 0) + net / stepsPerSlot;
          if (net > 0) {
            kwh += net * STEP_HOURS;
            if (!isResidential(connection.tariff))
              touCostVnd += net * STEP_HOURS * (prices.importPrice[t] ?? 0);
          } else {
            exportCreditVnd -= net * STEP_HOURS * (prices.exportPrice?.[t] ?? 0);
          }
        }
        importKwh += kwh;
        if (isResidential(connection.tariff)) {
          residentialKwh.set(connection.id, (residentialKwh.get(connection.id) ?? 0) + kwh);
        }
      }
      if (homes.size !== householdIds.length) {
        throw new Error(`${householdIds.length - homes.size} households have no connection in the plan`);
      }
      let peak = Number.NEGATIVE_INFINITY;
      let over = 0;
      for (const kw of slotKw) {
        peak = Math.max(peak, kw);
        if (Math.abs(kw) > limitKw + 1e-6) over++;
      }
      violations += over;
      horizonPeakKw.push(peak);
      return { homeNetKw: homeNet, slotKw, violations: over };
    },
    totals(tariff, days) {
      // Tier sizes are per 30 days; a run of `days` bills each tier at days/30 of its size.
      const share = days / 30;
      let residentialCostVnd = 0;
      for (const kwh of residentialKwh.values()) {
        residentialCostVnd += residentialBill(tariff, kwh / share).energyVnd * share;
      }
      return {
        costVnd: touCostVnd + residentialCostVnd - exportCreditVnd,
        touCostVnd,
        residentialCostVnd,
        importKwh,
        peakKw: Math.max(0, ...horizonPeakKw),
        transformerViolations: violations,
        horizonPeakKw,
      };
    },
  };
}
