import type { HouseholdSchedulePlan, LoadScenario, LoadSpec } from '@village/domain';

export type ScenarioLoads = Pick<LoadScenario, 'slots' | 'slotMinutes' | 'households'>;

export interface ValleyFillPlan {
  households: HouseholdSchedulePlan[];
  /** Village net power per slot under this plan, kW. */
  villageKw: number[];
  peakKw: number;
}

/**
 * A quick feasible schedule that flattens the village peak, used as a witness when sizing the
 * transformer limit: if this plan fits under the limit, the optimal plan does too. Not an optimiser —
 * it ignores prices, leaves batteries idle and uses all solar. Blocks go first (largest energy first)
 * at the start with the lowest resulting peak; interruptible loads then fill the lowest valleys of
 * their windows (tightest windows first), capped at their rated power.
 */
export function valleyFillPlan(scenario: ScenarioLoads): ValleyFillPlan {
  const { slots } = scenario;
  const slotHours = scenario.slotMinutes / 60;
  const village = new Float64Array(slots);
  for (const household of scenario.households) {
    for (let t = 0; t < slots; t++) {
      village[t] = (village[t] ?? 0) + (household.baseKw[t] ?? 0) - (household.pvKw?.[t] ?? 0);
    }
  }
  const kwByLoad = new Map<string, number[]>();
  const loadKey = (householdId: string, loadId: string) => `${householdId}\u0000${loadId}`;
  const all = scenario.households.flatMap((household) =>
    household.loads.map((load) => ({ key: loadKey(household.id, load.id), load })),
  );
  const tightness = (load: LoadSpec) =>
    load.interruptible ? load.energyKwh / (load.kw * (load.latest - load.earliest) * slotHours) : 1;
  const blocks = all
    .filter(({ load }) => !load.interruptible)
    .sort((a, b) => blockEnergy(b.load) - blockEnergy(a.load) || a.key.localeCompare(b.key));
  const flexible = all
    .filter(({ load }) => load.interruptible)
    .sort((a, b) => tightness(b.load) - tightness(a.load) || a.key.localeCompare(b.key));
  for (const { key, load } of [...blocks, ...flexible]) {
    const kw = load.interruptible ? fillValleys(village, load, slotHours) : placeBlock(village, load);
    for (let t = 0; t < slots; t++) village[t] = (village[t] ?? 0) + (kw[t] ?? 0);
    kwByLoad.set(key, kw);
  }
  const households = scenario.households.map((household) => ({
    id: household.id,
    loads: household.loads.map((load) => ({
      id: load.id,
      kw: kwByLoad.get(loadKey(household.id, load.id)) ?? new Array<number>(slots).fill(0),
    })),
    ...(household.battery
      ? {
          battery: {
            chargeKw: new Array<number>(slots).fill(0),
            dischargeKw: new Array<number>(slots).fill(0),
          },
        }
      : {}),
    pvUsedKw: household.pvKw ? [...household.pvKw] : new Array<number>(slots).fill(0),
  }));
  const villageKw = Array.from(village);
  return { households, villageKw, peakKw: Math.max(...villageKw) };
}

function blockEnergy(load: LoadSpec): number {
  return load.interruptible ? load.energyKwh : load.kw * load.durationSlots;
}

/** The block's start minimising the highest village power it runs into (then the lowest total). */
function placeBlock(village: Float64Array, load: LoadSpec & { interruptible: false }): number[] {
  let best = { start: load.earliest, peak: Infinity, sum: Infinity };
  for (let start = load.earliest; start + load.durationSlots <= load.latest; start++) {
    let peak = -Infinity;
    let sum = 0;
    for (let t = start; t < start + load.durationSlots; t++) {
      const kw = village[t] ?? 0;
      peak = Math.max(peak, kw);
      sum += kw;
    }
    if (peak < best.peak || (peak === best.peak && sum < best.sum)) best = { start, peak, sum };
  }
  return Array.from({ length: village.length }, (_, t) =>
    t >= best.start && t < best.start + load.durationSlots ? load.kw : 0,
  );
}

/** Water-filling: raise a level over the window's valleys until the load's energy fits under it. */
function fillValleys(
  village: Float64Array,
  load: LoadSpec & { interruptible: true },
  slotHours: number,
): number[] {
  const energyAt = (level: number) => {
    let kwh = 0;
    for (let t = load.earliest; t < load.latest; t++) {
      kwh += Math.min(load.kw, Math.max(0, level - (village[t] ?? 0))) * slotHours;
    }
    return kwh;
  };
  let low = Infinity;
  let high = -Infinity;
  for (let t = load.earliest; t < load.latest; t++) {
    low = Math.min(low, village[t] ?? 0);
    high = Math.max(high, (village[t] ?? 0) + load.kw);
  }
  // Bisection to the last bit: the delivered energy must match to far better than 1e-6 kWh.
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const mid = (low + high) / 2;
    if (energyAt(mid) < load.energyKwh) low = mid;
    else high = mid;
  }
  return Array.from({ length: village.length }, (_, t) =>
    t >= load.earliest && t < load.latest ? Math.min(load.kw, Math.max(0, high - (village[t] ?? 0))) : 0,
  );
}
