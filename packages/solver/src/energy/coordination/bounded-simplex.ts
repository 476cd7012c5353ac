/**
 * A small primal simplex for `min c·x  s.t.  A x = b,  0 ≤ x ≤ u` that can stop at any pivot and still
 * hand back a feasible point: it starts from a feasible basis the caller supplies (one unit column
 * per row, e.g. slacks or overload columns), so it never needs a phase 1, and every pivot keeps the
 * point feasible and the cost non-increasing. Dense tableau, but a pivot only touches the rows with
 * a non-zero in the entering column and the columns with a non-zero in the leaving row, which keeps
 * block-structured masters (a convexity row per household plus a few shared rows) cheap.
 *
 * Pricing is Dantzig's (largest reduced cost per unit) with ties to the lowest index; after a run of
 * degenerate pivots it switches to Bland's rule until the point moves again, so it cannot cycle.
 * Everything is deterministic: the same input gives the same pivots.
 */

export interface BoundedLp {
  rows: number;
  columns: number;
  /** A, `rows × columns`, row-major. Consumed: the solver pivots it in place. */
  matrix: Float64Array;
  /** b. */
  rhs: Float64Array;
  cost: Float64Array;
  /** Upper bound per column (lower bounds are 0); `Infinity` for none. */
  upper: Float64Array;
  /** Starting basis: for row i the column that is the unit vector e_i in `matrix`. */
  basis: Int32Array;
  /** Non-basic columns that start at their upper bound (1), the rest start at 0. */
  atUpper: Uint8Array;
}

export interface BoundedLpResult {
  /** Value of every column at the point reached. */
  x: Float64Array;
  /** optimal: no improving column is left; stopped: `shouldStop` said so; unbounded: a ray was found. */
  status: 'optimal' | 'stopped' | 'unbounded';
  pivots: number;
}

export interface BoundedLpOptions {
  /** Polled before every iteration (not once optimal); true ends the run at the current (feasible) point. */
  shouldStop?: () => boolean;
  /** Most iterations (pivots and bound flips) to take; default unlimited. */
  maxIterations?: number;
}

const PIVOT_TOLERANCE = 1e-9;
const DROP = 1e-13;
/** Degenerate pivots in a row before Bland's rule takes over. */
const DEGENERATE_RUN = 30;

export function solveBoundedLp(lp: BoundedLp, options: BoundedLpOptions = {}): BoundedLpResult {
  const { rows: m, columns: n, matrix: tableau, cost, upper, basis, atUpper } = lp;
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const basicRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < m; i++) basicRow[basis[i] ?? 0] = i;
  // Values of the basic columns: x_B = b − Σ_{j at upper} u_j A_j (the basis is the identity).
  const value = Float64Array.from(lp.rhs);
  for (let j = 0; j < n; j++) {
    if (basicRow[j] !== -1 || atUpper[j] !== 1) continue;
    const u = upper[j] ?? 0;
    for (let i = 0; i < m; i++) value[i] = (value[i] ?? 0) - u * (tableau[i * n + j] ?? 0);
  }
  // Reduced costs d_j = c_j − c_B · A_j.
  const reduced = Float64Array.from(cost);
  for (let i = 0; i < m; i++) {
    const cb = cost[basis[i] ?? 0] ?? 0;
    if (cb === 0) continue;
    const row = i * n;
    for (let j = 0; j < n; j++) reduced[j] = (reduced[j] ?? 0) - cb * (tableau[row + j] ?? 0);
  }
  let scale = 1;
  for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(cost[j] ?? 0));
  const costTolerance = 1e-9 * scale;

  const rowNonZero = new Int32Array(n);
  let degenerateRun = 0;
  let pivots = 0;
  let iterations = 0;
  let status: BoundedLpResult['status'] = 'optimal';
  for (;;) {
    const bland = degenerateRun >= DEGENERATE_RUN;
    // Pricing: a column at 0 with d < 0 increases; one at its upper bound with d > 0 decreases.
    let entering = -1;
    let best = 0;
    for (let j = 0; j < n; j++) {
      if (basicRow[j] !== -1) continue;
      const d = reduced[j] ?? 0;
      const gain = atUpper[j] === 1 ? d : -d;
      if (gain <= costTolerance) continue;
      if (bland) {
        entering = j;
        break;
      }
      if (gain > best) {
        best = gain;
        entering = j;
      }
    }
    if (entering < 0) break;
    if (iterations >= maxIterations || options.shouldStop?.()) {
      status = 'stopped';
      break;
    }
    iterations++;
    const direction = atUpper[entering] === 1 ? -1 : 1;
    // Ratio test: the entering column moves by θ·direction, basic i by −θ·direction·α_i. Ties go
    // to the largest pivot (stability), or under Bland's rule to the lowest column (no cycling).
    let step = upper[entering] ?? Number.POSITIVE_INFINITY;
    let leaving = -1;
    let leavingPivot = 0;
    for (let i = 0; i < m; i++) {
      const alpha = direction * (tableau[i * n + entering] ?? 0);
      let ratio: number;
      if (alpha > PIVOT_TOLERANCE) {
        ratio = Math.max(0, value[i] ?? 0) / alpha;
      } else if (alpha < -PIVOT_TOLERANCE) {
        const u = upper[basis[i] ?? 0] ?? Number.POSITIVE_INFINITY;
        if (u === Number.POSITIVE_INFINITY) continue;
        ratio = Math.max(0, u - (value[i] ?? 0)) / -alpha;
      } else {
        continue;
      }
      const pivotSize = Math.abs(alpha);
      const better =
        ratio < step - 1e-12 ||
        (ratio <= step + 1e-12 &&
          leaving >= 0 &&
          (bland ? (basis[i] ?? 0) < (basis[leaving] ?? 0) : pivotSize > leavingPivot));
      if (better) {
        step = ratio;
        leaving = i;
        leavingPivot = pivotSize;
      }
    }
    if (step === Number.POSITIVE_INFINITY) {
      status = 'unbounded';
      break;
    }
    degenerateRun = step <= 1e-12 ? degenerateRun + 1 : 0;
    // Move: every basic value shifts along the entering column.
    if (step > 0) {
      for (let i = 0; i < m; i++) {
        const a = tableau[i * n + entering] ?? 0;
        if (a !== 0) value[i] = (value[i] ?? 0) - step * direction * a;
      }
    }
    if (leaving < 0) {
      // Bound flip: the entering column crosses to its other bound, the basis stays.
      atUpper[entering] = direction === 1 ? 1 : 0;
      continue;
    }
    const out = basis[leaving] ?? 0;
    const outAlpha = direction * (tableau[leaving * n + entering] ?? 0);
    atUpper[out] = outAlpha < 0 ? 1 : 0;
    const enteringValue = (direction === 1 ? 0 : (upper[entering] ?? 0)) + direction * step;
    pivot(tableau, m, n, leaving, entering, reduced, rowNonZero);
    value[leaving] = enteringValue;
    basicRow[out] = -1;
    basicRow[entering] = leaving;
    basis[leaving] = entering;
    atUpper[entering] = 0;
    pivots++;
  }

  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[j] = atUpper[j] === 1 ? (upper[j] ?? 0) : 0;
  for (let i = 0; i < m; i++) {
    const j = basis[i] ?? 0;
    x[j] = Math.min(upper[j] ?? Number.POSITIVE_INFINITY, Math.max(0, value[i] ?? 0));
  }
  return { x, status, pivots };
}

function pivot(
  tableau: Float64Array,
  m: number,
  n: number,
  r: number,
  q: number,
  reduced: Float64Array,
  nonZero: Int32Array,
): void {
  const rowR = r * n;
  const inverse = 1 / (tableau[rowR + q] ?? 1);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const v = tableau[rowR + j] ?? 0;
    if (v === 0) continue;
    const scaled = v * inverse;
    if (Math.abs(scaled) < DROP) {
      tableau[rowR + j] = 0;
      continue;
    }
    tableau[rowR + j] = scaled;
    nonZero[count++] = j;
  }
  tableau[rowR + q] = 1;
  for (let i = 0; i < m; i++) {
    if (i === r) continue;
    const row = i * n;
    const f = tableau[row + q] ?? 0;
    if (f === 0) continue;
    for (let k = 0; k < count; k++) {
      const j = nonZero[k] ?? 0;
      const v = (tableau[row + j] ?? 0) - f * (tableau[rowR + j] ?? 0);
      tableau[row + j] = Math.abs(v) < DROP ? 0 : v;
    }
    tableau[row + q] = 0;
  }
  const f = reduced[q] ?? 0;
  if (f !== 0) {
    for (let k = 0; k < count; k++) {
      const j = nonZero[k] ?? 0;
      reduced[j] = (reduced[j] ?? 0) - f * (tableau[rowR + j] ?? 0);
    }
  }
  reduced[q] = 0;
}
