import { DomainError, type LoadScenario } from '@village/domain';
import { scheduleLoads } from '@village/solver';
import { describe, expect, it } from 'vitest';
import { expectFeasiblePlan } from '../../support/load-plan-check.ts';

/** Hourly slots keep the hand arithmetic readable: kW × 1 h = kWh. */
function hourly(
  prices: number[],
  households: LoadScenario['households'],
  transformerKw = 1000,
): LoadScenario {
  return { slotMinutes: 60, slots: prices.length, importPrice: prices, transformerKw, households };
}

function solve(scenario: LoadScenario) {
  const plan = scheduleLoads(scenario, { timeLimitMs: 5000 });
  expectFeasiblePlan(scenario, plan);
  return plan;
}

const zeros = (n: number) => new Array<number>(n).fill(0);

describe('scheduleLoads: hand-checked cases', () => {
  it('runs one interruptible load in the cheapest slots', () => {
    const scenario = hourly(
      [3000, 1000, 2000, 1000],
      [
        {
          id: 'H1',
          baseKw: zeros(4),
          loads: [{ id: 'pump', interruptible: true, kw: 2, energyKwh: 3, earliest: 0, latest: 4 }],
        },
      ],
    );
    const plan = solve(scenario);
    const kw = plan.households[0]?.loads[0]?.kw ?? [];
    expect(kw[0]).toBe(0);
    expect(kw[2]).toBe(0);
    expect((kw[1] ?? 0) + (kw[3] ?? 0)).toBeCloseTo(3, 9);
    expect(plan.objective).toBeCloseTo(3000, 6);
    expect(plan.status).toBe('optimal');
    // Unmanaged: 2 kW from slot 0, then 1 kW in slot 1.
    expect(plan.unmanaged.objective).toBeCloseTo(2 * 3000 + 1 * 1000, 6);
  });

  it('arbitrages a battery only when the price spread beats its losses', () => {
    const battery = { capacityKwh: 10, maxChargeKw: 2, maxDischargeKw: 2, initialSocKwh: 0, minSocKwh: 0 };
    const lossy = (efficiency: number) =>
      hourly([1000, 3000], [{ id: 'H1', baseKw: [0, 2], loads: [], battery: { ...battery, efficiency } }]);
    // Round trip 0.81 (0.9 each way): charge 2 kW, the stored 1.8 kWh returns 1.62 kWh.
    const worth = solve(lossy(0.81));
    expect(worth.households[0]?.battery?.chargeKw[0]).toBeCloseTo(2, 6);
    expect(worth.households[0]?.battery?.dischargeKw[1]).toBeCloseTo(1.62, 6);
    expect(worth.objective).toBeCloseTo(2 * 1000 + (2 - 1.62) * 3000, 4);
    // Round trip 0.25: a kWh bought at 1,000 returns 0.25 kWh worth 750 — never worth it.
    const notWorth = solve(lossy(0.25));
    expect(notWorth.objective).toBeCloseTo(6000, 4);
    expect(notWorth.households[0]?.battery?.chargeKw.every((kw) => kw < 1e-9)).toBe(true);
  });

  it('moves the load that is cheapest to move when the transformer limit binds', () => {
    const load = { id: 'ev', interruptible: true as const, kw: 2, energyKwh: 2, earliest: 0, latest: 2 };
    const scenario = hourly(
      [1000, 1000],
      [
        { id: 'H1', baseKw: [0, 0], importPrice: [1000, 3000], loads: [load] },
        { id: 'H2', baseKw: [0, 0], importPrice: [1000, 1500], loads: [load] },
      ],
      3,
    );
    const plan = solve(scenario);
    // Both want slot 0 (4 kW > 3 kW). Moving 1 kWh costs H1 2,000 more but H2 only 500.
    expect(plan.households[0]?.loads[0]?.kw).toEqual([2, 0]);
    expect(plan.households[1]?.loads[0]?.kw[0]).toBeCloseTo(1, 6);
    expect(plan.households[1]?.loads[0]?.kw[1]).toBeCloseTo(1, 6);
    expect(plan.objective).toBeCloseTo(2000 + 1000 + 1500, 4);
    expect(plan.peakKw).toBeLessThanOrEqual(3 + 1e-6);
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.objective + 1e-6);
    expect(plan.unmanaged.overloads).toEqual([{ fromSlot: 0, toSlot: 1, maxOverKw: 1, direction: 'import' }]);
  });

  it('runs a non-interruptible load contiguously at full power in its cheapest window', () => {
    const prices = [2000, 2000, 2000, 2000, 900, 900, 900, 2000, 2000, 2000];
    const scenario = hourly(prices, [
      {
        id: 'H1',
        baseKw: zeros(10),
        loads: [{ id: 'heater', interruptible: false, kw: 2.5, durationSlots: 3, earliest: 1, latest: 8 }],
      },
    ]);
    const plan = solve(scenario);
    expect(plan.households[0]?.loads[0]?.kw).toEqual([0, 0, 0, 0, 2.5, 2.5, 2.5, 0, 0, 0]);
    expect(plan.objective).toBeCloseTo(3 * 2.5 * 900, 6);
  });

  it('uses solar before the grid when export earns less than import costs', () => {
    const scenario = hourly(
      [2000, 2000, 2000],
      [
        {
          id: 'H1',
          baseKw: [0.5, 0.5, 0.5],
          pvKw: [0, 3, 0],
          exportPrice: [500, 500, 500],
          loads: [{ id: 'pump', interruptible: true, kw: 2, energyKwh: 2, earliest: 0, latest: 3 }],
        },
      ],
    );
    const plan = solve(scenario);
    expect(plan.households[0]?.loads[0]?.kw[1]).toBeCloseTo(2, 9);
    // Slots 0 and 2 import 0.5 kWh each; slot 1 exports 0.5 kWh at 500.
    expect(plan.objective).toBeCloseTo(2 * 0.5 * 2000 - 0.5 * 500, 6);
  });
});

describe('scheduleLoads: what cannot be done is said plainly', () => {
  it('rejects a load that cannot fit its window, naming household, load and slots', () => {
    const scenario = hourly(
      [1000, 1000, 1000],
      [
        {
          id: 'H7',
          baseKw: zeros(3),
          loads: [{ id: 'dryer', interruptible: true, kw: 1, energyKwh: 5, earliest: 1, latest: 3 }],
        },
      ],
    );
    let error: unknown;
    try {
      scheduleLoads(scenario);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe('INFEASIBLE');
    expect(domainError.details[0]?.field).toBe('households.0.loads.0.energyKwh');
    expect(domainError.details[0]?.message).toMatch(/H7.*dryer.*slots 1–2/);
  });

  it('returns the least-overload plan, flagged, when the base load alone exceeds the limit', () => {
    const scenario = hourly(
      [1000, 1000, 3000, 1000],
      [
        {
          id: 'H1',
          baseKw: [2, 2, 5, 2],
          loads: [{ id: 'ev', interruptible: true, kw: 2, energyKwh: 2, earliest: 0, latest: 4 }],
        },
      ],
      3,
    );
    const plan = solve(scenario);
    expect(plan.status).toBe('overloaded');
    // Slot 2 is over by 2 kW whatever happens; the EV must not add to it.
    expect(plan.overloads).toEqual([{ fromSlot: 2, toSlot: 3, maxOverKw: 2, direction: 'import' }]);
    expect(plan.households[0]?.loads[0]?.kw[2]).toBe(0);
    expect(plan.peakKw).toBeCloseTo(5, 6);
  });
});
