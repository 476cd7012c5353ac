import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import type { ResponseContext } from './response-context.ts';
import { curtailmentKw, netCostRate } from './slot-tiers.ts';

/**
 * Derives net power, curtailment and the household's true cost from its decisions. Curtailment is
 * chosen in closed form against the prices the household responds to (it only ever helps when
 * exporting loses money or a coordination price asks for less reverse flow), and never pushes the
 * net above a cap; it rises to meet a floor (reverse-flow limit) where solar allows. Returns false
 * if a floor cannot be met.
 */
export function finalizePlan(
  household: CompiledHousehold,
  hours: number,
  ctx: ResponseContext | null,
  plan: HouseholdPlan,
): boolean {
  let meetsFloor = true;
  const slots = household.baseKw.length;
  const net = plan.netKw;
  for (let t = 0; t < slots; t++) net[t] = (household.baseKw[t] ?? 0) - (household.pvKw[t] ?? 0);
  household.blocks.forEach((block, k) => {
    const start = plan.blockStart[k] ?? 0;
    for (let t = start; t < start + block.duration; t++) net[t] = (net[t] ?? 0) + block.kw;
  });
  for (const series of plan.flexKw) for (let t = 0; t < slots; t++) net[t] = (net[t] ?? 0) + (series[t] ?? 0);
  if (plan.chargeKw && plan.dischargeKw) {
    for (let t = 0; t < slots; t++)
      net[t] = (net[t] ?? 0) + (plan.chargeKw[t] ?? 0) - (plan.dischargeKw[t] ?? 0);
  }
  let cost = 0;
  for (let t = 0; t < slots; t++) {
    const y = net[t] ?? 0;
    const pv = household.pvKw[t] ?? 0;
    const importPrice = household.importPrice[t] ?? 0;
    const exportPrice = household.exportPrice[t] ?? 0;
    let curtail = 0;
    if (pv > 0) {
      const lambda = ctx?.lambda[t] ?? 0;
      curtail = curtailmentKw(y, pv, importPrice + lambda, exportPrice + lambda);
      const floor = ctx?.floorKw?.[t];
      if (floor !== undefined && y + curtail < floor) curtail = Math.min(pv, floor - y);
      const cap = ctx?.capKw?.[t];
      if (cap !== undefined && y + curtail > cap) curtail = Math.max(0, cap - y);
    }
    const floor = ctx?.floorKw?.[t];
    if (floor !== undefined && y + curtail < floor - 1e-9) meetsFloor = false;
    plan.curtailKw[t] = curtail;
    net[t] = y + curtail;
    cost += netCostRate(y + curtail, importPrice, exportPrice);
  }
  plan.cost = cost * hours;
  return meetsFloor;
}
