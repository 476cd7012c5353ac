import { solveBoundedLp } from './bounded-simplex.ts';

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

export interface CuttingPlaneOptions {
  /** Polled before every pivot: true abandons the master (null is returned). */
  shouldStop?: () => boolean;
}

/**
 * Maximises the cutting-plane model of the Lagrangian dual over a box around the stability centre
 * (the trust region that stabilises Kelley's method). Tiny: two columns per watched slot and
 * direction (a step up and a step down from the centre, each scaled to [0, 1]) plus θ, one row per
 * cut, every row scaled to unit size (raw VND figures, 10⁷, beside kW slopes). The simplex
 * (bounded-simplex.ts) starts at the centre and θ is shifted by the least value any cut takes over
 * the box, so the slack basis is feasible and there is no phase 1 — javascript-lp-solver, used here
 * before, could spin in its phase 1 for ever on such a model (a 60-household village on
 * time-of-use tariffs at 90 % of its limit never returned). Where the model is flat the point stays
 * at the centre. Null if it is stopped or finds no point.
 */
export function solveCuttingPlaneMaster(
  cuts: readonly Cut[],
  center: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  reference: number,
  options: CuttingPlaneOptions = {},
): MasterResult | null {
  const dims = center.length;
  const up = (j: number) => Math.max(0, (upper[j] ?? 0) - (center[j] ?? 0));
  const down = (j: number) => Math.max(0, (center[j] ?? 0) - (lower[j] ?? 0));
  // Scale of the rows: the largest term any cut can contribute across the box.
  let scale = 1;
  for (const cut of cuts) {
    scale = Math.max(scale, Math.abs(cut.constant - reference));
    for (let j = 0; j < dims; j++)
      scale = Math.max(scale, Math.abs((cut.slopes[j] ?? 0) * Math.max(up(j), down(j))));
  }
  // θ ≤ C + Σ s_j (c_j + U_j p_j − D_j q_j), p, q ∈ [0,1]  ⇔  θ/S − Σ (s_j U_j p_j − s_j D_j q_j)/S ≤ b
  // with b = (C − ref + Σ s_j c_j) / S. With θ/S = floor + θ', floor = the least any cut's right side
  // takes over the box:  θ' − Σ a·(p, q) + slack = b − floor ≥ 0.
  const m = cuts.length;
  const thetaAt = 2 * dims;
  const slackAt = thetaAt + 1;
  const n = slackAt + m;
  const matrix = new Float64Array(m * n);
  const rhs = new Float64Array(m);
  let floor = Number.POSITIVE_INFINITY;
  cuts.forEach((cut, k) => {
    let b = cut.constant - reference;
    for (let j = 0; j < dims; j++) b += (cut.slopes[j] ?? 0) * (center[j] ?? 0);
    b /= scale;
    let least = b;
    for (let j = 0; j < dims; j++) {
      const s = cut.slopes[j] ?? 0;
      if (s === 0) continue;
      const stepUp = (s * up(j)) / scale;
      const stepDown = (-s * down(j)) / scale;
      matrix[k * n + 2 * j] = -stepUp;
      matrix[k * n + 2 * j + 1] = -stepDown;
      least += Math.min(0, stepUp) + Math.min(0, stepDown);
    }
    rhs[k] = b;
    floor = Math.min(floor, least);
  });
  if (m === 0 || !Number.isFinite(floor)) return null;
  const cost = new Float64Array(n);
  const bounds = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < 2 * dims; j++) bounds[j] = 1;
  cost[thetaAt] = -1;
  const basis = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    matrix[k * n + thetaAt] = 1;
    matrix[k * n + slackAt + k] = 1;
    rhs[k] = Math.max(0, (rhs[k] ?? 0) - floor);
    basis[k] = slackAt + k;
  }
  const result = solveBoundedLp(
    { rows: m, columns: n, matrix, rhs, cost, upper: bounds, basis, atUpper: new Uint8Array(n) },
    { ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}), maxIterations: 50 * (m + n) + 1000 },
  );
  if (result.status !== 'optimal') return null;
  const point: number[] = [];
  for (let j = 0; j < dims; j++) {
    const p = Math.min(1, Math.max(0, result.x[2 * j] ?? 0));
    const q = Math.min(1, Math.max(0, result.x[2 * j + 1] ?? 0));
    const z = (center[j] ?? 0) + p * up(j) - q * down(j);
    point.push(Math.min(upper[j] ?? 0, Math.max(lower[j] ?? 0, z)));
  }
  return { point };
}
