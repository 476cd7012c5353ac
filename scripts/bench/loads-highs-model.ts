import type { LoadScenario, ScenarioHousehold } from '@village/domain';

/**
 * The exact village LP/MILP of a load scenario as sparse column data for HiGHS (the reference the
 * energy scheduler is benchmarked against). Rows: one transformer row per slot (−limit ≤ Σ net ≤
 * limit), one energy row per interruptible load, one "starts once" row per block, and per household
 * that can export (solar or battery) a balance row per slot plus, with a battery, an SoC row per slot.
 *
 * One exact reduction keeps the model small: a household without solar or battery can never have a
 * negative net, so its import equals base + loads and needs no import/export columns or balance rows —
 * its loads enter the transformer rows and the objective directly, its base load becomes a constant
 * (objective offset, shifted row bounds). HiGHS's presolve would find the same; doing it here keeps
 * 2,000 households well inside memory.
 */

/** Column indices per household, to read a schedule back out of a solution. */
export interface HouseholdColumns {
  id: string;
  /** Interruptible: the load's column per slot (−1 outside the window). Block: start binaries by start slot. */
  loads: Array<
    | { id: string; interruptible: true; slotColumns: number[] }
    | {
        id: string;
        interruptible: false;
        kw: number;
        durationSlots: number;
        startColumns: Map<number, number>;
      }
  >;
  battery?: { charge: number[]; discharge: number[] };
  /** Solar used per slot (−1 where there is no sun or no panel). */
  pvUsed: number[];
}

export interface VillageModel {
  slots: number;
  numCols: number;
  numRows: number;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Indices of the integer (block start) columns; empty for the pure LP. */
  integerColumns: number[];
  households: HouseholdColumns[];
}

/** Growable CSC storage: columns are appended whole, rows may be added at any time. */
class SparseBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly integers: number[] = [];

  addRow(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  /** `entries` alternates row index and coefficient; a row must not repeat within a column. */
  addCol(cost: number, lower: number, upper: number, entries: number[], integer = false): number {
    const column = this.cost.length;
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    for (let k = 0; k < entries.length; k += 2) {
      this.indices.push(entries[k] ?? 0);
      this.values.push(entries[k + 1] ?? 0);
    }
    this.starts.push(this.indices.length);
    if (integer) this.integers.push(column);
    return column;
  }
}

export function buildVillageModel(scenario: LoadScenario): VillageModel {
  const { slots } = scenario;
  const h = scenario.slotMinutes / 60;
  const model = new SparseBuilder();
  // Transformer rows first, so row t is slot t; bounds are shifted by the constant loads below.
  const fixedKw = new Array<number>(slots).fill(0);
  for (let t = 0; t < slots; t++) model.addRow(-scenario.transformerKw, scenario.transformerKw);
  let offset = 0;
  const households = scenario.households.map((household) => {
    const importPrice = household.importPrice ?? scenario.importPrice;
    const exportPrice = household.exportPrice ?? scenario.exportPrice;
    const canExport = household.pvKw !== undefined || household.battery !== undefined;
    // Where a household's power goes: its balance row (coefficient as in net) or straight to the
    // transformer row with its import cost.
    const balance = canExport
      ? Array.from({ length: slots }, (_, t) =>
          model.addRow(household.baseKw[t] ?? 0, household.baseKw[t] ?? 0),
        )
      : undefined;
    if (balance) {
      for (let t = 0; t < slots; t++) {
        model.addCol((importPrice[t] ?? 0) * h, 0, Infinity, [balance[t] ?? 0, 1, t, 1]);
        model.addCol(-(exportPrice?.[t] ?? 0) * h, 0, Infinity, [balance[t] ?? 0, -1, t, -1]);
      }
    } else {
      for (let t = 0; t < slots; t++) {
        const base = household.baseKw[t] ?? 0;
        fixedKw[t] = (fixedKw[t] ?? 0) + base;
        offset += (importPrice[t] ?? 0) * h * base;
      }
    }
    /** Entries for `kw` of consumption in slot t, and its objective cost when it has no balance row. */
    const consume = (t: number, kw: number, entries: number[]): number => {
      if (balance) {
        entries.push(balance[t] ?? 0, -kw);
        return 0;
      }
      entries.push(t, kw);
      return (importPrice[t] ?? 0) * h * kw;
    };
    return addHouseholdColumns(model, household, slots, h, consume, balance);
  });
  for (let t = 0; t < slots; t++) {
    model.rowLower[t] = -scenario.transformerKw - (fixedKw[t] ?? 0);
    model.rowUpper[t] = scenario.transformerKw - (fixedKw[t] ?? 0);
  }
  return {
    slots,
    numCols: model.cost.length,
    numRows: model.rowLower.length,
    offset,
    colCost: Float64Array.from(model.cost),
    colLower: Float64Array.from(model.lower),
    colUpper: Float64Array.from(model.upper),
    rowLower: Float64Array.from(model.rowLower),
    rowUpper: Float64Array.from(model.rowUpper),
    starts: Int32Array.from(model.starts),
    indices: Int32Array.from(model.indices),
    values: Float64Array.from(model.values),
    integerColumns: model.integers,
    households,
  };
}

function addHouseholdColumns(
  model: SparseBuilder,
  household: ScenarioHousehold,
  slots: number,
  h: number,
  consume: (t: number, kw: number, entries: number[]) => number,
  balance: number[] | undefined,
): HouseholdColumns {
  const columns: HouseholdColumns = {
    id: household.id,
    loads: [],
    pvUsed: new Array<number>(slots).fill(-1),
  };
  for (const load of household.loads) {
    if (load.interruptible) {
      const energyRow = model.addRow(load.energyKwh, load.energyKwh);
      const slotColumns = new Array<number>(slots).fill(-1);
      for (let t = load.earliest; t < load.latest; t++) {
        const entries = [energyRow, h];
        const cost = consume(t, 1, entries);
        slotColumns[t] = model.addCol(cost, 0, load.kw, entries);
      }
      columns.loads.push({ id: load.id, interruptible: true, slotColumns });
    } else {
      const onceRow = model.addRow(1, 1);
      const startColumns = new Map<number, number>();
      for (let start = load.earliest; start + load.durationSlots <= load.latest; start++) {
        const entries = [onceRow, 1];
        let cost = 0;
        for (let t = start; t < start + load.durationSlots; t++) cost += consume(t, load.kw, entries);
        startColumns.set(start, model.addCol(cost, 0, 1, entries, true));
      }
      columns.loads.push({
        id: load.id,
        interruptible: false,
        kw: load.kw,
        durationSlots: load.durationSlots,
        startColumns,
      });
    }
  }
  if (!balance) return columns;
  for (let t = 0; t < slots; t++) {
    const pv = household.pvKw?.[t] ?? 0;
    if (pv > 0) columns.pvUsed[t] = model.addCol(0, 0, pv, [balance[t] ?? 0, 1]);
  }
  const battery = household.battery;
  if (battery) {
    // soc[t+1] − soc[t] − η·h·charge[t] + h/η·discharge[t] = 0 (soc[0] is the constant initial SoC);
    // η is the per-direction efficiency, the square root of the file's round-trip efficiency.
    const eta = Math.sqrt(battery.efficiency);
    const socRows = Array.from({ length: slots }, (_, t) =>
      t === 0 ? model.addRow(battery.initialSocKwh, battery.initialSocKwh) : model.addRow(0, 0),
    );
    const charge: number[] = [];
    const discharge: number[] = [];
    for (let t = 0; t < slots; t++) {
      const socRow = socRows[t] ?? 0;
      charge.push(model.addCol(0, 0, battery.maxChargeKw, [balance[t] ?? 0, -1, socRow, -eta * h]));
      discharge.push(model.addCol(0, 0, battery.maxDischargeKw, [balance[t] ?? 0, 1, socRow, h / eta]));
      const last = t === slots - 1;
      const lower = last ? Math.max(battery.minSocKwh, battery.initialSocKwh) : battery.minSocKwh;
      model.addCol(0, lower, battery.capacityKwh, last ? [socRow, 1] : [socRow, 1, socRows[t + 1] ?? 0, -1]);
    }
    columns.battery = { charge, discharge };
  }
  return columns;
}
