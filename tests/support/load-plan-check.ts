import type {
  HouseholdSchedulePlan,
  LoadPlan,
  LoadScenario,
  LoadSpec,
  ScenarioHousehold,
  TransformerOverload,
} from '@village/domain';

/**
 * Independent feasibility check of a load plan against its scenario: everything is recomputed here
 * from the plan's power arrays, nothing is taken from the solver (and no solver code is imported), so
 * a bug shared by the solver and its own plan check cannot hide. Used by the solver's tests, the
 * benchmark, and on HiGHS's reference plans.
 *
 * Tolerance: 1e-6, absolute for powers (kW) and scaled by max(1, size) for energies, states of
 * charge, the transformer limit and the objective (relative), so that a solver's rounding noise
 * passes while any real violation shows.
 */
export const TOLERANCE = 1e-6;

/**
 * The scenario's battery `efficiency` is round-trip; the recursion
 * `soc[t+1] = soc[t] + eff*charge*h - discharge*h/eff` uses the per-direction efficiency, so that a
 * kWh charged and discharged again returns exactly `efficiency` kWh: eff = sqrt(round trip).
 */
export function perDirectionEfficiency(roundTripEfficiency: number): number {
  return Math.sqrt(roundTripEfficiency);
}

export interface PlanFigures {
  /** Total village cost, VND: imports at import price, exports earn export price, per household. */
  costVnd: number;
  /** Village net power per slot (positive = import through the transformer), kW. */
  villageKw: number[];
}

const zeros = (n: number) => new Array<number>(n).fill(0);
const fmt = (x: number) => Number(x.toPrecision(9)).toString();
/** Differs beyond the tolerance scaled by max(1, |scale|); written as !(… <= …) so that NaN differs too. */
const differs = (a: number, b: number, scale = b) =>
  !(Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(scale)));
/** Outside [low, high] beyond the absolute tolerance (or NaN). */
const outside = (x: number, low: number, high: number) => !(x >= low - TOLERANCE && x <= high + TOLERANCE);

/** Cost and village power of the given schedules (net = base + loads + charge − discharge − solar used). */
export function planFigures(
  scenario: LoadScenario,
  households: readonly HouseholdSchedulePlan[],
): PlanFigures {
  const byId = new Map(households.map((plan) => [plan.id, plan]));
  const slotHours = scenario.slotMinutes / 60;
  const villageKw = zeros(scenario.slots);
  let costVnd = 0;
  for (const household of scenario.households) {
    const plan = byId.get(household.id);
    const importPrice = household.importPrice ?? scenario.importPrice;
    const exportPrice = household.exportPrice ?? scenario.exportPrice;
    for (let t = 0; t < scenario.slots; t++) {
      let kw = (household.baseKw[t] ?? 0) - (plan?.pvUsedKw[t] ?? 0);
      for (const load of plan?.loads ?? []) kw += load.kw[t] ?? 0;
      kw += (plan?.battery?.chargeKw[t] ?? 0) - (plan?.battery?.dischargeKw[t] ?? 0);
      costVnd += (kw >= 0 ? (importPrice[t] ?? 0) : (exportPrice?.[t] ?? 0)) * kw * slotHours;
      villageKw[t] = (villageKw[t] ?? 0) + kw;
    }
  }
  return { costVnd, villageKw };
}

/** Maximal runs of slots beyond ±limit (by more than the tolerance), with their largest excess. */
export function overloadsOf(villageKw: readonly number[], transformerKw: number): TransformerOverload[] {
  const tolerance = TOLERANCE * Math.max(1, transformerKw);
  const overloads: TransformerOverload[] = [];
  villageKw.forEach((kw, t) => {
    const excess = Math.abs(kw) - transformerKw;
    if (excess <= tolerance) return;
    const direction = kw > 0 ? 'import' : 'export';
    const last = overloads.at(-1);
    if (last && last.toSlot === t && last.direction === direction) {
      last.toSlot = t + 1;
      last.maxOverKw = Math.max(last.maxOverKw, excess);
    } else {
      overloads.push({ fromSlot: t, toSlot: t + 1, maxOverKw: excess, direction });
    }
  });
  return overloads;
}

/** The unmanaged plan: every load at full power from the moment its window opens, batteries idle, all solar used. */
export function unmanagedSchedules(scenario: LoadScenario): HouseholdSchedulePlan[] {
  const slotHours = scenario.slotMinutes / 60;
  return scenario.households.map((household) => ({
    id: household.id,
    loads: household.loads.map((load) => {
      const kw = zeros(scenario.slots);
      if (load.interruptible) {
        let remaining = load.energyKwh;
        for (let t = load.earliest; t < load.latest && remaining > 0; t++) {
          kw[t] = Math.min(load.kw, remaining / slotHours);
          remaining -= (kw[t] ?? 0) * slotHours;
        }
      } else {
        kw.fill(load.kw, load.earliest, load.earliest + load.durationSlots);
      }
      return { id: load.id, kw };
    }),
    pvUsedKw: household.pvKw ? [...household.pvKw] : zeros(scenario.slots),
  }));
}

function checkLoad(
  scenario: LoadScenario,
  where: string,
  spec: LoadSpec,
  kw: readonly number[],
  out: string[],
): void {
  if (kw.length !== scenario.slots) {
    out.push(`${where}: kw has ${kw.length} values, expected ${scenario.slots}`);
    return;
  }
  kw.forEach((value, t) => {
    if (!Number.isFinite(value)) out.push(`${where} slot ${t}: kw is not a finite number`);
    else if ((t < spec.earliest || t >= spec.latest) && Math.abs(value) > TOLERANCE) {
      out.push(
        `${where} slot ${t}: runs at ${fmt(value)} kW outside its window [${spec.earliest}, ${spec.latest})`,
      );
    } else if (outside(value, 0, spec.kw)) {
      out.push(`${where} slot ${t}: ${fmt(value)} kW outside [0, ${spec.kw}] (rated power)`);
    }
  });
  if (spec.interruptible) {
    const kwh = kw.reduce((sum, value) => sum + value, 0) * (scenario.slotMinutes / 60);
    if (differs(kwh, spec.energyKwh)) {
      out.push(`${where}: delivers ${fmt(kwh)} kWh, must deliver ${spec.energyKwh} kWh`);
    }
    return;
  }
  const on = kw.flatMap((value, t) => (Math.abs(value) > TOLERANCE ? [t] : []));
  const first = on[0] ?? -1;
  const contiguous = on.every((t, i) => t === first + i);
  if (on.length !== spec.durationSlots || !contiguous) {
    out.push(
      `${where}: must run in ${spec.durationSlots} consecutive slots, runs in ${on.length} slot(s) [${on.join(',')}]`,
    );
  }
  for (const t of on) {
    if (outside(kw[t] ?? 0, spec.kw, spec.kw)) {
      out.push(`${where} slot ${t}: runs at ${fmt(kw[t] ?? 0)} kW, a block runs at exactly ${spec.kw} kW`);
    }
  }
}

function checkBattery(
  scenario: LoadScenario,
  household: ScenarioHousehold,
  battery: NonNullable<HouseholdSchedulePlan['battery']>,
  out: string[],
): void {
  const where = `household ${household.id} battery`;
  const spec = household.battery;
  if (!spec) {
    if ([...battery.chargeKw, ...battery.dischargeKw].some((kw) => Math.abs(kw) > TOLERANCE)) {
      out.push(`${where}: the household has no battery, yet the plan charges or discharges one`);
    }
    return;
  }
  if (battery.chargeKw.length !== scenario.slots || battery.dischargeKw.length !== scenario.slots) {
    out.push(`${where}: chargeKw and dischargeKw must have ${scenario.slots} values each`);
    return;
  }
  const slotHours = scenario.slotMinutes / 60;
  const efficiency = perDirectionEfficiency(spec.efficiency);
  const socTolerance = TOLERANCE * Math.max(1, spec.capacityKwh);
  let soc = spec.initialSocKwh;
  for (let t = 0; t < scenario.slots; t++) {
    const charge = battery.chargeKw[t] ?? 0;
    const discharge = battery.dischargeKw[t] ?? 0;
    if (outside(charge, 0, spec.maxChargeKw)) {
      out.push(`${where} slot ${t}: charge ${fmt(charge)} kW outside [0, ${spec.maxChargeKw}]`);
    }
    if (outside(discharge, 0, spec.maxDischargeKw)) {
      out.push(`${where} slot ${t}: discharge ${fmt(discharge)} kW outside [0, ${spec.maxDischargeKw}]`);
    }
    soc += efficiency * charge * slotHours - (discharge * slotHours) / efficiency;
    if (!(soc >= spec.minSocKwh - socTolerance && soc <= spec.capacityKwh + socTolerance)) {
      out.push(
        `${where} end of slot ${t}: state of charge ${fmt(soc)} kWh outside [${spec.minSocKwh}, ${spec.capacityKwh}]`,
      );
    }
  }
  if (soc < spec.initialSocKwh - socTolerance) {
    out.push(`${where}: ends the day at ${fmt(soc)} kWh, below its initial ${spec.initialSocKwh} kWh`);
  }
}

function checkHousehold(
  scenario: LoadScenario,
  household: ScenarioHousehold,
  plan: HouseholdSchedulePlan,
  out: string[],
): void {
  const where = `household ${household.id}`;
  const planned = new Map<string, number[]>();
  for (const load of plan.loads) {
    if (planned.has(load.id)) out.push(`${where} load ${load.id}: planned twice`);
    else if (!household.loads.some((spec) => spec.id === load.id))
      out.push(`${where} load ${load.id}: not in the scenario`);
    planned.set(load.id, load.kw);
  }
  for (const spec of household.loads) {
    const kw = planned.get(spec.id);
    if (kw === undefined) out.push(`${where} load ${spec.id}: missing from the plan`);
    else checkLoad(scenario, `${where} load ${spec.id}`, spec, kw, out);
  }
  if (plan.battery) checkBattery(scenario, household, plan.battery, out);
  if (plan.pvUsedKw.length !== scenario.slots) {
    out.push(`${where}: pvUsedKw has ${plan.pvUsedKw.length} values, expected ${scenario.slots}`);
    return;
  }
  plan.pvUsedKw.forEach((used, t) => {
    const available = household.pvKw?.[t] ?? 0;
    if (outside(used, 0, available)) {
      out.push(`${where} slot ${t}: uses ${fmt(used)} kW of solar, ${fmt(available)} kW available`);
    }
  });
}

const sameOverloads = (
  reported: readonly TransformerOverload[],
  actual: readonly TransformerOverload[],
  limit: number,
) =>
  reported.length === actual.length &&
  reported.every((r, i) => {
    const a = actual[i];
    return (
      a?.fromSlot === r.fromSlot &&
      a.toSlot === r.toSlot &&
      a.direction === r.direction &&
      !differs(r.maxOverKw, a.maxOverKw, limit)
    );
  });

const describeOverloads = (list: readonly TransformerOverload[]) =>
  list.map((o) => `[${o.fromSlot}, ${o.toSlot}) ${o.direction} +${fmt(o.maxOverKw)} kW`).join('; ') || 'none';

/** Transformer limit (or honest overload report), objective and bound. */
function checkVillage(scenario: LoadScenario, plan: LoadPlan, figures: PlanFigures, out: string[]): void {
  const limit = scenario.transformerKw;
  if (plan.transformerKw !== limit)
    out.push(`plan: transformerKw ${plan.transformerKw}, scenario says ${limit}`);
  const overloads = overloadsOf(figures.villageKw, limit);
  if (plan.status === 'overloaded') {
    if (!sameOverloads(plan.overloads, overloads, limit)) {
      out.push(
        `plan: overloads ${describeOverloads(plan.overloads)}, recomputed ${describeOverloads(overloads)}`,
      );
    }
  } else {
    for (const { fromSlot, toSlot } of overloads) {
      for (let t = fromSlot; t < toSlot; t++) {
        out.push(
          `transformer slot ${t}: village net ${fmt(figures.villageKw[t] ?? 0)} kW beyond ±${limit} kW`,
        );
      }
    }
    if (plan.overloads.length > 0)
      out.push(`plan: status ${plan.status} with overloads ${describeOverloads(plan.overloads)}`);
  }
  if (differs(plan.objective, figures.costVnd)) {
    out.push(`plan: objective ${fmt(plan.objective)} VND, recomputed cost ${fmt(figures.costVnd)} VND`);
  }
  if (!(plan.lowerBound <= plan.objective + TOLERANCE * Math.max(1, Math.abs(plan.objective)))) {
    out.push(`plan: lower bound ${fmt(plan.lowerBound)} above the objective ${fmt(plan.objective)}`);
  }
}

/** The village peak the plan reports, and its figures for the unmanaged plan. */
function checkReportedFigures(
  scenario: LoadScenario,
  plan: LoadPlan,
  figures: PlanFigures,
  out: string[],
): void {
  const limit = scenario.transformerKw;
  const peak = Math.max(...figures.villageKw);
  if (differs(plan.peakKw, peak, limit))
    out.push(`plan: peakKw ${fmt(plan.peakKw)}, recomputed ${fmt(peak)}`);
  const unmanaged = planFigures(scenario, unmanagedSchedules(scenario));
  const unmanagedPeak = Math.max(...unmanaged.villageKw);
  const reported = plan.unmanaged;
  if (differs(reported.peakKw, unmanagedPeak, limit)) {
    out.push(`unmanaged: peakKw ${fmt(reported.peakKw)}, recomputed ${fmt(unmanagedPeak)}`);
  }
  if (differs(reported.objective, unmanaged.costVnd)) {
    out.push(`unmanaged: objective ${fmt(reported.objective)} VND, recomputed ${fmt(unmanaged.costVnd)} VND`);
  }
  const overloads = overloadsOf(unmanaged.villageKw, limit);
  if (!sameOverloads(reported.overloads, overloads, limit)) {
    out.push(
      `unmanaged: overloads ${describeOverloads(reported.overloads)}, recomputed ${describeOverloads(overloads)}`,
    );
  }
}

export interface CheckOptions {
  /** Also check peakKw and the unmanaged figures (off for reference plans that do not report them). Default true. */
  reportedFigures?: boolean;
}

/** Every violation found, each naming its household, load and slot; empty when the plan is feasible and honest. */
export function checkLoadPlan(scenario: LoadScenario, plan: LoadPlan, options: CheckOptions = {}): string[] {
  const out: string[] = [];
  const planned = new Map<string, HouseholdSchedulePlan>();
  for (const household of plan.households) {
    if (planned.has(household.id)) out.push(`household ${household.id}: planned twice`);
    planned.set(household.id, household);
  }
  const known = new Set(scenario.households.map((household) => household.id));
  for (const id of planned.keys()) if (!known.has(id)) out.push(`household ${id}: not in the scenario`);
  for (const household of scenario.households) {
    const schedule = planned.get(household.id);
    if (schedule) checkHousehold(scenario, household, schedule, out);
    else out.push(`household ${household.id}: missing from the plan`);
  }
  const figures = planFigures(scenario, [...planned.values()]);
  checkVillage(scenario, plan, figures, out);
  if (options.reportedFigures ?? true) checkReportedFigures(scenario, plan, figures, out);
  return out;
}

/** For tests: throws with the first violations listed when the plan is not feasible and honest. */
export function expectFeasiblePlan(scenario: LoadScenario, plan: LoadPlan, options?: CheckOptions): void {
  const violations = checkLoadPlan(scenario, plan, options);
  if (violations.length === 0) return;
  const shown = violations.slice(0, 20).map((v) => `  - ${v}`);
  const more = violations.length > 20 ? [`  … and ${violations.length - 20} more`] : [];
  throw new Error([`plan has ${violations.length} violation(s):`, ...shown, ...more].join('\n'));
}
