import type { LoadScenario } from '@village/domain';
import { createEnergyLedger, STEPS_PER_HORIZON } from '@village/evaluation';
import { residentialBill, type ScenarioConnection, tariffOn } from '@village/planning';
import { describe, expect, it } from 'vitest';
import { evnBook } from '../planning/energy/fixtures.ts';

/** The village's bill and the transformer's load from true net power, on numbers checkable by hand. */
describe('energy ledger', () => {
  const flat = (value: number) => new Array<number>(24).fill(value);
  // Hourly slots: each holds 12 of the meter model's 5-minute steps.
  const scenario: LoadScenario = {
    slotMinutes: 60,
    slots: 24,
    importPrice: flat(2_000),
    transformerKw: 3.5,
    households: [
      { id: 'H1', baseKw: flat(0), loads: [] },
      { id: 'H2', baseKw: flat(0), importPrice: flat(1_000), loads: [] },
      { id: 'P1', baseKw: flat(0), importPrice: flat(2_000), loads: [] },
    ],
  };
  const connections: ScenarioConnection[] = [
    { id: 'H1', householdId: 'H1', tariff: 'residential-tiered' },
    { id: 'H2', householdId: 'H2', tariff: 'business-tou' },
    // H1's pump, on its own meter.
    { id: 'P1', householdId: 'H1', tariff: 'production-tou' },
  ];
  // True fixed load: H1 1 kW, H2 2 kW, all day.
  const baseNetKw = new Float64Array(2 * STEPS_PER_HORIZON);
  baseNetKw.fill(1, 0, STEPS_PER_HORIZON);
  baseNetKw.fill(2, STEPS_PER_HORIZON);
  const pump = new Float64Array(24);
  pump[0] = 3;
  const shop = new Float64Array(24);
  shop[5] = 1;

  it('prices time-of-use imports by slot, bills homes on prorated tiers, and counts slots over the limit', () => {
    const ledger = createEnergyLedger(['H1', 'H2'], 3.5);
    const outcome = ledger.addHorizon({
      scenario,
      connections,
      baseNetKw,
      added: new Map([
        ['P1', pump],
        ['H2', shop],
      ]),
    });
    expect(outcome.slotKw[0]).toBeCloseTo(6);
    expect(outcome.slotKw[5]).toBeCloseTo(4);
    expect(outcome.slotKw[10]).toBeCloseTo(3);
    expect(outcome.homeNetKw[STEPS_PER_HORIZON + 5 * 12]).toBeCloseTo(3);

    const tariff = tariffOn(evnBook(), '2026-03-16');
    const totals = ledger.totals(tariff, 1);
    expect(totals.transformerViolations).toBe(2);
    expect(totals.peakKw).toBeCloseTo(6);
    expect(totals.touCostVnd).toBeCloseTo(49 * 1_000 + 3 * 2_000);
    // 24 kWh in one day is billed like 720 kWh in 30 days, scaled back to the day.
    const residential = residentialBill(tariff, 24 * 30).energyVnd / 30;
    expect(totals.residentialCostVnd).toBeCloseTo(residential);
    expect(totals.costVnd).toBeCloseTo(55_000 + residential);
    expect(totals.importKwh).toBeCloseTo(24 + 49 + 3);
  });

  it('refuses a plan that leaves a household without a connection', () => {
    const ledger = createEnergyLedger(['H1', 'H2', 'H3'], 10);
    expect(() => ledger.addHorizon({ scenario, connections, baseNetKw, added: new Map() })).toThrow(
      /1 households have no connection/,
    );
  });
});
