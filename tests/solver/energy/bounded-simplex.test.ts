import { createRng } from '@village/domain';
import solver, { type Model } from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import {
  type BoundedLp,
  solveBoundedLp,
} from '../../../packages/solver/src/energy/coordination/bounded-simplex.ts';

/**
 * The interruptible simplex behind both coordination masters. Run to the end it must land on the
 * LP optimum (checked against javascript-lp-solver on random LPs whose slack basis is feasible, so
 * the reference needs no phase 1); stopped after any number of steps it must hand back a feasible
 * point no worse than the one before — that is what makes a deadline inside it safe.
 */

interface RandomLp {
  /** A x ≤ b (b ≥ 0), 0 ≤ x ≤ u, min c·x. */
  a: number[][];
  b: number[];
  c: number[];
  u: number[];
}

function randomLp(seed: number): RandomLp {
  const rng = createRng(seed);
  const rows = 2 + rng.int(8);
  const columns = 2 + rng.int(12);
  // Sparse-ish, both signs, some zero right-hand sides (degenerate vertices).
  const a = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => (rng.next() < 0.35 ? 0 : Math.round(rng.range(-4, 9)))),
  );
  const b = Array.from({ length: rows }, () => (rng.next() < 0.25 ? 0 : Math.round(rng.range(1, 30))));
  const c = Array.from({ length: columns }, () => Math.round(rng.range(-10, 4)));
  const u = Array.from({ length: columns }, () =>
    rng.next() < 0.3 ? Number.POSITIVE_INFINITY : Math.round(rng.range(1, 6)),
  );
  // Keep it bounded: one row caps the sum of every column.
  a.push(new Array<number>(columns).fill(1));
  b.push(40);
  return { a, b, c, u };
}

/** In the solver's form: slacks appended as the starting basis. */
function toBounded({ a, b, c, u }: RandomLp): BoundedLp {
  const m = a.length;
  const columns = c.length;
  const n = columns + m;
  const matrix = new Float64Array(m * n);
  a.forEach((row, i) => {
    row.forEach((v, j) => {
      matrix[i * n + j] = v;
    });
    matrix[i * n + columns + i] = 1;
  });
  const upper = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  u.forEach((v, j) => {
    upper[j] = v;
  });
  const cost = new Float64Array(n);
  c.forEach((v, j) => {
    cost[j] = v;
  });
  return {
    rows: m,
    columns: n,
    matrix,
    rhs: Float64Array.from(b),
    cost,
    upper,
    basis: Int32Array.from({ length: m }, (_, i) => columns + i),
    atUpper: new Uint8Array(n),
  };
}

function reference({ a, b, c, u }: RandomLp): number {
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  b.forEach((v, i) => {
    constraints[`r${i}`] = { max: v };
  });
  c.forEach((cost, j) => {
    const column: Record<string, number> = { cost };
    a.forEach((row, i) => {
      if (row[j] !== 0) column[`r${i}`] = row[j] ?? 0;
    });
    if (Number.isFinite(u[j])) {
      constraints[`u${j}`] = { max: u[j] ?? 0 };
      column[`u${j}`] = 1;
    }
    variables[`x${j}`] = column;
  });
  const result = solver.Solve({ optimize: 'cost', opType: 'min', constraints, variables }) as unknown as {
    feasible: boolean;
    result: number;
  };
  expect(result.feasible).toBe(true);
  return result.result;
}

/** Cost of x, after checking it is feasible (A x ≤ b, 0 ≤ x ≤ u). */
function feasibleCost(lp: RandomLp, x: Float64Array): number {
  const columns = lp.c.length;
  lp.a.forEach((row, i) => {
    let lhs = 0;
    row.forEach((v, j) => {
      lhs += v * (x[j] ?? 0);
    });
    expect(lhs).toBeLessThanOrEqual((lp.b[i] ?? 0) + 1e-7);
  });
  let cost = 0;
  for (let j = 0; j < columns; j++) {
    expect(x[j]).toBeGreaterThanOrEqual(-1e-9);
    expect(x[j]).toBeLessThanOrEqual((lp.u[j] ?? 0) + 1e-9);
    cost += (lp.c[j] ?? 0) * (x[j] ?? 0);
  }
  return cost;
}

describe('bounded simplex', () => {
  it('reaches the optimum javascript-lp-solver finds on random bounded LPs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const lp = randomLp(seed);
      const result = solveBoundedLp(toBounded(lp));
      expect(result.status).toBe('optimal');
      const cost = feasibleCost(lp, result.x);
      expect(cost).toBeCloseTo(reference(lp), 6);
    }
  });

  it('stopped after any number of steps, returns a feasible point no worse than the step before', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const lp = randomLp(seed);
      const full = solveBoundedLp(toBounded(lp));
      let previous = 0; // the starting point: every column at 0
      for (let steps = 0; steps <= full.pivots + 5; steps++) {
        const stopped = solveBoundedLp(toBounded(lp), { maxIterations: steps });
        const cost = feasibleCost(lp, stopped.x);
        expect(cost).toBeLessThanOrEqual(previous + 1e-9);
        previous = cost;
      }
      expect(previous).toBeCloseTo(feasibleCost(lp, full.x), 9);
    }
  });

  it('stops when told to, at the point reached', () => {
    const lp = randomLp(7);
    let polls = 0;
    const result = solveBoundedLp(toBounded(lp), { shouldStop: () => ++polls > 2 });
    expect(result.status).toBe('stopped');
    expect(polls).toBe(3);
    feasibleCost(lp, result.x);
  });

  it("terminates on Beale's cycling example", () => {
    // min −3/4 x1 + 20 x2 − 1/2 x3 + 6 x4, the textbook LP on which Dantzig's rule cycles.
    const lp: RandomLp = {
      a: [
        [0.25, -8, -1, 9],
        [0.5, -12, -0.5, 3],
        [0, 0, 1, 0],
      ],
      b: [0, 0, 1],
      c: [-0.75, 20, -0.5, 6],
      u: new Array<number>(4).fill(Number.POSITIVE_INFINITY),
    };
    const result = solveBoundedLp(toBounded(lp));
    expect(result.status).toBe('optimal');
    expect(feasibleCost(lp, result.x)).toBeCloseTo(-1.25, 9);
  });
});
