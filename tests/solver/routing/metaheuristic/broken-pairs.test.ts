import { createRng } from '@village/domain';
import { describe, expect, it } from 'vitest';
import {
  brokenPairsDistance,
  fillNeighbours,
} from '../../../../packages/solver/src/routing/metaheuristic/broken-pairs.ts';
import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { Plan } from '../../../../packages/solver/src/routing/search/plan.ts';
import { loadCvrplib, randomPlan } from './support.ts';

const problem = loadCvrplib('A-n32-k5');

function distance(p: ProblemData, a: Plan, b: Plan): number {
  const n = p.numLocations;
  const [ap, as, bp, bs] = [0, 1, 2, 3].map(() => new Int32Array(n)) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  fillNeighbours(p, a, ap, as);
  fillNeighbours(p, b, bp, bs);
  return brokenPairsDistance(p.numDepots, n, ap, as, bp, bs);
}

const route = (...visits: number[]) => ({ vehicleType: 0, visits });

describe('brokenPairsDistance', () => {
  it('is zero for identical plans and for reversed routes or reordered route lists', () => {
    const a: Plan = { routes: [route(1, 2, 3), route(4, 5)] };
    expect(distance(problem, a, a)).toBe(0);
    expect(distance(problem, a, { routes: [route(5, 4), route(3, 2, 1)] })).toBe(0);
  });

  it('counts the adjacencies that differ, symmetrically', () => {
    // Clients 1..31; plans differ only in how 1 and 2 are linked.
    const rest = Array.from({ length: 29 }, (_, i) => i + 3);
    const a: Plan = { routes: [route(1, 2), route(...rest)] };
    const b: Plan = { routes: [route(1), route(2), route(...rest)] };
    const d = distance(problem, a, b);
    expect(d).toBeCloseTo(distance(problem, b, a), 12);
    // A's edge 1–2 is broken in B, seen from 1 and from 2; B's depot neighbours of 1 and 2 are depot
    // neighbours in A too (neighbourhoods compare as sets).
    expect(d).toBeCloseTo(2 / (4 * 31), 12);
  });

  it('is one when no adjacency is shared and counts unvisited clients as different', () => {
    const a: Plan = { routes: [route(1, 2, 3)] };
    const none: Plan = { routes: [] };
    expect(distance(problem, a, none)).toBeGreaterThan(0);
    expect(distance(problem, none, none)).toBe(0);
  });

  it('is symmetric and within [0, 1] on random plans', () => {
    const rng = createRng(7);
    for (let i = 0; i < 50; i++) {
      const a = randomPlan(problem, rng);
      const b = randomPlan(problem, rng);
      const d = distance(problem, a, b);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(1);
      expect(d).toBeCloseTo(distance(problem, b, a), 12);
      expect(distance(problem, a, a)).toBe(0);
    }
  });
});
