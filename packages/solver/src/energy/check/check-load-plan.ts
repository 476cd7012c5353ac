import { netCostRate } from '../household/slot-tiers.ts';
import type { CompiledScenario } from '../model/compiled-scenario.ts';
import type { HouseholdPlan } from '../model/household-plan.ts';

const KW_TOLERANCE = 1e-6;

/**
 * The solver's own gate: recomputes every constraint of every household from the decisions alone
 * (windows, energy, contiguity, battery power and state of charge, solar, the transformer) and the
 * cost. Any message returned is a solver bug; the caller refuses to return such a plan.
 */
export function checkLoadPlan(
  scenario: CompiledScenario,
  plans: readonly HouseholdPlan[],
  options: { allowOverload: boolean },
): string[] {
  const { slots, hours, transformerKw, importLimitKw } = scenario;
  const problems: string[] = [];
  const aggregate = new Float64Array(slots);
  scenario.households.forEach((household, i) => {
    const plan = plans[i];
    const who = `household ${household.id}`;
    if (!plan) {
      problems.push(`${who}: no plan`);
      return;
    }
    const net = new Float64Array(slots);
    for (let t = 0; t < slots; t++)
      net[t] = (household.baseKw[t] ?? 0) - (household.pvKw[t] ?? 0) + (plan.curtailKw[t] ?? 0);
    household.flex.forEach((load, l) => {
      const kw = plan.flexKw[l];
      if (!kw) {
        problems.push(`${who}, load ${load.id}: missing`);
        return;
      }
      let energy = 0;
      for (let t = 0; t < slots; t++) {
        const p = kw[t] ?? 0;
        const inWindow = t >= load.earliest && t < load.latest;
        if (p < -KW_TOLERANCE || p > (inWindow ? load.kw : 0) + KW_TOLERANCE) {
          problems.push(
            `${who}, load ${load.id}: ${p} kW in slot ${t} (window ${load.earliest}–${load.latest - 1}, max ${load.kw})`,
          );
        }
        energy += p;
        net[t] = (net[t] ?? 0) + p;
      }
      if (Math.abs(energy - load.energySlots) > 1e-6 * Math.max(1, load.energySlots)) {
        problems.push(
          `${who}, load ${load.id}: delivers ${energy * hours} kWh, needs ${load.energySlots * hours}`,
        );
      }
    });
    household.blocks.forEach((block, k) => {
      const start = plan.blockStart[k] ?? -1;
      if (!Number.isInteger(start) || start < block.earliest || start + block.duration > block.latest) {
        problems.push(
          `${who}, load ${block.id}: starts at ${start}, window ${block.earliest}–${block.latest - 1}`,
        );
        return;
      }
      for (let t = start; t < start + block.duration; t++) net[t] = (net[t] ?? 0) + block.kw;
    });
    for (let t = 0; t < slots; t++) {
      const curtail = plan.curtailKw[t] ?? 0;
      if (curtail < -KW_TOLERANCE || curtail > (household.pvKw[t] ?? 0) + KW_TOLERANCE) {
        problems.push(`${who}: curtails ${curtail} kW of ${household.pvKw[t] ?? 0} kW solar in slot ${t}`);
      }
    }
    const battery = household.battery;
    if (battery && plan.chargeKw && plan.dischargeKw) {
      let soc = battery.initialSocKwh;
      for (let t = 0; t < slots; t++) {
        const charge = plan.chargeKw[t] ?? 0;
        const discharge = plan.dischargeKw[t] ?? 0;
        if (charge < -KW_TOLERANCE || charge > battery.maxChargeKw + KW_TOLERANCE)
          problems.push(`${who}: charges ${charge} kW in slot ${t}`);
        if (discharge < -KW_TOLERANCE || discharge > battery.maxDischargeKw + KW_TOLERANCE)
          problems.push(`${who}: discharges ${discharge} kW in slot ${t}`);
        soc += battery.etaCharge * charge * hours - (discharge * hours) / battery.etaDischarge;
        if (soc < battery.minSocKwh - 1e-6 || soc > battery.capacityKwh + 1e-6)
          problems.push(`${who}: state of charge ${soc} kWh after slot ${t}`);
        net[t] = (net[t] ?? 0) + charge - discharge;
      }
      if (soc < battery.initialSocKwh - 1e-6)
        problems.push(`${who}: ends at ${soc} kWh, started at ${battery.initialSocKwh}`);
    }
    let cost = 0;
    for (let t = 0; t < slots; t++) {
      const n = net[t] ?? 0;
      if (Math.abs(n - (plan.netKw[t] ?? 0)) > KW_TOLERANCE)
        problems.push(`${who}: net ${plan.netKw[t]} kW in slot ${t}, recomputed ${n}`);
      cost += netCostRate(n, household.importPrice[t] ?? 0, household.exportPrice[t] ?? 0) * hours;
      aggregate[t] = (aggregate[t] ?? 0) + n;
    }
    if (Math.abs(cost - plan.cost) > 1e-6 * Math.max(1, Math.abs(cost)))
      problems.push(`${who}: cost ${plan.cost}, recomputed ${cost}`);
  });
  if (!options.allowOverload) {
    aggregate.forEach((kw, t) => {
      const limit = kw > 0 ? (importLimitKw[t] ?? transformerKw) : transformerKw;
      if (Math.abs(kw) > limit + 1e-6) problems.push(`transformer: ${kw} kW in slot ${t}, limit ${limit}`);
    });
  }
  return problems;
}
