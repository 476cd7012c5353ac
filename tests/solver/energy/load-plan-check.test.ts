import { type LoadPlan, type LoadScenario, loadScenarioSchema } from '@village/domain';
import { describe, expect, it } from 'vitest';
import {
  checkLoadPlan,
  expectFeasiblePlan,
  perDirectionEfficiency,
  planFigures,
  unmanagedSchedules,
} from '../../support/load-plan-check.ts';

/**
 * A hand-checkable day: eight one-hour slots (h = 1), so kW and kWh coincide. H1 has a pump that
 * must deliver 4 kWh in [2, 6) and a 3 kW heater block of 2 slots in [4, 8); H2 has solar, a
 * battery with round-trip efficiency 0.81 (0.9 each way) and its own prices.
 */
const scenario: LoadScenario = loadScenarioSchema.parse({
  slotMinutes: 60,
  slots: 8,
  importPrice: [1000, 1000, 1000, 1000, 2000, 2000, 2000, 2000],
  exportPrice: [0, 0, 0, 0, 0, 0, 0, 0],
  transformerKw: 8,
  households: [
    {
      id: 'H1',
      baseKw: [1, 1, 1, 1, 1, 1, 1, 1],
      loads: [
        { id: 'pump', interruptible: true, kw: 2, energyKwh: 4, earliest: 2, latest: 6 },
        { id: 'heater', interruptible: false, kw: 3, durationSlots: 2, earliest: 4, latest: 8 },
      ],
    },
    {
      id: 'H2',
      baseKw: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      pvKw: [0, 0, 2, 3, 3, 2, 0, 0],
      importPrice: [500, 500, 500, 500, 500, 500, 500, 500],
      exportPrice: [100, 100, 100, 100, 100, 100, 100, 100],
      battery: {
        capacityKwh: 4,
        maxChargeKw: 2,
        maxDischargeKw: 2,
        efficiency: 0.81,
        initialSocKwh: 1,
        minSocKwh: 0.5,
      },
    },
  ],
});

/**
 * Feasible by hand. H1: net 1,1,3,3,1,1,4,4 → 1000·8 + 2000·10 = 28,000 VND. H2 charges 1 kW in
 * slots 2–3 (SoC 1 → 1.9 → 2.8) and discharges 0.81 kW in slots 6–7 (2.8 → 1.9 → 1.0, back to its
 * initial SoC): net 0.5, 0.5, −0.5, −1.5, −2.5, −1.5, −0.31, −0.31 → 500·1 − 100·6.62 = −162 VND.
 * Unmanaged: H1 1,1,3,3,4,4,1,1 → 28,000; H2 idle battery 0.5,0.5,−1.5,−2.5,−2.5,−1.5,0.5,0.5 → 200.
 */
function validPlan(): LoadPlan {
  return {
    objective: 27_838,
    lowerBound: 27_000,
    gapPercent: 3,
    status: 'optimal',
    peakKw: 3.69,
    transformerKw: 8,
    overloads: [],
    unmanaged: { objective: 28_200, peakKw: 2.5, overloads: [] },
    households: [
      {
        id: 'H1',
        loads: [
          { id: 'pump', kw: [0, 0, 2, 2, 0, 0, 0, 0] },
          { id: 'heater', kw: [0, 0, 0, 0, 0, 0, 3, 3] },
        ],
        pvUsedKw: [0, 0, 0, 0, 0, 0, 0, 0],
      },
      {
        id: 'H2',
        loads: [],
        battery: { chargeKw: [0, 0, 1, 1, 0, 0, 0, 0], dischargeKw: [0, 0, 0, 0, 0, 0, 0.81, 0.81] },
        pvUsedKw: [0, 0, 2, 3, 3, 2, 0, 0],
      },
    ],
    elapsedMs: 1,
  };
}

/** Updates the plan's reported cost and peak to its (edited) schedules, so a test isolates one violation. */
function restate(plan: LoadPlan): void {
  const figures = planFigures(scenario, plan.households);
  plan.objective = figures.costVnd;
  plan.peakKw = Math.max(...figures.villageKw);
}

function broken(edit: (plan: LoadPlan) => void): string[] {
  const plan = validPlan();
  edit(plan);
  return checkLoadPlan(scenario, plan);
}

const household = (plan: LoadPlan, id: string) => {
  const found = plan.households.find((h) => h.id === id);
  if (!found) throw new Error(`test plan has no ${id}`);
  return found;
};
const loadOf = (plan: LoadPlan, householdId: string, loadId: string) => {
  const found = household(plan, householdId).loads.find((l) => l.id === loadId);
  if (!found) throw new Error(`test plan has no ${loadId}`);
  return found;
};
const batteryOf = (plan: LoadPlan) => {
  const battery = household(plan, 'H2').battery;
  if (!battery) throw new Error('test plan has no battery');
  return battery;
};

describe('load plan check', () => {
  it('accepts the hand-checked plan and recomputes its cost and village power', () => {
    expect(checkLoadPlan(scenario, validPlan())).toEqual([]);
    expect(() => expectFeasiblePlan(scenario, validPlan())).not.toThrow();
    const figures = planFigures(scenario, validPlan().households);
    expect(figures.costVnd).toBeCloseTo(27_838, 9);
    expect(figures.villageKw.map((kw) => Number(kw.toFixed(9)))).toEqual([
      1.5, 1.5, 2.5, 1.5, -1.5, -0.5, 3.69, 3.69,
    ]);
    const unmanaged = planFigures(scenario, unmanagedSchedules(scenario));
    expect(unmanaged.costVnd).toBeCloseTo(28_200, 9);
  });

  it('splits the round-trip efficiency evenly between charging and discharging', () => {
    expect(perDirectionEfficiency(0.81)).toBeCloseTo(0.9, 12);
    // 2 kWh charged at 0.9 store 1.8 kWh, which give back 1.62 kWh at 0.9: 0.81 kW twice, not 0.82.
    const discharging = (kw: number) =>
      broken((plan) => {
        batteryOf(plan).dischargeKw = [0, 0, 0, 0, 0, 0, kw, kw];
        restate(plan);
      });
    expect(discharging(0.81)).toEqual([]);
    expect(discharging(0.82)).toEqual([
      expect.stringMatching(/H2 battery: ends the day at 0.977.* below its initial 1 kWh/),
    ]);
  });

  it('names missing, extra and duplicated households and loads', () => {
    expect(broken((plan) => plan.households.pop())).toContain('household H2: missing from the plan');
    expect(
      broken((plan) => plan.households.push({ id: 'H9', loads: [], pvUsedKw: new Array(8).fill(0) })),
    ).toContain('household H9: not in the scenario');
    expect(broken((plan) => plan.households.push(household(plan, 'H1')))).toContain(
      'household H1: planned twice',
    );
    expect(broken((plan) => household(plan, 'H1').loads.pop())).toContain(
      'household H1 load heater: missing from the plan',
    );
    expect(
      broken((plan) => household(plan, 'H1').loads.push({ id: 'oven', kw: new Array(8).fill(0) })),
    ).toContain('household H1 load oven: not in the scenario');
  });

  it('catches loads of the wrong length, outside their window or above their rated power', () => {
    expect(broken((plan) => loadOf(plan, 'H1', 'pump').kw.pop())).toContain(
      'household H1 load pump: kw has 7 values, expected 8',
    );
    const early = broken((plan) => {
      loadOf(plan, 'H1', 'pump').kw = [1, 0, 2, 2, 0, 0, 0, 0];
    });
    expect(early).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/H1 load pump slot 0: runs at 1 kW outside its window \[2, 6\)/),
      ]),
    );
    const over = broken((plan) => {
      loadOf(plan, 'H1', 'pump').kw = [0, 0, 2.5, 1.5, 0, 0, 0, 0];
    });
    expect(over).toEqual(
      expect.arrayContaining([expect.stringMatching(/H1 load pump slot 2: 2.5 kW outside \[0, 2\]/)]),
    );
    const negative = broken((plan) => {
      loadOf(plan, 'H1', 'pump').kw = [0, 0, 2, 2, 1, -1, 0, 0];
    });
    expect(negative).toEqual(
      expect.arrayContaining([expect.stringMatching(/H1 load pump slot 5: -1 kW outside/)]),
    );
  });

  it('catches an interruptible load that delivers the wrong energy', () => {
    const short = broken((plan) => {
      loadOf(plan, 'H1', 'pump').kw = [0, 0, 2, 1.9, 0, 0, 0, 0];
    });
    expect(short).toContain('household H1 load pump: delivers 3.9 kWh, must deliver 4 kWh');
  });

  it('catches a block that is split, stretched or run below its power', () => {
    const split = broken((plan) => {
      loadOf(plan, 'H1', 'heater').kw = [0, 0, 0, 0, 3, 0, 3, 0];
    });
    expect(split).toContain(
      'household H1 load heater: must run in 2 consecutive slots, runs in 2 slot(s) [4,6]',
    );
    const stretched = broken((plan) => {
      loadOf(plan, 'H1', 'heater').kw = [0, 0, 0, 0, 0, 2, 2, 2];
    });
    expect(stretched).toEqual(
      expect.arrayContaining([
        'household H1 load heater: must run in 2 consecutive slots, runs in 3 slot(s) [5,6,7]',
        'household H1 load heater slot 5: runs at 2 kW, a block runs at exactly 3 kW',
      ]),
    );
  });

  it('catches battery power beyond its limits, SoC outside its bounds and a battery that does not exist', () => {
    const fast = broken((plan) => {
      batteryOf(plan).chargeKw = [0, 0, 2.5, 0, 0, 0, 0, 0];
    });
    expect(fast).toEqual(
      expect.arrayContaining([expect.stringMatching(/H2 battery slot 2: charge 2.5 kW outside \[0, 2\]/)]),
    );
    const drained = broken((plan) => {
      batteryOf(plan).dischargeKw = [0.9, 0, 0, 0, 0, 0, 0.81, 0.81];
    });
    expect(drained).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/H2 battery end of slot 0: state of charge 0 kWh outside \[0.5, 4\]/),
      ]),
    );
    const full = broken((plan) => {
      batteryOf(plan).chargeKw = [2, 2, 1, 1, 0, 0, 0, 0];
    });
    expect(full).toEqual(
      expect.arrayContaining([expect.stringMatching(/end of slot 2: state of charge 5.5 kWh outside/)]),
    );
    const ghost = broken((plan) => {
      household(plan, 'H1').battery = {
        chargeKw: [0, 1, 0, 0, 0, 0, 0, 0],
        dischargeKw: new Array(8).fill(0),
      };
    });
    expect(ghost).toContain(
      'household H1 battery: the household has no battery, yet the plan charges or discharges one',
    );
  });

  it('catches solar used beyond what the panels give', () => {
    const sunny = broken((plan) => {
      household(plan, 'H2').pvUsedKw = [0, 0, 2, 3.5, 3, 2, 0, 0];
    });
    expect(sunny).toEqual(
      expect.arrayContaining(['household H2 slot 3: uses 3.5 kW of solar, 3 kW available']),
    );
    const night = broken((plan) => {
      household(plan, 'H1').pvUsedKw = [0.1, 0, 0, 0, 0, 0, 0, 0];
    });
    expect(night).toEqual(
      expect.arrayContaining(['household H1 slot 0: uses 0.1 kW of solar, 0 kW available']),
    );
  });

  it('catches a transformer overload, unless the plan is flagged overloaded and says exactly where', () => {
    const tight = { ...scenario, transformerKw: 3 };
    const plan = { ...validPlan(), transformerKw: 3 };
    const figuresOnly = (list: string[]) => list.filter((v) => !v.startsWith('unmanaged'));
    expect(figuresOnly(checkLoadPlan(tight, plan))).toEqual([
      'transformer slot 6: village net 3.69 kW beyond ±3 kW',
      'transformer slot 7: village net 3.69 kW beyond ±3 kW',
    ]);
    const flagged: LoadPlan = {
      ...plan,
      status: 'overloaded',
      overloads: [{ fromSlot: 6, toSlot: 8, maxOverKw: 0.69, direction: 'import' }],
    };
    expect(figuresOnly(checkLoadPlan(tight, flagged))).toEqual([]);
    const understated = {
      ...flagged,
      overloads: [{ fromSlot: 6, toSlot: 7, maxOverKw: 0.5, direction: 'import' as const }],
    };
    expect(figuresOnly(checkLoadPlan(tight, understated))).toEqual([
      'plan: overloads [6, 7) import +0.5 kW, recomputed [6, 8) import +0.69 kW',
    ]);
  });

  it('catches an objective that is not the recomputed cost, and a lower bound above it', () => {
    expect(broken((plan) => (plan.objective = 27_900))).toEqual([
      'plan: objective 27900 VND, recomputed cost 27838 VND',
    ]);
    expect(broken((plan) => (plan.objective = Number.NaN))).toHaveLength(2);
    expect(broken((plan) => (plan.lowerBound = 28_000))).toEqual([
      'plan: lower bound 28000 above the objective 27838',
    ]);
  });

  it('catches a wrong village peak or wrong unmanaged figures', () => {
    expect(broken((plan) => (plan.peakKw = 3))).toEqual(['plan: peakKw 3, recomputed 3.69']);
    const unmanaged = broken((plan) => {
      plan.unmanaged = { objective: 28_000, peakKw: 4, overloads: [] };
    });
    expect(unmanaged).toEqual([
      'unmanaged: peakKw 4, recomputed 2.5',
      'unmanaged: objective 28000 VND, recomputed 28200 VND',
    ]);
  });

  it('lists what is wrong when used as a test assertion', () => {
    const plan = validPlan();
    plan.objective = 27_839;
    expect(() => expectFeasiblePlan(scenario, plan)).toThrow(
      /1 violation\(s\):\n {2}- plan: objective 27839 VND/,
    );
  });
});
