import { describe, expect, it } from 'vitest';
import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { computeNeighbourhood } from '../../../../packages/solver/src/routing/search/neighbourhood.ts';
import { randomProblem } from './random-problem.ts';

/** The definition, computed the slow way for every pair. */
function proximity(problem: ProblemData, i: number, j: number): number {
  const n = problem.numLocations;
  let cDist = Number.POSITIVE_INFINITY;
  let cDur = Number.POSITIVE_INFINITY;
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    cDist = Math.min(cDist, problem.unitDistanceCost[t]!);
    cDur = Math.min(cDur, problem.unitDurationCost[t]!);
  }
  const oneWay = (a: number, b: number) =>
    cDist * problem.distance[a * n + b]! +
    cDur * problem.duration[a * n + b]! +
    0.2 *
      Math.max(
        0,
        problem.twEarly[b]! - problem.duration[a * n + b]! - problem.serviceDuration[a]! - problem.twLate[a]!,
      ) +
    1 *
      Math.max(
        0,
        problem.twEarly[a]! + problem.serviceDuration[a]! + problem.duration[a * n + b]! - problem.twLate[b]!,
      );
  return Math.min(oneWay(i, j), oneWay(j, i));
}

describe('granular neighbourhood', () => {
  it.each([
    ['plain', { clients: 60, dims: 1 }],
    [
      'time windows and types',
      { clients: 60, timeWindows: true, durationCosts: true, restrictedTypes: true, vehicleTypes: 3 },
    ],
  ])('lists the g most related clients, closest first (%s)', (_name, spec) => {
    const problem = randomProblem(3, spec);
    const g = 10;
    const hood = computeNeighbourhood(problem, { granularity: g });
    for (let i = problem.numDepots; i < problem.numLocations; i++) {
      const expected: { j: number; p: number }[] = [];
      for (let j = problem.numDepots; j < problem.numLocations; j++) {
        if (j === i || (problem.allowedTypesMask[i]! & problem.allowedTypesMask[j]!) === 0) continue;
        expected.push({ j, p: proximity(problem, i, j) });
      }
      expected.sort((a, b) => a.p - b.p || a.j - b.j);
      const got = Array.from(hood.neighbours.subarray(hood.offsets[i]!, hood.offsets[i + 1]!));
      expect(got).toEqual(expected.slice(0, g).map((e) => e.j));
    }
    for (let d = 0; d < problem.numDepots; d++) expect(hood.offsets[d + 1]! - hood.offsets[d]!).toBe(0);
  });

  it('symmetric lists contain every reverse relation', () => {
    const problem = randomProblem(4, { clients: 50 });
    const plain = computeNeighbourhood(problem, { granularity: 5 });
    const sym = computeNeighbourhood(problem, { granularity: 5, symmetric: true });
    const list = (h: typeof sym, i: number) =>
      Array.from(h.neighbours.subarray(h.offsets[i]!, h.offsets[i + 1]!));
    for (let i = problem.numDepots; i < problem.numLocations; i++) {
      expect(list(sym, i).slice(0, 5)).toEqual(list(plain, i));
      for (const j of list(plain, i)) expect(list(sym, j)).toContain(i);
    }
  });

  it('caps the granularity at the number of other clients', () => {
    const problem = randomProblem(5, { clients: 4 });
    const hood = computeNeighbourhood(problem, { granularity: 40 });
    for (let i = problem.numDepots; i < problem.numLocations; i++) {
      expect(hood.offsets[i + 1]! - hood.offsets[i]!).toBe(3);
    }
  });
});
