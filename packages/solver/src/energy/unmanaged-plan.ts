import type { LoadScenario } from '@village/domain';
import { finalizePlan } from './household/finalize-plan.ts';
import type { CompiledScenario } from './model/compiled-scenario.ts';
import { createHouseholdPlan, type HouseholdPlan } from './model/household-plan.ts';
import { unmanagedSchedule } from './unmanaged-schedule.ts';

/**
 * Today's practice, the yardstick every plan is compared with (`unmanagedSchedule`: each load at full
 * power from the moment its window opens until done, the battery idle, all solar used), in the
 * solver's flat form so its cost and net power come from the same code as the plan's.
 */
export function unmanagedPlans(compiled: CompiledScenario, scenario: LoadScenario): HouseholdPlan[] {
  return compiled.households.map((household, i) => {
    const source = scenario.households[i];
    if (source?.id !== household.id) throw new Error(`household ${household.id} out of order`);
    const atWill = new Map(unmanagedSchedule(source, scenario.slotMinutes).loads.map((l) => [l.id, l.kw]));
    const plan = createHouseholdPlan(household, compiled.slots);
    household.flex.forEach((load, l) => {
      const out = plan.flexKw[l];
      const kw = atWill.get(load.id);
      if (out && kw) out.set(kw);
    });
    household.blocks.forEach((block, k) => {
      plan.blockStart[k] = block.earliest;
    });
    finalizePlan(household, compiled.hours, null, plan);
    return plan;
  });
}
