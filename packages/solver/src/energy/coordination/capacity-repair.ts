import { respond } from '../household/respond.ts';
import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import { copyHouseholdPlan, createHouseholdPlan, type HouseholdPlan } from '../model/household-plan.ts';
import { type Clock, wallClock } from './clock.ts';
import type { VillageState } from './village-state.ts';

export const TOLERANCE_KW = 1e-7;

interface Attempt {
  /** Share of each slot's excess the household is asked to take back. */
  share: number;
  /** Whether solar may be curtailed beyond what is exported. */
  beyondExport: boolean;
}

/** Asked in this order; a household offers its first feasible, helpful answer. */
const ATTEMPTS: readonly Attempt[] = [
  { share: 1, beyondExport: false },
  { share: 0.5, beyondExport: false },
  { share: 1, beyondExport: true },
];

/**
 * Removes what is left of the overload after primal recovery, in merit order: every household that
 * could help (load in an overloaded slot, unused solar in a reverse-flow slot) prices a re-plan with
 * its net capped (and floored) to what the transformer has left; the cheapest relief per kW goes
 * first. Many households are indifferent (flat tariffs, solar that earns nothing when exported), so
 * the first helpers are usually free. Each accepted re-plan keeps every other slot within its limits,
 * so the overload only shrinks. Returns the remaining overload (kW summed over slots). Stops at the
 * deadline between households (every step leaves a valid plan), so a pass never runs on past it.
 * `limits` are the import limits it repairs against: the scenario's, or lower ones (makeRoom).
 */
export function repairOverloads(
  state: VillageState,
  deadline: number,
  now: Clock = wallClock,
  limits: Float64Array = state.scenario.importLimitKw,
): number {
  const { slots } = state.scenario;
  const trial = new Map<number, HouseholdPlan>();
  for (let pass = 0; pass < 4 && now() < deadline; pass++) {
    const over = overloadedSlots(state, limits);
    const reverse = reverseFlowSlots(state);
    if (over.length === 0 && reverse.length === 0) return 0;
    const offers: { household: CompiledHousehold; attempt: Attempt; price: number }[] = [];
    const before = totalOverload(state, limits);
    for (const household of state.scenario.households) {
      const plan = state.plan(household.index);
      if (movableKw(plan, household, over) + curtailableKw(plan, household, reverse) <= 0) continue;
      if (now() >= deadline) return totalOverload(state, limits);
      const scratch = trial.get(household.index) ?? createHouseholdPlan(household, slots);
      trial.set(household.index, scratch);
      for (const attempt of ATTEMPTS) {
        if (!replanWithinRoom(state, household, attempt, scratch, limits)) continue;
        const relief = before - overloadAfter(state, plan, scratch, limits);
        if (relief <= 1e-9) continue;
        offers.push({ household, attempt, price: (scratch.cost - plan.cost) / relief });
        break;
      }
    }
    offers.sort((a, b) => a.price - b.price);
    for (const { household, attempt } of offers) {
      if (now() >= deadline) break;
      if (overloadedSlots(state, limits).length === 0 && reverseFlowSlots(state).length === 0) return 0;
      const plan = state.plan(household.index);
      const scratch = trial.get(household.index) ?? createHouseholdPlan(household, slots);
      if (!replanWithinRoom(state, household, attempt, scratch, limits)) continue;
      if (overloadAfter(state, plan, scratch, limits) >= totalOverload(state, limits) - 1e-9) continue;
      state.addToAggregate(plan, -1);
      copyHouseholdPlan(scratch, plan);
      state.addToAggregate(plan, 1);
    }
  }
  return totalOverload(state, limits);
}

/** kW over the limits in slot t at village net `kw` (import limit above, reverse-flow limit below). */
export function overloadAt(state: VillageState, t: number, kw: number): number {
  const { importLimitKw, transformerKw } = state.scenario;
  return kw > 0 ? Math.max(0, kw - (importLimitKw[t] ?? 0)) : Math.max(0, -kw - transformerKw);
}

/**
 * The household's best plan (at the coordination prices) that gives back `share` of each slot's
 * excess — as far as what it runs there (or the solar it still uses) allows — and makes no slot
 * worse than the transformer's room. Writes into `out`; false if no such plan exists.
 */
function replanWithinRoom(
  state: VillageState,
  household: CompiledHousehold,
  attempt: { share: number; beyondExport: boolean },
  out: HouseholdPlan,
  importLimitKw: Float64Array,
): boolean {
  const { share, beyondExport } = attempt;
  const { slots, transformerKw } = state.scenario;
  const plan = state.plan(household.index);
  const cap = new Float64Array(slots);
  const floor = new Float64Array(slots);
  for (let t = 0; t < slots; t++) {
    const net = plan.netKw[t] ?? 0;
    const room = (importLimitKw[t] ?? 0) - (state.aggregateKw[t] ?? 0);
    cap[t] = room >= 0 ? net + room : net - Math.min(movableAt(plan, household, t), -share * room);
    const reverseRoom = (state.aggregateKw[t] ?? 0) + transformerKw;
    // Curtailing exported solar costs only the export price; curtailing beyond that means buying
    // the same energy back at the import price, so it is offered only as a last resort.
    const unusedSolar = Math.min(
      (household.pvKw[t] ?? 0) - (plan.curtailKw[t] ?? 0),
      beyondExport ? Number.POSITIVE_INFINITY : Math.max(0, -net),
    );
    floor[t] = reverseRoom >= 0 ? net - reverseRoom : net + Math.min(unusedSolar, -share * reverseRoom);
  }
  state.responses++;
  return respond(household, state.context(household, cap, state.lambda, floor), out);
}

function movableAt(plan: HouseholdPlan, household: CompiledHousehold, t: number): number {
  let kw = plan.chargeKw?.[t] ?? 0;
  for (const series of plan.flexKw) kw += series[t] ?? 0;
  household.blocks.forEach((block, k) => {
    const start = plan.blockStart[k] ?? 0;
    if (t >= start && t < start + block.duration) kw += block.kw;
  });
  return kw;
}

/** Total overload if `plan` were replaced by `candidate`. */
function overloadAfter(
  state: VillageState,
  plan: HouseholdPlan,
  candidate: HouseholdPlan,
  importLimitKw: Float64Array,
): number {
  const { transformerKw } = state.scenario;
  let over = 0;
  state.aggregateKw.forEach((kw, t) => {
    const next = kw - (plan.netKw[t] ?? 0) + (candidate.netKw[t] ?? 0);
    over += next > 0 ? Math.max(0, next - (importLimitKw[t] ?? 0)) : Math.max(0, -next - transformerKw);
  });
  return over;
}

/**
 * Lowers the village cost at true prices without breaking the limit: each household in turn takes
 * its best plan within its current net plus the transformer's remaining room. Every step is a
 * household's exact best response inside a region that contains its current plan, so cost never
 * rises and feasibility is kept.
 */
export function polishWithinLimit(
  state: VillageState,
  deadline: number,
  households: readonly CompiledHousehold[],
  now: Clock = wallClock,
): void {
  const { slots, importLimitKw, transformerKw } = state.scenario;
  const zero = new Float64Array(slots);
  const cap = new Float64Array(slots);
  const floor = new Float64Array(slots);
  for (const household of households) {
    if (now() >= deadline) return;
    const plan = state.plan(household.index);
    for (let t = 0; t < slots; t++) {
      cap[t] = (plan.netKw[t] ?? 0) + Math.max(0, (importLimitKw[t] ?? 0) - (state.aggregateKw[t] ?? 0));
      floor[t] = (plan.netKw[t] ?? 0) - Math.max(0, (state.aggregateKw[t] ?? 0) + transformerKw);
    }
    const scratch = createHouseholdPlan(household, slots);
    if (!respond(household, state.context(household, cap, zero, floor), scratch)) continue;
    state.responses++;
    if (scratch.cost < plan.cost - 1e-9) {
      state.addToAggregate(plan, -1);
      copyHouseholdPlan(scratch, plan);
      state.addToAggregate(plan, 1);
    }
  }
}

export function overloadedSlots(
  state: VillageState,
  limits: Float64Array = state.scenario.importLimitKw,
): number[] {
  const over: number[] = [];
  state.aggregateKw.forEach((kw, t) => {
    if (kw > (limits[t] ?? 0) + TOLERANCE_KW) over.push(t);
  });
  return over;
}

export function reverseFlowSlots(state: VillageState): number[] {
  const slots: number[] = [];
  const limit = state.scenario.transformerKw + TOLERANCE_KW;
  state.aggregateKw.forEach((kw, t) => {
    if (-kw > limit) slots.push(t);
  });
  return slots;
}

export function totalOverload(
  state: VillageState,
  importLimitKw: Float64Array = state.scenario.importLimitKw,
): number {
  const { transformerKw } = state.scenario;
  let over = 0;
  state.aggregateKw.forEach((kw, t) => {
    over += kw > 0 ? Math.max(0, kw - (importLimitKw[t] ?? 0)) : Math.max(0, -kw - transformerKw);
  });
  return over;
}

function curtailableKw(plan: HouseholdPlan, household: CompiledHousehold, slots: readonly number[]): number {
  let kw = 0;
  for (const t of slots) kw += (household.pvKw[t] ?? 0) - (plan.curtailKw[t] ?? 0);
  return kw;
}

function movableKw(plan: HouseholdPlan, household: CompiledHousehold, slots: readonly number[]): number {
  let movable = 0;
  for (const t of slots) {
    for (const series of plan.flexKw) movable += series[t] ?? 0;
    movable += plan.chargeKw?.[t] ?? 0;
    household.blocks.forEach((block, k) => {
      const start = plan.blockStart[k] ?? 0;
      if (t >= start && t < start + block.duration) movable += block.kw;
    });
  }
  return movable;
}
