import { finalizePlan } from './household/finalize-plan.ts';
import type { CompiledScenario } from './model/compiled-scenario.ts';
import { createHouseholdPlan, type HouseholdPlan } from './model/household-plan.ts';

/**
 * Today's practice, the yardstick every plan is compared with: each load starts at full power the
 * moment its window opens and runs until done, the battery idles, all solar is used.
 */
export function unmanagedPlans(scenario: CompiledScenario): HouseholdPlan[] {
  return scenario.households.map((household) => {
    const plan = createHouseholdPlan(household, scenario.slots);
    household.flex.forEach((load, l) => {
      const out = plan.flexKw[l];
      if (!out) return;
      let remaining = load.energySlots;
      for (let t = load.earliest; t < load.latest && remaining > 0; t++) {
        const kw = Math.min(load.kw, remaining);
        out[t] = kw;
        remaining -= kw;
      }
    });
    household.blocks.forEach((block, k) => {
      plan.blockStart[k] = block.earliest;
    });
    finalizePlan(household, scenario.hours, null, plan);
    return plan;
  });
}
