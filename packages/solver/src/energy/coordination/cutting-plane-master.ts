import solver, { type Model } from 'javascript-lp-solver';

/** A linear upper model of the concave dual: φ(z) ≤ constant + Σ_j slope_j · z_j. */
export interface Cut {
  constant: number;
  /** One entry per dual dimension, in the order of the master's dimensions. */
  slopes: number[];
}

export interface MasterResult {
  /** Maximiser of the cut model inside the box. */
  point: number[];
}

/**
 * Maximises the cutting-plane model of the Lagrangian dual over a box (the trust region that
 * stabilises Kelley's method). Tiny: one column per watched slot and direction plus θ, one row per
 * cut — javascript-lp-solver's dense tableau is comfortable here. The box is mapped to [0, 1]^n and
 * every row scaled to unit size first: raw VND figures (10⁷) beside kW slopes made its simplex cycle.
 */
export function solveCuttingPlaneMaster(
  cuts: readonly Cut[],
  lower: readonly number[],
  upper: readonly number[],
  reference: number,
): MasterResult | null {
  const dims = lower.length;
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = { theta: { value: 1 } };
  const columns: Record<string, number>[] = [];
  for (let j = 0; j < dims; j++) {
    constraints[`z${j}`] = { max: 1 };
    columns.push({ value: 0, [`z${j}`]: 1 });
  }
  // Scale of the rows: the largest term any cut can contribute across the box.
  let scale = 1;
  for (const cut of cuts) {
    scale = Math.max(scale, Math.abs(cut.constant - reference));
    for (let j = 0; j < dims; j++)
      scale = Math.max(scale, Math.abs((cut.slopes[j] ?? 0) * ((upper[j] ?? 0) - (lower[j] ?? 0))));
  }
  cuts.forEach((cut, k) => {
    // θ ≤ C + Σ s_j (l_j + w_j u_j), u ∈ [0,1]  ⇔  θ/S − Σ (s_j w_j / S) u_j ≤ (C − ref + Σ s_j l_j) / S
    let rhs = cut.constant - reference;
    for (let j = 0; j < dims; j++) rhs += (cut.slopes[j] ?? 0) * (lower[j] ?? 0);
    constraints[`k${k}`] = { max: rhs / scale };
    (variables.theta as Record<string, number>)[`k${k}`] = 1;
    for (let j = 0; j < dims; j++) {
      const coefficient = ((cut.slopes[j] ?? 0) * ((upper[j] ?? 0) - (lower[j] ?? 0))) / scale;
      if (coefficient !== 0) (columns[j] as Record<string, number>)[`k${k}`] = -coefficient;
    }
  });
  columns.forEach((column, j) => {
    variables[`x${j}`] = column;
  });
  const model: Model = {
    optimize: 'value',
    opType: 'max',
    constraints,
    variables,
    unrestricted: { theta: 1 },
  };
  const result = solver.Solve(model) as unknown as Record<string, number | boolean | undefined>;
  if (result.feasible !== true || result.bounded === false) return null;
  const point: number[] = [];
  for (let j = 0; j < dims; j++) {
    const v = result[`x${j}`];
    const u = Math.min(1, Math.max(0, typeof v === 'number' ? v : 0));
    point.push((lower[j] ?? 0) + u * ((upper[j] ?? 0) - (lower[j] ?? 0)));
  }
  return { point };
}
