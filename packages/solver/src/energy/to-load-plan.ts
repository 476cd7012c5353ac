import type { LoadPlan } from '@village/domain';
import type { CompiledScenario } from './model/compiled-scenario.ts';
import type { HouseholdPlan } from './model/household-plan.ts';
import { aggregateNet, peakKw, transformerOverloads } from './transformer-overloads.ts';

export interface PlanSummaryInput {
  scenario: CompiledScenario;
  plans: readonly HouseholdPlan[];
  aggregateKw: Float64Array;
  lowerBound: number;
  gapTolerance: number;
  unmanaged: readonly HouseholdPlan[];
  elapsedMs: number;
}

/** Maps the solver's flat arrays to the public plan (the `solve:loads` output and the API's shape). */
export function toLoadPlan(input: PlanSummaryInput): LoadPlan {
  const { scenario, plans } = input;
  const objective = plans.reduce((sum, plan) => sum + plan.cost, 0);
  const overloads = transformerOverloads(input.aggregateKw, scenario.transformerKw);
  const lowerBound = Math.min(input.lowerBound, objective);
  const gap = objective === 0 ? 0 : (objective - lowerBound) / Math.abs(objective);
  const unmanagedAggregate = aggregateNet(input.unmanaged, scenario.slots);
  return {
    objective,
    lowerBound,
    gapPercent: gap * 100,
    status: overloads.length > 0 ? 'overloaded' : gap <= input.gapTolerance ? 'optimal' : 'feasible',
    peakKw: peakKw(input.aggregateKw),
    transformerKw: scenario.transformerKw,
    overloads,
    unmanaged: {
      objective: input.unmanaged.reduce((sum, plan) => sum + plan.cost, 0),
      peakKw: peakKw(unmanagedAggregate),
      overloads: transformerOverloads(unmanagedAggregate, scenario.transformerKw),
    },
    households: scenario.households.map((household, i) => {
      const plan = plans[i];
      if (!plan) throw new Error(`no plan for household ${household.id}`);
      const loads = household.loadIds.map((id) => {
        const f = household.flex.findIndex((load) => load.id === id);
        if (f >= 0) return { id, kw: Array.from(plan.flexKw[f] ?? []) };
        const b = household.blocks.findIndex((load) => load.id === id);
        const block = household.blocks[b];
        const kw = new Array<number>(scenario.slots).fill(0);
        if (block)
          for (let t = plan.blockStart[b] ?? 0; t < (plan.blockStart[b] ?? 0) + block.duration; t++)
            kw[t] = block.kw;
        return { id, kw };
      });
      const pvUsedKw = Array.from(household.pvKw, (pv, t) => pv - (plan.curtailKw[t] ?? 0));
      return {
        id: household.id,
        loads,
        ...(plan.chargeKw && plan.dischargeKw
          ? { battery: { chargeKw: Array.from(plan.chargeKw), dischargeKw: Array.from(plan.dischargeKw) } }
          : {}),
        pvUsedKw,
      };
    }),
    elapsedMs: input.elapsedMs,
  };
}
