import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';
import { respondWithBattery } from './battery-household.ts';
import { finalizePlan } from './finalize-plan.ts';
import { placeBlock } from './place-block.ts';
import { placeFlex } from './place-flex.ts';
import type { ResponseContext } from './response-context.ts';

/** Improvement rounds when a household's loads interact (solar tiers or caps); each never worsens. */
const COUPLED_ROUNDS = 2;

let work = new Float64Array(0);

/**
 * A household's best response to prices (its own, shifted by the coordination price) and optional
 * caps on its net power. Without a battery and without solar or caps, slot costs are linear and every
 * load is placed exactly on its own. With solar or caps the loads interact through convex slot costs;
 * each load's placement is still exact given the others, and a few rounds of re-placing them settle
 * it. A battery couples the whole day: see battery-household.ts (blocks are placed first).
 * Writes into `plan`; returns false when the caps cannot be respected.
 */
export function respond(household: CompiledHousehold, ctx: ResponseContext, plan: HouseholdPlan): boolean {
  const slots = household.baseKw.length;
  if (work.length < slots) work = new Float64Array(slots);
  const y = work.subarray(0, slots);
  for (let t = 0; t < slots; t++) y[t] = (household.baseKw[t] ?? 0) - (household.pvKw[t] ?? 0);

  for (let k = 0; k < household.blocks.length; k++) {
    const block = household.blocks[k];
    if (!block) continue;
    const start = placeBlock(household, block, y, ctx);
    if (start < 0) return false;
    plan.blockStart[k] = start;
    addBlock(y, start, block.duration, block.kw);
  }

  if (household.battery) {
    if (!respondWithBattery(household, y, ctx, plan)) return false;
  } else {
    for (let l = 0; l < household.flex.length; l++) {
      const load = household.flex[l];
      const out = plan.flexKw[l];
      if (!load || !out) continue;
      if (!placeFlex(household, load, y, ctx, out)) return false;
      addSeries(y, out, 1);
    }
    const components = household.flex.length + household.blocks.length;
    if (components > 1 && (household.hasPv || ctx.capKw)) {
      if (!improve(household, ctx, plan, y)) return false;
    }
  }
  return finalizePlan(household, ctx.hours, ctx, plan);
}

function improve(
  household: CompiledHousehold,
  ctx: ResponseContext,
  plan: HouseholdPlan,
  y: Float64Array,
): boolean {
  for (let round = 0; round < COUPLED_ROUNDS; round++) {
    for (let k = 0; k < household.blocks.length; k++) {
      const block = household.blocks[k];
      if (!block) continue;
      const old = plan.blockStart[k] ?? 0;
      addBlock(y, old, block.duration, -block.kw);
      const start = placeBlock(household, block, y, ctx);
      plan.blockStart[k] = start < 0 ? old : start;
      addBlock(y, plan.blockStart[k] ?? old, block.duration, block.kw);
    }
    for (let l = 0; l < household.flex.length; l++) {
      const load = household.flex[l];
      const out = plan.flexKw[l];
      if (!load || !out) continue;
      addSeries(y, out, -1);
      if (!placeFlex(household, load, y, ctx, out)) return false;
      addSeries(y, out, 1);
    }
  }
  return true;
}

function addBlock(y: Float64Array, start: number, duration: number, kw: number): void {
  for (let t = start; t < start + duration; t++) y[t] = (y[t] ?? 0) + kw;
}

function addSeries(y: Float64Array, series: Float64Array, sign: number): void {
  for (let t = 0; t < y.length; t++) y[t] = (y[t] ?? 0) + sign * (series[t] ?? 0);
}
