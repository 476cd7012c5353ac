import type { HouseholdSchedulePlan, LoadScenario } from '@village/domain';
import type { Highs } from 'highs';
import { buildVillageModel, type VillageModel } from './loads-highs-model.ts';

/**
 * HiGHS (WebAssembly, single-threaded) on the exact village model — the reference optimum and time
 * the energy scheduler is judged against. Two entry points of the `highs` package can be measured:
 * the sparse model API (`createModel(modelData)`: typed arrays copied straight into the solver) and
 * the one-shot `solve(lpText)` that parses CPLEX LP text (here the text HiGHS itself writes for the
 * same model, so both solve the identical problem).
 */

export interface HighsRunOptions {
  /** Wall-clock limit for the solve, seconds. Default: none. */
  timeLimitS?: number;
  /** Relative MIP gap at which branch-and-bound stops. Default 0.01 (1 %), as the issue measured. */
  mipRelGap?: number;
  /** Which API of the package to use. Default 'sparse'. */
  api?: 'sparse' | 'lp-text';
}

export interface HighsRunResult {
  api: 'sparse' | 'lp-text';
  /** HiGHS's model status, e.g. "Optimal" or "Time limit reached". */
  status: string;
  /** Objective of the best solution found, VND (NaN when none). */
  objective: number;
  /** Proven lower bound, VND: the objective itself for an LP solved to optimality. */
  dualBound: number;
  /** HiGHS's relative MIP gap, %, 0 for an LP. */
  gapPercent: number;
  /** Time to build the model's arrays in JavaScript, ms. */
  buildMs: number;
  /** Time inside HiGHS: copying (or parsing) the model and solving it, ms. */
  solveMs: number;
  columns: number;
  rows: number;
  nonzeros: number;
  integers: number;
  /** The solution as a schedule per household (sparse API only, when HiGHS has a primal solution). */
  households?: HouseholdSchedulePlan[];
}

/** Loads the WebAssembly module once per process (~100 ms); not counted in solve times. */
export async function loadHighs(): Promise<Highs> {
  return (await import('highs')).default();
}

export function solveWithHighs(
  highs: Highs,
  scenario: LoadScenario,
  options: HighsRunOptions = {},
): HighsRunResult {
  const api = options.api ?? 'sparse';
  const buildStart = performance.now();
  const model = buildVillageModel(scenario);
  const buildMs = performance.now() - buildStart;
  const stats = {
    columns: model.numCols,
    rows: model.numRows,
    nonzeros: model.indices.length,
    integers: model.integerColumns.length,
  };
  const settings = {
    output_flag: false,
    mip_rel_gap: options.mipRelGap ?? 0.01,
    ...(options.timeLimitS !== undefined ? { time_limit: options.timeLimitS } : {}),
  };
  return api === 'sparse'
    ? { api, ...solveSparse(highs, model, settings), buildMs, ...stats }
    : { api, ...solveLpText(highs, model, settings), buildMs, ...stats };
}

type Settings = { output_flag: boolean; mip_rel_gap: number; time_limit?: number };
type SolveOutcome = Pick<
  HighsRunResult,
  'status' | 'objective' | 'dualBound' | 'gapPercent' | 'solveMs' | 'households'
>;

function modelData(highs: Highs, model: VillageModel) {
  const integrality = new Int32Array(model.numCols);
  for (const column of model.integerColumns) integrality[column] = highs.constants.variableType.integer;
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    offset: model.offset,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    // Without integrality HiGHS runs its LP solver, as it should for the pure LP case.
    ...(model.integerColumns.length > 0 ? { integrality } : {}),
  };
}

function statusName(highs: Highs, code: number): string {
  const entry = Object.entries(highs.constants.modelStatus).find(([, value]) => value === code);
  return entry?.[0] ?? `status ${code}`;
}

function solveSparse(highs: Highs, model: VillageModel, settings: Settings): SolveOutcome {
  const start = performance.now();
  return highs.withModel(modelData(highs, model), (solver) => {
    solver.options.set(settings);
    solver.run();
    const solveMs = performance.now() - start;
    const code = solver.getModelStatus();
    const hasSolution =
      Number(solver.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const objective = hasSolution ? solver.getObjectiveValue() : Number.NaN;
    const isMip = model.integerColumns.length > 0;
    const dualBound = isMip ? Number(solver.info.get('mip_dual_bound')) : objective;
    const gapPercent = isMip ? Number(solver.info.get('mip_gap')) * 100 : 0;
    const households = hasSolution ? readSchedules(model, solver.getSolution().colValue) : undefined;
    return { status: statusName(highs, code), objective, dualBound, gapPercent, solveMs, households };
  });
}

function solveLpText(highs: Highs, model: VillageModel, settings: Settings): SolveOutcome {
  const text = highs.withModel(modelData(highs, model), (solver) => solver.exportModel('lp'));
  const start = performance.now();
  const result = highs.solve(text, settings);
  const solveMs = performance.now() - start;
  // The one-shot API reports no bound or gap; it is here to time parsing against the sparse path.
  return {
    status: result.Status,
    objective: result.ObjectiveValue,
    dualBound: Number.NaN,
    gapPercent: Number.NaN,
    solveMs,
  };
}

/** Reads each household's schedule from a solution; block starts are read as the binary nearest 1. */
function readSchedules(model: VillageModel, x: Float64Array): HouseholdSchedulePlan[] {
  const slots = model.slots;
  const value = (column: number) => (column >= 0 ? (x[column] ?? 0) : 0);
  return model.households.map((household) => ({
    id: household.id,
    loads: household.loads.map((load) => {
      if (load.interruptible) return { id: load.id, kw: load.slotColumns.map(value) };
      let best = -1;
      let bestValue = -Infinity;
      for (const [start, column] of load.startColumns) {
        if (value(column) > bestValue) [best, bestValue] = [start, value(column)];
      }
      const kw = new Array<number>(slots).fill(0);
      kw.fill(load.kw, best, best + load.durationSlots);
      return { id: load.id, kw };
    }),
    ...(household.battery
      ? {
          battery: {
            chargeKw: household.battery.charge.map(value),
            dischargeKw: household.battery.discharge.map(value),
          },
        }
      : {}),
    pvUsedKw: household.pvUsed.map(value),
  }));
}
