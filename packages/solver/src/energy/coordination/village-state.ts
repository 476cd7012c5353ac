import { createRng } from '@village/domain';
import { respond } from '../household/respond.ts';
import type { ResponseContext } from '../household/response-context.ts';
import type { CompiledHousehold, CompiledScenario } from '../model/compiled-scenario.ts';
import {
  cloneHouseholdPlan,
  copyHouseholdPlan,
  createHouseholdPlan,
  type HouseholdPlan,
} from '../model/household-plan.ts';

/**
 * Every household's current plan, the village's aggregate net power, and the coordination price
 * they were computed under. Invariant: each cached plan is the household's best response to the
 * current `lambda` (a household is re-solved whenever the price changes inside its flexible span),
 * so the Lagrangian bound can be read off the cache at any time.
 */
export class VillageState {
  readonly scenario: CompiledScenario;
  readonly plans: HouseholdPlan[];
  readonly aggregateKw: Float64Array;
  readonly lambda: Float64Array;
  private readonly tieKeys: Float64Array[];
  private readonly changed: Int32Array;
  /** Household responses computed so far (a cost measure for reports and tests). */
  responses = 0;

  constructor(scenario: CompiledScenario, seed: number) {
    this.scenario = scenario;
    const slots = scenario.slots;
    this.plans = scenario.households.map((household) => createHouseholdPlan(household, slots));
    this.aggregateKw = new Float64Array(slots);
    this.lambda = new Float64Array(slots);
    this.changed = new Int32Array(slots + 1);
    const rng = createRng(seed);
    // Jitter below any price difference: it only orders slots a household is indifferent between.
    this.tieKeys = scenario.households.map(() => Float64Array.from({ length: slots }, () => rng.next()));
  }

  context(
    household: CompiledHousehold,
    capKw: Float64Array | null = null,
    lambda = this.lambda,
    floorKw: Float64Array | null = null,
  ): ResponseContext {
    return {
      hours: this.scenario.hours,
      lambda,
      capKw,
      floorKw,
      tieKey: this.tieKeys[household.index] ?? this.lambda,
    };
  }

  /** First responses at λ = 0 (or at the current λ). Throws if a household cannot respond at all. */
  solveAll(): void {
    this.aggregateKw.fill(0);
    for (const household of this.scenario.households) {
      const plan = this.plan(household.index);
      if (!respond(household, this.context(household), plan)) {
        throw new Error(`household ${household.id} has no feasible plan without caps`);
      }
      this.responses++;
      this.addToAggregate(plan, 1);
    }
  }

  /** Moves to a new coordination price, re-solving only households whose flexible span it touches. */
  setLambda(next: Float64Array, onResolved?: (household: CompiledHousehold) => void): number {
    const slots = this.scenario.slots;
    // changed[t + 1] counts changed slots before t + 1, so a span test is two reads.
    for (let t = 0; t < slots; t++) {
      this.changed[t + 1] = (this.changed[t] ?? 0) + ((next[t] ?? 0) !== (this.lambda[t] ?? 0) ? 1 : 0);
    }
    this.lambda.set(next);
    let resolved = 0;
    for (const household of this.scenario.households) {
      if ((this.changed[household.flexTo] ?? 0) - (this.changed[household.flexFrom] ?? 0) === 0) continue;
      this.resolve(household);
      onResolved?.(household);
      resolved++;
    }
    return resolved;
  }

  /** Re-solves one household at the current price (no caps) and updates the aggregate. */
  resolve(household: CompiledHousehold): void {
    const plan = this.plan(household.index);
    this.addToAggregate(plan, -1);
    respond(household, this.context(household), plan);
    this.responses++;
    this.addToAggregate(plan, 1);
  }

  /** A copy of every plan, to try a shortcut and come back if it does not pay. */
  snapshot(): HouseholdPlan[] {
    return this.plans.map(cloneHouseholdPlan);
  }

  restore(snapshot: readonly HouseholdPlan[]): void {
    snapshot.forEach((plan, i) => {
      const target = this.plans[i];
      if (target) copyHouseholdPlan(plan, target);
    });
    this.aggregateKw.fill(0);
    for (const plan of this.plans) this.addToAggregate(plan, 1);
  }

  plan(index: number): HouseholdPlan {
    const plan = this.plans[index];
    if (!plan) throw new Error(`no plan for household #${index}`);
    return plan;
  }

  addToAggregate(plan: HouseholdPlan, sign: number): void {
    const agg = this.aggregateKw;
    const net = plan.netKw;
    for (let t = 0; t < agg.length; t++) agg[t] = (agg[t] ?? 0) + sign * (net[t] ?? 0);
  }

  totalCost(): number {
    let cost = 0;
    for (const plan of this.plans) cost += plan.cost;
    return cost;
  }

  /** Σ_h (cost_h + h·λ·net_h): the first part of the Lagrangian at the current λ. */
  pricedCost(): number {
    const h = this.scenario.hours;
    let priced = 0;
    for (let t = 0; t < this.lambda.length; t++) priced += (this.lambda[t] ?? 0) * (this.aggregateKw[t] ?? 0);
    return this.totalCost() + h * priced;
  }
}
