import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../packages/domain/src/random.ts';
import { randomPlan } from '../../../../packages/solver/src/routing/construction/random-plan.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { DeadlinePoll } from '../../../../packages/solver/src/routing/search/deadline-poll.ts';
import { evaluatePlan } from '../../../../packages/solver/src/routing/search/evaluate-plan.ts';
import { createLocalSearch } from '../../../../packages/solver/src/routing/search/local-search.ts';
import { AbortSignalCriterion } from '../../../../packages/solver/src/routing/stop/abort-signal.ts';
import { anyOf } from '../../../../packages/solver/src/routing/stop/any-of.ts';
import {
  type Deadline,
  deadlineOf,
  NO_DEADLINE,
} from '../../../../packages/solver/src/routing/stop/deadline.ts';
import { IterationLimit } from '../../../../packages/solver/src/routing/stop/iteration-limit.ts';
import { NoImprovementLimit } from '../../../../packages/solver/src/routing/stop/no-improvement.ts';
import { TimeLimit } from '../../../../packages/solver/src/routing/stop/time-limit.ts';
import { buildProblem } from '../../../../packages/solver/src/routing/village/build-problem.ts';
import { parseCollectionRequest } from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { generateVillageInstance } from '../../../../packages/solver/src/routing/village/village-instance.ts';

/** A deadline that counts how often it is asked and passes at the `passAt`-th look. */
function countingDeadline(passAt = Number.POSITIVE_INFINITY): Deadline & { looks: number } {
  return {
    looks: 0,
    expired() {
      this.looks++;
      return this.looks >= passAt;
    },
  };
}

// 500 bins, time windows, two load dimensions, disposal trips: a descent from a random plan is long.
const village = createProblem(
  buildProblem(
    parseCollectionRequest(
      generateVillageInstance(generateDemoVillage({ seed: 1, vehicles: 4 }), { seed: 1 }),
    ),
  ).input,
);
const PENALTIES = { load: 100, timeWarp: 1000 };

describe('DeadlinePoll', () => {
  it('looks at the deadline once per interval of work and stays expired', () => {
    const deadline = countingDeadline(3);
    const poll = new DeadlinePoll(10);
    poll.start(deadline);
    expect(poll.spend(9)).toBe(false);
    expect(deadline.looks).toBe(0);
    expect(poll.spend(1)).toBe(false);
    expect(poll.spend(25)).toBe(false); // one look however much work was spent at once
    expect(deadline.looks).toBe(2);
    expect(poll.spend(10)).toBe(true);
    expect(poll.spend(1000)).toBe(true);
    expect(deadline.looks).toBe(3);
    poll.start();
    expect(poll.expired).toBe(false);
    expect(poll.spend(1_000_000)).toBe(false);
  });
});

describe('deadlineOf', () => {
  it('takes only wall-clock and cancellation criteria as deadlines', () => {
    let t = 0;
    const controller = new AbortController();
    const time = new TimeLimit(100, () => t);
    expect(deadlineOf(new IterationLimit(5))).toBe(NO_DEADLINE);
    expect(deadlineOf(new NoImprovementLimit(5))).toBe(NO_DEADLINE);
    const combined = deadlineOf(
      anyOf(new IterationLimit(0), time, new AbortSignalCriterion(controller.signal)),
    );
    // An exhausted iteration budget ends the search between iterations, never inside one.
    expect(combined.expired()).toBe(false);
    t = 100;
    expect(combined.expired()).toBe(true);
    t = 0;
    controller.abort();
    expect(combined.expired()).toBe(true);
    expect(new TimeLimit(Number.POSITIVE_INFINITY, () => 1e12).expired()).toBe(false);
  });
});

describe('local search under a deadline', () => {
  const start = randomPlan(village, createRng(1));

  it('polls the deadline and, while it does not pass, does exactly what it does without one', () => {
    const ls = createLocalSearch(village, { granularity: 20 });
    const free = ls.improve(start, PENALTIES, createRng(7));
    const deadline = countingDeadline();
    const polled = ls.improve(start, PENALTIES, createRng(7), deadline);
    expect(polled).toEqual(free);
    expect(deadline.looks).toBeGreaterThan(10);
  });

  it('returns the plan as it stands at the first look past the deadline', () => {
    const ls = createLocalSearch(village, { granularity: 20 });
    const full = evaluatePlan(village, ls.improve(start, PENALTIES, createRng(7)), PENALTIES);
    const deadline = countingDeadline(1);
    const cut = ls.improve(start, PENALTIES, createRng(7), deadline);
    expect(deadline.looks).toBe(1);
    const evaluation = evaluatePlan(village, cut, PENALTIES);
    // A valid plan (every required client once), only less improved.
    expect(evaluation.missingRequired).toBe(0);
    const visits = cut.routes.flatMap((r) => r.visits.filter((l) => l >= village.numDepots));
    expect(new Set(visits).size).toBe(visits.length);
    expect(evaluation.penalisedCost).toBeGreaterThan(full.penalisedCost);
    expect(evaluation.penalisedCost).toBeLessThan(evaluatePlan(village, start, PENALTIES).penalisedCost);
  });
});
