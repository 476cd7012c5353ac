import { createRng } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { describeRoute } from '../../../../packages/solver/src/routing/check/describe-route.ts';
import type { ProblemData } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { lineProblem } from './line-problem.ts';

const TIME_KINDS = new Set(['lateArrival', 'lateDeparture', 'shiftEnd', 'maxDuration']);

/** The naive definition: leave at `departure`, wait at windows; on time everywhere? how long? */
function naive(problem: ProblemData, visits: number[], departure: number) {
  const n = problem.numLocations;
  let time = departure;
  let prev = problem.startDepot[0]!;
  let onTime = departure <= problem.twLate[prev]!;
  for (const l of visits) {
    time += problem.duration[prev * n + l]!;
    if (time > problem.twLate[l]!) onTime = false;
    time = Math.max(time, problem.twEarly[l]!) + problem.serviceDuration[l]!;
    prev = l;
  }
  const end = problem.endDepot[0]!;
  time += problem.duration[prev * n + end]!;
  if (time > problem.twLate[end]!) onTime = false;
  time = Math.max(time, problem.twEarly[end]!);
  const duration = time - departure;
  if (time > problem.shiftLate[0]! || duration > problem.maxDuration[0]!) onTime = false;
  return { onTime, duration };
}

describe('departure time', () => {
  it('gives the minimal duration over all feasible departures (brute force on random routes)', () => {
    const rng = createRng(7);
    let feasibleCases = 0;
    for (let trial = 0; trial < 300; trial++) {
      const clients = Array.from({ length: 1 + rng.int(5) }, () => {
        const open = rng.int(150);
        return {
          x: rng.int(40),
          demand: [1],
          serviceDuration: rng.int(6),
          twEarly: open,
          twLate: open + rng.int(60),
        };
      });
      const problem = createProblem(
        lineProblem({
          depots: [{ x: rng.int(40), twEarly: rng.int(20), twLate: 150 + rng.int(100) }],
          clients,
          vehicleTypes: [
            { twEarly: rng.int(40), twLate: 200 + rng.int(100), maxDuration: 60 + rng.int(200) },
          ],
        }),
      );
      const visits = clients.map((_, j) => j + 1).sort(() => rng.next() - 0.5);
      let best = Number.POSITIVE_INFINITY;
      for (let departure = 0; departure <= 300; departure++) {
        const earliest = Math.max(problem.shiftEarly[0]!, problem.twEarly[0]!);
        if (departure < earliest) continue;
        const run = naive(problem, visits, departure);
        if (run.onTime) best = Math.min(best, run.duration);
      }
      const { result, violations } = describeRoute(problem, { vehicleType: 0, visits });
      const timeViolations = violations.filter((v) => TIME_KINDS.has(v.kind));
      if (Number.isFinite(best)) {
        feasibleCases++;
        expect(timeViolations).toEqual([]);
        expect(result.duration).toBe(best);
        expect(naive(problem, visits, result.startTime)).toEqual({ onTime: true, duration: best });
      } else {
        expect(timeViolations.length).toBeGreaterThan(0);
      }
    }
    // The generator must exercise both outcomes for the test to mean anything.
    expect(feasibleCases).toBeGreaterThan(30);
    expect(feasibleCases).toBeLessThan(290);
  });
});
