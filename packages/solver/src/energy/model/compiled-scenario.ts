import { DomainError, type FieldIssue, type LoadScenario } from '@village/domain';

/** An interruptible load: any power in [0, kw] in slots earliest..latest-1, `energySlots` kW·slots in total. */
export interface FlexLoad {
  readonly id: string;
  readonly kw: number;
  /** Energy expressed in kW·slots (energyKwh / slot hours), so hot loops never divide. */
  readonly energySlots: number;
  readonly earliest: number;
  readonly latest: number;
}

/** A non-interruptible load: exactly `kw` for `duration` consecutive slots starting in the window. */
export interface BlockLoad {
  readonly id: string;
  readonly kw: number;
  readonly duration: number;
  readonly earliest: number;
  /** Exclusive end of the window; the last allowed start is `latest - duration`. */
  readonly latest: number;
}

export interface CompiledBattery {
  readonly capacityKwh: number;
  readonly minSocKwh: number;
  readonly initialSocKwh: number;
  readonly maxChargeKw: number;
  readonly maxDischargeKw: number;
  /** Per-direction efficiency: the square root of the round-trip efficiency (split evenly). */
  readonly etaCharge: number;
  readonly etaDischarge: number;
}

export interface CompiledHousehold {
  readonly index: number;
  readonly id: string;
  readonly baseKw: Float64Array;
  /** All zeros when the household has no solar. */
  readonly pvKw: Float64Array;
  readonly hasPv: boolean;
  readonly importPrice: Float64Array;
  readonly exportPrice: Float64Array;
  /** Loads in file order; `flex` and `blocks` index into it through `loadOrder`. */
  readonly loadIds: readonly string[];
  readonly flex: readonly FlexLoad[];
  readonly blocks: readonly BlockLoad[];
  readonly battery: CompiledBattery | null;
  /** Union of the flexible windows and sunny slots: outside [flexFrom, flexTo) nothing changes with prices. */
  readonly flexFrom: number;
  readonly flexTo: number;
}

export interface CompiledScenario {
  readonly slots: number;
  /** Slot length in hours. */
  readonly hours: number;
  readonly transformerKw: number;
  /**
   * The import limit the plan aims for per slot: the transformer's, raised where even the least
   * possible load of every household exceeds it (that overload is unavoidable and is reported).
   */
  readonly importLimitKw: Float64Array;
  readonly households: readonly CompiledHousehold[];
}

/**
 * Turns a validated scenario into flat arrays and rejects what no plan can satisfy: a load whose
 * energy cannot fit its window at full power, or a block longer than its window. The error names
 * the household, the load and the slot range so an operator can fix the file.
 */
export function compileScenario(scenario: LoadScenario): CompiledScenario {
  const slots = scenario.slots;
  const hours = scenario.slotMinutes / 60;
  const villageImport = Float64Array.from(scenario.importPrice);
  const villageExport = scenario.exportPrice
    ? Float64Array.from(scenario.exportPrice)
    : new Float64Array(slots);
  const issues: FieldIssue[] = [];
  const households = scenario.households.map((household, index): CompiledHousehold => {
    const flex: FlexLoad[] = [];
    const blocks: BlockLoad[] = [];
    let flexFrom = slots;
    let flexTo = 0;
    household.loads.forEach((load, l) => {
      const field = `households.${index}.loads.${l}`;
      const range = `slots ${load.earliest}–${load.latest - 1}`;
      if (load.interruptible) {
        const capacityKwh = load.kw * (load.latest - load.earliest) * hours;
        if (load.energyKwh > capacityKwh * (1 + 1e-9)) {
          issues.push({
            field: `${field}.energyKwh`,
            message: `household ${household.id}, load ${load.id}: ${load.energyKwh} kWh cannot fit in ${range} at ${load.kw} kW (at most ${round(capacityKwh)} kWh)`,
          });
        }
        flex.push({
          id: load.id,
          kw: load.kw,
          energySlots: load.energyKwh / hours,
          earliest: load.earliest,
          latest: load.latest,
        });
      } else {
        if (load.durationSlots > load.latest - load.earliest) {
          issues.push({
            field: `${field}.durationSlots`,
            message: `household ${household.id}, load ${load.id}: ${load.durationSlots} slots cannot fit in ${range}`,
          });
        }
        blocks.push({
          id: load.id,
          kw: load.kw,
          duration: load.durationSlots,
          earliest: load.earliest,
          latest: load.latest,
        });
      }
      flexFrom = Math.min(flexFrom, load.earliest);
      flexTo = Math.max(flexTo, load.latest);
    });
    const battery = household.battery
      ? {
          capacityKwh: household.battery.capacityKwh,
          minSocKwh: household.battery.minSocKwh,
          initialSocKwh: household.battery.initialSocKwh,
          maxChargeKw: household.battery.maxChargeKw,
          maxDischargeKw: household.battery.maxDischargeKw,
          etaCharge: Math.sqrt(household.battery.efficiency),
          etaDischarge: Math.sqrt(household.battery.efficiency),
        }
      : null;
    if (battery) {
      flexFrom = 0;
      flexTo = slots;
    }
    // Curtailing solar is a decision too: prices in sunny slots can change it.
    household.pvKw?.forEach((kw, t) => {
      if (kw <= 0) return;
      flexFrom = Math.min(flexFrom, t);
      flexTo = Math.max(flexTo, t + 1);
    });
    return {
      index,
      id: household.id,
      baseKw: Float64Array.from(household.baseKw),
      pvKw: household.pvKw ? Float64Array.from(household.pvKw) : new Float64Array(slots),
      hasPv: household.pvKw?.some((kw) => kw > 0) ?? false,
      importPrice: household.importPrice ? Float64Array.from(household.importPrice) : villageImport,
      exportPrice: household.exportPrice ? Float64Array.from(household.exportPrice) : villageExport,
      loadIds: household.loads.map((load) => load.id),
      flex,
      blocks,
      battery,
      flexFrom: Math.min(flexFrom, flexTo),
      flexTo,
    };
  });
  if (issues.length > 0) {
    throw new DomainError('INFEASIBLE', `${issues.length} load(s) cannot fit their windows`, issues);
  }
  const importLimitKw = new Float64Array(slots).fill(scenario.transformerKw);
  const least = leastNetKw(households, slots);
  for (let t = 0; t < slots; t++) importLimitKw[t] = Math.max(scenario.transformerKw, (least[t] ?? 0) + 1e-6);
  return { slots, hours, transformerKw: scenario.transformerKw, importLimitKw, households };
}

/**
 * The village's least possible net power per slot: base load less all solar and full battery
 * discharge, plus the part of each load no schedule can move out of the slot.
 */
function leastNetKw(households: readonly CompiledHousehold[], slots: number): Float64Array {
  const least = new Float64Array(slots);
  for (const household of households) {
    const discharge = household.battery?.maxDischargeKw ?? 0;
    for (let t = 0; t < slots; t++)
      least[t] = (least[t] ?? 0) + (household.baseKw[t] ?? 0) - (household.pvKw[t] ?? 0) - discharge;
    for (const load of household.flex) {
      const forced = load.energySlots - load.kw * (load.latest - load.earliest - 1);
      if (forced > 0) for (let t = load.earliest; t < load.latest; t++) least[t] = (least[t] ?? 0) + forced;
    }
    for (const block of household.blocks) {
      for (let t = block.latest - block.duration; t < block.earliest + block.duration; t++)
        least[t] = (least[t] ?? 0) + block.kw;
    }
  }
  return least;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
