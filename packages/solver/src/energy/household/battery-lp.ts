import solver, { type Model } from 'javascript-lp-solver';
import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import type { ResponseContext } from './response-context.ts';

type Row = { min?: number; max?: number; equal?: number };

/**
 * A household with a battery: its interruptible loads, battery and curtailment interact across the
 * whole day through the state of charge, so they are solved together as one small exact LP
 * (javascript-lp-solver; a few hundred rows, no integers — its MILP answers are not trusted). Block
 * loads are already placed and sit in `fixedKw` (net before curtailment without flex or battery).
 * Fills `plan.flexKw`, `plan.chargeKw`, `plan.dischargeKw`, `plan.curtailKw`; returns false if
 * infeasible (caps too tight).
 */
export function solveBatteryHousehold(
  household: CompiledHousehold,
  fixedKw: Float64Array,
  ctx: ResponseContext,
  plan: HouseholdPlan,
): boolean {
  const battery = household.battery;
  if (!battery || !plan.chargeKw || !plan.dischargeKw) return false;
  const slots = fixedKw.length;
  const h = ctx.hours;
  const constraints: Record<string, Row> = {};
  const variables: Record<string, Record<string, number>> = {};
  const socRoom = battery.capacityKwh - battery.initialSocKwh;
  const socFloor = battery.minSocKwh - battery.initialSocKwh;
  for (let t = 0; t < slots; t++) {
    const lambda = ctx.lambda[t] ?? 0;
    const a = (household.importPrice[t] ?? 0) + lambda;
    const b = (household.exportPrice[t] ?? 0) + lambda;
    constraints[`b${t}`] = { equal: fixedKw[t] ?? 0 };
    // The day may not end below where it started; earlier slots only need the physical bounds.
    constraints[`s${t}`] = { min: t === slots - 1 ? Math.max(socFloor, 0) : socFloor, max: socRoom };
    const imp: Record<string, number> = { [`b${t}`]: 1, cost: a * h };
    const exp: Record<string, number> = { [`b${t}`]: -1, cost: -b * h };
    const cap = ctx.capKw?.[t];
    if (cap !== undefined) {
      constraints[`p${t}`] = { max: cap };
      imp[`p${t}`] = 1;
      exp[`p${t}`] = -1;
    }
    variables[`i${t}`] = imp;
    variables[`e${t}`] = exp;
    if (battery.maxChargeKw > 0) {
      constraints[`c${t}`] = { max: battery.maxChargeKw };
      const charge: Record<string, number> = { [`b${t}`]: -1, [`c${t}`]: 1, cost: 0 };
      for (let s = t; s < slots; s++) charge[`s${s}`] = battery.etaCharge * h;
      variables[`c${t}`] = charge;
    }
    if (battery.maxDischargeKw > 0) {
      constraints[`d${t}`] = { max: battery.maxDischargeKw };
      const discharge: Record<string, number> = { [`b${t}`]: 1, [`d${t}`]: 1, cost: 0 };
      for (let s = t; s < slots; s++) discharge[`s${s}`] = -h / battery.etaDischarge;
      variables[`d${t}`] = discharge;
    }
    const pv = household.pvKw[t] ?? 0;
    if (pv > 0 && (b < 0 || a < 0)) {
      constraints[`u${t}`] = { max: pv };
      variables[`u${t}`] = { [`b${t}`]: -1, [`u${t}`]: 1, cost: 0 };
    }
  }
  household.flex.forEach((load, l) => {
    constraints[`f${l}`] = { equal: load.energySlots };
    for (let t = load.earliest; t < load.latest; t++) {
      constraints[`k${l}_${t}`] = { max: load.kw };
      variables[`x${l}_${t}`] = { [`b${t}`]: -1, [`f${l}`]: 1, [`k${l}_${t}`]: 1, cost: 0 };
    }
  });
  const model: Model = { optimize: 'cost', opType: 'min', constraints, variables };
  const result = solver.Solve(model) as unknown as Record<string, number | boolean | undefined>;
  if (result.feasible !== true) return false;
  const value = (name: string) => {
    const v = result[name];
    return typeof v === 'number' && v > 0 ? v : 0;
  };
  for (let t = 0; t < slots; t++) {
    plan.chargeKw[t] = Math.min(value(`c${t}`), battery.maxChargeKw);
    plan.dischargeKw[t] = Math.min(value(`d${t}`), battery.maxDischargeKw);
    plan.curtailKw[t] = Math.min(value(`u${t}`), household.pvKw[t] ?? 0);
  }
  household.flex.forEach((load, l) => {
    const out = plan.flexKw[l];
    if (!out) return;
    out.fill(0);
    for (let t = load.earliest; t < load.latest; t++) out[t] = Math.min(value(`x${l}_${t}`), load.kw);
  });
  return true;
}
