import { type LoadPlan, type LoadScenario, loadScenarioSchema, ValidationError } from '@village/domain';
import { EVN_PRICES, generateLoadScenario, valleyFillPlan } from '@village/simulation';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFeasiblePlan, planFigures, unmanagedSchedules } from '../../support/load-plan-check.ts';

const HOUSEHOLDS = 300;
/** Slot of a local clock time: slot 0 starts at 05:00, slots are 15 minutes. */
const slotAt = (hh: number, mm = 0) => (((hh * 60 + mm - 300 + 1440) % 1440) / 15) | 0;

describe('generateLoadScenario', () => {
  let lp: LoadScenario;
  let milp: LoadScenario;
  beforeAll(() => {
    lp = generateLoadScenario({ households: HOUSEHOLDS, nonInterruptible: false, seed: 7 });
    milp = generateLoadScenario({ households: HOUSEHOLDS, nonInterruptible: true, seed: 7 });
  });

  it('produces scenarios the public contract accepts, unchanged by parsing', () => {
    for (const scenario of [lp, milp]) {
      expect(loadScenarioSchema.parse(scenario)).toEqual(scenario);
      expect(scenario.slots).toBe(96);
      expect(scenario.slotMinutes).toBe(15);
    }
  });

  it('is deterministic per seed', () => {
    expect(generateLoadScenario({ households: HOUSEHOLDS, nonInterruptible: true, seed: 7 })).toEqual(milp);
    const other = generateLoadScenario({ households: HOUSEHOLDS, nonInterruptible: true, seed: 8 });
    expect(other.households.map((h) => h.baseKw)).not.toEqual(milp.households.map((h) => h.baseKw));
  });

  it('has only interruptible loads in the LP case and whole blocks with non-interruptible loads', () => {
    const loads = (scenario: LoadScenario) => scenario.households.flatMap((h) => h.loads);
    expect(loads(lp).every((load) => load.interruptible)).toBe(true);
    const blocks = loads(milp).filter((load) => !load.interruptible);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks)
      expect(block.latest - block.earliest).toBeGreaterThanOrEqual(block.durationSlots);
    // The same interruptible loads in both cases: only the blocks are added.
    expect(loads(milp).filter((load) => load.interruptible)).toEqual(loads(lp));
  });

  it('puts homes on the flat residential price and pumps, shops and workshops on time-of-use prices', () => {
    expect(new Set(lp.importPrice)).toEqual(new Set([EVN_PRICES.residentialMarginal]));
    expect(new Set(lp.exportPrice)).toEqual(new Set([0]));
    const pumps = lp.households.filter((h) => h.id.startsWith('PUMP-'));
    expect(pumps.length).toBeGreaterThan(10);
    for (const pump of pumps) {
      expect(pump.baseKw.every((kw) => kw === 0)).toBe(true);
      const price = pump.importPrice ?? [];
      const { offPeak, normal, peak } = EVN_PRICES.production;
      expect([
        price[slotAt(10)],
        price[slotAt(18)],
        price[slotAt(23)],
        price[slotAt(3)],
        price[slotAt(14)],
      ]).toEqual([peak, peak, offPeak, offPeak, normal]);
      // Bands change at 09:30, 11:30, 17:00, 20:00, 22:00 and 04:00 exactly.
      expect([price[slotAt(9, 15)], price[slotAt(9, 30)], price[slotAt(19, 45)], price[slotAt(20)]]).toEqual([
        normal,
        peak,
        peak,
        normal,
      ]);
    }
    const homes = lp.households.filter((h) => h.id.startsWith('HH-'));
    const touHomes = homes.filter((h) => h.importPrice !== undefined);
    expect(touHomes.length / homes.length).toBeGreaterThan(0.03);
    expect(touHomes.length / homes.length).toBeLessThan(0.2);
    for (const home of touHomes) expect(new Set(home.importPrice).size).toBe(3);
  });

  it('gives rooftop solar to about an eighth of homes and batteries to a few percent', () => {
    const homes = lp.households.filter((h) => h.id.startsWith('HH-'));
    expect(homes).toHaveLength(HOUSEHOLDS);
    const solar = homes.filter((h) => h.pvKw);
    expect(solar.length / homes.length).toBeGreaterThan(0.08);
    expect(solar.length / homes.length).toBeLessThan(0.2);
    const batteries = homes.filter((h) => h.battery);
    expect(batteries.length / homes.length).toBeGreaterThan(0.01);
    expect(batteries.length / homes.length).toBeLessThan(0.08);
    for (const home of solar) {
      const pv = home.pvKw ?? [];
      expect(pv[slotAt(12)]).toBeGreaterThan(0);
      expect(pv[slotAt(22)]).toBe(0);
      for (const price of home.exportPrice ?? []) expect(price).toBe(EVN_PRICES.solarSurplusExport);
    }
  });

  it('has its fixed-load peak in the evening', () => {
    const base = planFigures(
      { ...lp, households: lp.households.map((h) => ({ ...h, loads: [] })) },
      [],
    ).villageKw;
    const peakSlot = base.indexOf(Math.max(...base));
    expect(peakSlot).toBeGreaterThanOrEqual(slotAt(17));
    expect(peakSlot).toBeLessThan(slotAt(21));
  });

  it('sets the transformer limit ~20 % below the unmanaged evening peak, yet reachable by a managed plan', () => {
    for (const scenario of [lp, milp]) {
      const unmanaged = planFigures(scenario, unmanagedSchedules(scenario)).villageKw;
      const peak = Math.max(...unmanaged);
      expect(peak / scenario.transformerKw).toBeGreaterThan(1.15);
      expect(peak / scenario.transformerKw).toBeLessThan(1.25);
      const peakSlot = unmanaged.indexOf(peak);
      expect(peakSlot).toBeGreaterThanOrEqual(slotAt(16));
      expect(peakSlot).toBeLessThan(slotAt(23));

      const witness = valleyFillPlan(scenario);
      const figures = planFigures(scenario, witness.households);
      const plan: LoadPlan = {
        objective: figures.costVnd,
        lowerBound: Number.NEGATIVE_INFINITY,
        gapPercent: 0,
        status: 'feasible',
        peakKw: witness.peakKw,
        transformerKw: scenario.transformerKw,
        overloads: [],
        unmanaged: { objective: 0, peakKw: 0, overloads: [] },
        households: witness.households,
        elapsedMs: 0,
      };
      expectFeasiblePlan(scenario, plan, { reportedFigures: false });
    }
  });

  it('supports other slot lengths and rejects ones that do not divide the day', () => {
    const hourly = generateLoadScenario({ households: 20, nonInterruptible: true, seed: 1, slots: 24 });
    expect(loadScenarioSchema.parse(hourly).slotMinutes).toBe(60);
    expect(() =>
      generateLoadScenario({ households: 20, nonInterruptible: true, seed: 1, slots: 100 }),
    ).toThrow(ValidationError);
    expect(() => generateLoadScenario({ households: 0, nonInterruptible: true, seed: 1 })).toThrow(
      ValidationError,
    );
  });
});
