import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import { dispatchBattery, type SlotCost } from './battery-dp.ts';
import { solveBatteryHousehold } from './battery-lp.ts';
import { placeFlex } from './place-flex.ts';
import type { ResponseContext } from './response-context.ts';
import { slotCostRate, writePieces } from './slot-tiers.ts';

const ROUNDS = 3;
let work = new Float64Array(0);

/**
 * A household with a battery. When every slot's cost is non-decreasing in net power (export earns
 * at most what import costs and nothing pays to consume — always so at true prices), the battery is
 * dispatched exactly by the convex DP and the interruptible loads are re-placed around it for a few
 * rounds (each step exact given the other, so cost never rises). Otherwise (a coordination price
 * asking for less reverse flow) the household falls back to its exact LP.
 * `fixedKw`: net power before curtailment with blocks placed, without flex loads or battery.
 */
export function respondWithBattery(
  household: CompiledHousehold,
  fixedKw: Float64Array,
  ctx: ResponseContext,
  plan: HouseholdPlan,
): boolean {
  const slots = fixedKw.length;
  const charge = plan.chargeKw;
  const discharge = plan.dischargeKw;
  const battery = household.battery;
  if (!battery || !charge || !discharge) return false;
  for (let t = 0; t < slots; t++) {
    if ((household.exportPrice[t] ?? 0) + (ctx.lambda[t] ?? 0) < 0)
      return solveBatteryHousehold(household, fixedKw, ctx, plan);
  }
  const cost: SlotCost = {
    pieces: (t, lo, hi, widths, slopes) => {
      const lambda = ctx.lambda[t] ?? 0;
      const n = writePieces(
        lo,
        hi,
        household.pvKw[t] ?? 0,
        (household.importPrice[t] ?? 0) + lambda,
        (household.exportPrice[t] ?? 0) + lambda,
        widths,
        slopes,
        0,
      );
      for (let k = 0; k < n; k++) slopes[k] = (slopes[k] ?? 0) * ctx.hours;
      return n;
    },
    value: (t, y) => {
      const lambda = ctx.lambda[t] ?? 0;
      return (
        ctx.hours *
        slotCostRate(
          y,
          household.pvKw[t] ?? 0,
          (household.importPrice[t] ?? 0) + lambda,
          (household.exportPrice[t] ?? 0) + lambda,
        )
      );
    },
  };
  if (work.length < slots) work = new Float64Array(slots);
  const y = work.subarray(0, slots);
  y.set(fixedKw);
  charge.fill(0);
  discharge.fill(0);
  // Loads first with the battery idle, then alternate: battery around loads, loads around battery.
  for (let l = 0; l < household.flex.length; l++) {
    const load = household.flex[l];
    const out = plan.flexKw[l];
    if (!load || !out) continue;
    if (!placeFlex(household, load, y, ctx, out)) return false;
    for (let t = 0; t < slots; t++) y[t] = (y[t] ?? 0) + (out[t] ?? 0);
  }
  for (let round = 0; round < ROUNDS; round++) {
    if (!dispatchBattery(battery, y, ctx.hours, cost, ctx.capKw, charge, discharge)) return round > 0;
    if (household.flex.length === 0) break;
    for (let l = 0; l < household.flex.length; l++) {
      const load = household.flex[l];
      const out = plan.flexKw[l];
      if (!load || !out) continue;
      for (let t = 0; t < slots; t++)
        y[t] = (y[t] ?? 0) - (out[t] ?? 0) + (charge[t] ?? 0) - (discharge[t] ?? 0);
      const placed = placeFlex(household, load, y, ctx, out);
      for (let t = 0; t < slots; t++)
        y[t] = (y[t] ?? 0) + (out[t] ?? 0) - (charge[t] ?? 0) + (discharge[t] ?? 0);
      if (!placed) return false;
    }
  }
  return true;
}
