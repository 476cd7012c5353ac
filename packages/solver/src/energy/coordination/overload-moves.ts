import { finalizePlan } from '../household/finalize-plan.ts';
import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import {
  overloadAt,
  overloadedSlots,
  repairOverloads,
  TOLERANCE_KW,
  totalOverload,
} from './capacity-repair.ts';
import { type Clock, wallClock } from './clock.ts';
import type { VillageState } from './village-state.ts';

/**
 * The step after the repair when it is stuck: blocks cannot be split, so an overload of a fraction of
 * a block can outlast every single re-plan within the transformer's room (a 60-household village at
 * 90 % of its limit kept 1–5 kW that way). Each block that runs in an overloaded slot is tried at the
 * other starts of its window, those that add the least overload first: a move that alone lowers
 * the overload is taken; otherwise the repair runs from there (the move's new excess may be what
 * others can make room for) and the whole attempt is kept only if the overload ends lower, else
 * undone. Stops at the deadline or at the first success (true); false if nothing helped.
 */
export function relocateBlocks(state: VillageState, deadline: number, now: Clock = wallClock): boolean {
  const { slots, hours, households } = state.scenario;
  const before = totalOverload(state);
  const over = overloadedSlots(state);
  if (over.length === 0) return false;
  const isOver = new Uint8Array(slots);
  for (const t of over) isOver[t] = 1;
  const agg = state.aggregateKw;
  const moves: { household: CompiledHousehold; block: number; start: number; change: number }[] = [];
  const added = new Float64Array(slots);
  for (const household of households) {
    if (household.blocks.length === 0) continue;
    const plan = state.plan(household.index);
    household.blocks.forEach((block, k) => {
      const current = plan.blockStart[k] ?? 0;
      let runsOver = false;
      for (let t = current; t < current + block.duration; t++) runsOver ||= isOver[t] === 1;
      if (!runsOver) return;
      // The overload the block adds in each slot of its window, the block itself taken out first.
      let removed = 0;
      for (let t = block.earliest; t < block.latest; t++) {
        const inside = t >= current && t < current + block.duration;
        const without = (agg[t] ?? 0) - (inside ? block.kw : 0);
        added[t] = overloadAt(state, t, without + block.kw) - overloadAt(state, t, without);
        if (inside) removed += added[t] ?? 0;
      }
      for (let start = block.earliest; start + block.duration <= block.latest; start++) {
        if (start === current) continue;
        let change = -removed;
        for (let t = start; t < start + block.duration; t++) change += added[t] ?? 0;
        moves.push({ household, block: k, start, change });
      }
    });
  }
  moves.sort(
    (a, b) =>
      a.change - b.change || a.household.index - b.household.index || a.block - b.block || a.start - b.start,
  );
  const move = (household: CompiledHousehold, block: number, start: number) => {
    const plan = state.plan(household.index);
    state.addToAggregate(plan, -1);
    plan.blockStart[block] = start;
    finalizePlan(household, hours, state.context(household), plan);
    state.addToAggregate(plan, 1);
  };
  for (const { household, block, start, change } of moves) {
    if (now() >= deadline) return false;
    const plan = state.plan(household.index);
    const from = plan.blockStart[block] ?? 0;
    if (change < -TOLERANCE_KW) {
      move(household, block, start);
      if (totalOverload(state) < before - TOLERANCE_KW) return true;
      move(household, block, from);
      continue;
    }
    const snapshot = state.snapshot();
    move(household, block, start);
    repairOverloads(state, deadline, now);
    if (totalOverload(state) < before - TOLERANCE_KW) return true;
    state.restore(snapshot);
  }
  return false;
}

/**
 * The step after the repair when the slots around the overload are full: the loads in the overloaded
 * slots could move to a full slot if loads there moved on to slots with room, a chain the repair does
 * not see, for it asks only households that run in an overloaded slot (a 1,740-household day kept
 * 137 kW·slots over that way, where HiGHS meets the limit at no extra cost). So every slot within
 * reach of those loads (their windows) with less room than the largest excess is made to look over
 * by that much; the repair moves out what it can, then repairs against the true limits. The attempt
 * is kept only if the overload ends lower (true), else undone.
 */
export function makeRoom(state: VillageState, deadline: number, now: Clock = wallClock): boolean {
  const { importLimitKw } = state.scenario;
  const over = overloadedSlots(state);
  if (over.length === 0 || now() >= deadline) return false;
  const before = totalOverload(state);
  let excess = 0;
  for (const t of over) excess = Math.max(excess, (state.aggregateKw[t] ?? 0) - (importLimitKw[t] ?? 0));
  const [from, to] = reachOf(state, over);
  const pressed = importLimitKw.slice();
  let pressing = false;
  for (let t = from; t < to; t++) {
    const room = (importLimitKw[t] ?? 0) - (state.aggregateKw[t] ?? 0);
    if (room < 0 || room >= excess) continue;
    pressed[t] = (importLimitKw[t] ?? 0) - excess;
    pressing = true;
  }
  if (!pressing) return false;
  const snapshot = state.snapshot();
  repairOverloads(state, deadline, now, pressed);
  repairOverloads(state, deadline, now);
  if (totalOverload(state) < before - TOLERANCE_KW) return true;
  state.restore(snapshot);
  return false;
}

/** The slots the loads running in `over` may use: the span of their windows (all, for a battery). */
function reachOf(state: VillageState, over: readonly number[]): [number, number] {
  let from = state.scenario.slots;
  let to = 0;
  for (const household of state.scenario.households) {
    const plan = state.plan(household.index);
    household.flex.forEach((load, l) => {
      const kw = plan.flexKw[l];
      if (!kw || !over.some((t) => (kw[t] ?? 0) > 0)) return;
      from = Math.min(from, load.earliest);
      to = Math.max(to, load.latest);
    });
    household.blocks.forEach((block, k) => {
      const start = plan.blockStart[k] ?? 0;
      if (!over.some((t) => t >= start && t < start + block.duration)) return;
      from = Math.min(from, block.earliest);
      to = Math.max(to, block.latest);
    });
    const charge = plan.chargeKw;
    if (charge && over.some((t) => (charge[t] ?? 0) > 0)) {
      from = 0;
      to = state.scenario.slots;
    }
  }
  return [from, to];
}
