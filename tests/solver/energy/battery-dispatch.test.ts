import { createRng, type LoadScenario } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { respondWithBattery } from '../../../packages/solver/src/energy/household/battery-household.ts';
import { solveBatteryHousehold } from '../../../packages/solver/src/energy/household/battery-lp.ts';
import { finalizePlan } from '../../../packages/solver/src/energy/household/finalize-plan.ts';
import type { ResponseContext } from '../../../packages/solver/src/energy/household/response-context.ts';
import { compileScenario } from '../../../packages/solver/src/energy/model/compiled-scenario.ts';
import { createHouseholdPlan } from '../../../packages/solver/src/energy/model/household-plan.ts';

/**
 * The battery's convex DP must be exact: on random households (prices, base load, solar, battery
 * sizes, losses, caps) it must cost exactly what the household LP costs — never more (a worse
 * dispatch) and never less (an infeasible one; finalizePlan and the state-of-charge check catch that).
 */
function randomHousehold(seed: number): LoadScenario {
  const rng = createRng(seed);
  const slots = 24 + rng.int(73);
  const price = Array.from({ length: slots }, () => Math.round(1000 + 3000 * rng.next()));
  const capacityKwh = 2 + 12 * rng.next();
  const minSocKwh = capacityKwh * 0.2 * rng.next();
  return {
    slotMinutes: [15, 30, 60][rng.int(3)] ?? 15,
    slots,
    importPrice: price,
    exportPrice: price.map((p) => Math.round(p * 0.5 * rng.next())),
    transformerKw: 100,
    households: [
      {
        id: 'H1',
        baseKw: Array.from({ length: slots }, () => 0.2 + 2 * rng.next()),
        pvKw: Array.from({ length: slots }, (_, t) =>
          Math.max(0, 4 * Math.sin((Math.PI * t) / slots) - rng.next()),
        ),
        loads: [],
        battery: {
          capacityKwh,
          maxChargeKw: 0.5 + 4 * rng.next(),
          maxDischargeKw: 0.5 + 4 * rng.next(),
          efficiency: 0.7 + 0.3 * rng.next(),
          minSocKwh,
          initialSocKwh: minSocKwh + (capacityKwh - minSocKwh) * rng.next(),
        },
      },
    ],
  };
}

function soc(
  plan: ReturnType<typeof createHouseholdPlan>,
  battery: NonNullable<ReturnType<typeof compileScenario>['households'][number]['battery']>,
  hours: number,
): number[] {
  const out: number[] = [];
  let s = battery.initialSocKwh;
  plan.chargeKw?.forEach((charge, t) => {
    s += battery.etaCharge * charge * hours - ((plan.dischargeKw?.[t] ?? 0) * hours) / battery.etaDischarge;
    out.push(s);
  });
  return out;
}

describe('battery dispatch by convex DP', () => {
  it('costs exactly what the household LP costs on 200 random households', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const scenario = compileScenario(randomHousehold(seed));
      const household = scenario.households[0];
      if (!household?.battery) throw new Error('no battery');
      const ctx: ResponseContext = {
        hours: scenario.hours,
        lambda: new Float64Array(scenario.slots),
        capKw: null,
        tieKey: new Float64Array(scenario.slots),
      };
      const fixed = Float64Array.from(household.baseKw, (kw, t) => kw - (household.pvKw[t] ?? 0));
      const dp = createHouseholdPlan(household, scenario.slots);
      expect(respondWithBattery(household, fixed, ctx, dp)).toBe(true);
      finalizePlan(household, scenario.hours, ctx, dp);
      const lp = createHouseholdPlan(household, scenario.slots);
      expect(solveBatteryHousehold(household, fixed, ctx, lp)).toBe(true);
      finalizePlan(household, scenario.hours, ctx, lp);
      expect(Math.abs(dp.cost - lp.cost), `seed ${seed}: DP ${dp.cost} vs LP ${lp.cost}`).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(lp.cost)),
      );
      const battery = household.battery;
      const levels = soc(dp, battery, scenario.hours);
      expect(Math.min(...levels)).toBeGreaterThanOrEqual(battery.minSocKwh - 1e-6);
      expect(Math.max(...levels)).toBeLessThanOrEqual(battery.capacityKwh + 1e-6);
      expect(levels.at(-1) ?? 0).toBeGreaterThanOrEqual(battery.initialSocKwh - 1e-6);
    }
  }, 60_000);
});
