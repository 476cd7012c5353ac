import type { HouseholdSchedulePlan, LoadPlan, LoadScenario } from '@village/domain';
import { unmanagedSchedule } from '@village/solver';

/**
 * What a policy adds to each connection's meter, kW per plan slot: its movable loads plus battery
 * charging minus discharging. Fixed load and solar are not here: they come from the truth, not from
 * the forecast the plan was made with.
 */
export type ConnectionKw = ReadonlyMap<string, Float64Array>;

function scheduleKw(schedule: HouseholdSchedulePlan, slots: number): Float64Array {
  const kw = new Float64Array(slots);
  for (const load of schedule.loads) {
    load.kw.forEach((value, t) => {
      kw[t] = (kw[t] ?? 0) + value;
    });
  }
  if (schedule.battery) {
    const { chargeKw, dischargeKw } = schedule.battery;
    for (let t = 0; t < slots; t++) kw[t] = (kw[t] ?? 0) + (chargeKw[t] ?? 0) - (dischargeKw[t] ?? 0);
  }
  return kw;
}

/** Households follow the plan: loads run when and as hard as planned, batteries as scheduled. */
export function plannedConnectionKw(scenario: LoadScenario, loadPlan: LoadPlan): ConnectionKw {
  return new Map(loadPlan.households.map((schedule) => [schedule.id, scheduleKw(schedule, scenario.slots)]));
}

/**
 * Running at will, the service's own yardstick (`unmanagedSchedule`): each load at full power from the
 * moment its window opens until done, batteries idle. Same loads and energy as the plan.
 */
export function unmanagedConnectionKw(scenario: LoadScenario): ConnectionKw {
  return new Map(
    scenario.households.map((household) => [
      household.id,
      scheduleKw(unmanagedSchedule(household, scenario.slotMinutes), scenario.slots),
    ]),
  );
}

/** Nobody runs a movable load: the reference the movable loads' cost is measured against. */
export const NO_MOVABLE_LOADS: ConnectionKw = new Map();
