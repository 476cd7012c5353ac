import type { CompiledHousehold } from './compiled-scenario.ts';

/**
 * One household's decisions, in flat arrays sized to the horizon. `netKw` and `cost` are derived
 * (see household/finalize-plan.ts) and kept with the decisions so coordination never recomputes them.
 */
export interface HouseholdPlan {
  /** Per interruptible load (same order as `household.flex`), kW per slot. */
  readonly flexKw: Float64Array[];
  /** Per block load (same order as `household.blocks`), its start slot. */
  readonly blockStart: Int32Array;
  readonly chargeKw: Float64Array | null;
  readonly dischargeKw: Float64Array | null;
  /** Solar left unused, kW per slot (pvUsed = pv − curtailed). */
  readonly curtailKw: Float64Array;
  /** Net power at the household's meter, kW per slot (import > 0, export < 0). */
  readonly netKw: Float64Array;
  /** What the household pays at its own prices, VND. */
  cost: number;
}

export function createHouseholdPlan(household: CompiledHousehold, slots: number): HouseholdPlan {
  return {
    flexKw: household.flex.map(() => new Float64Array(slots)),
    blockStart: new Int32Array(household.blocks.length),
    chargeKw: household.battery ? new Float64Array(slots) : null,
    dischargeKw: household.battery ? new Float64Array(slots) : null,
    curtailKw: new Float64Array(slots),
    netKw: new Float64Array(slots),
    cost: 0,
  };
}

export function copyHouseholdPlan(from: HouseholdPlan, to: HouseholdPlan): void {
  from.flexKw.forEach((kw, l) => {
    to.flexKw[l]?.set(kw);
  });
  to.blockStart.set(from.blockStart);
  if (from.chargeKw && to.chargeKw) to.chargeKw.set(from.chargeKw);
  if (from.dischargeKw && to.dischargeKw) to.dischargeKw.set(from.dischargeKw);
  to.curtailKw.set(from.curtailKw);
  to.netKw.set(from.netKw);
  to.cost = from.cost;
}

export function cloneHouseholdPlan(from: HouseholdPlan): HouseholdPlan {
  return {
    flexKw: from.flexKw.map((kw) => kw.slice()),
    blockStart: from.blockStart.slice(),
    chargeKw: from.chargeKw ? from.chargeKw.slice() : null,
    dischargeKw: from.dischargeKw ? from.dischargeKw.slice() : null,
    curtailKw: from.curtailKw.slice(),
    netKw: from.netKw.slice(),
    cost: from.cost,
  };
}
