import { describe, expect, it } from 'vitest';
import { AbortSignalCriterion } from '../../../../packages/solver/src/routing/stop/abort-signal.ts';
import { anyOf } from '../../../../packages/solver/src/routing/stop/any-of.ts';
import { fractionUsed } from '../../../../packages/solver/src/routing/stop/budget.ts';
import { IterationLimit } from '../../../../packages/solver/src/routing/stop/iteration-limit.ts';
import { NoImprovementLimit } from '../../../../packages/solver/src/routing/stop/no-improvement.ts';
import { TimeLimit } from '../../../../packages/solver/src/routing/stop/time-limit.ts';

describe('stopping criteria', () => {
  it('TimeLimit reads the injected clock', () => {
    let t = 1000;
    const limit = new TimeLimit(50, () => t);
    expect(limit.shouldStop()).toBe(false);
    t = 1025;
    expect(limit.fractionUsed()).toBeCloseTo(0.5);
    t = 1050;
    expect(limit.shouldStop()).toBe(true);
    expect(new TimeLimit(Number.POSITIVE_INFINITY, () => 0).fractionUsed()).toBe(0);
  });

  it('IterationLimit stops at the limit', () => {
    const limit = new IterationLimit(3);
    expect([0, 1, 2, 3].map((i) => limit.shouldStop(i))).toEqual([false, false, false, true]);
    expect(limit.fractionUsed()).toBe(1);
  });

  it('NoImprovementLimit counts iterations since the best cost last improved', () => {
    const limit = new NoImprovementLimit(2);
    expect(limit.shouldStop(0, Number.POSITIVE_INFINITY)).toBe(false);
    expect(limit.shouldStop(1, 100)).toBe(false);
    expect(limit.shouldStop(2, 100)).toBe(false);
    expect(limit.shouldStop(3, 100)).toBe(true);
    expect(limit.shouldStop(4, 90)).toBe(false);
    expect(limit.shouldStop(6, 90)).toBe(true);
  });

  it('NoImprovementLimit also ends a search that never finds a feasible plan', () => {
    const limit = new NoImprovementLimit(5);
    expect(limit.shouldStop(0, Number.POSITIVE_INFINITY)).toBe(false);
    expect(limit.shouldStop(5, Number.POSITIVE_INFINITY)).toBe(true);
  });

  it('AbortSignalCriterion follows the signal', () => {
    const controller = new AbortController();
    const criterion = new AbortSignalCriterion(controller.signal);
    expect(criterion.shouldStop()).toBe(false);
    controller.abort();
    expect(criterion.shouldStop()).toBe(true);
  });

  it('anyOf stops when one part does, asks every part, and reports the most used budget', () => {
    let t = 0;
    const time = new TimeLimit(100, () => t);
    const patience = new NoImprovementLimit(10);
    const criterion = anyOf(time, new IterationLimit(1000), patience);
    expect(criterion.shouldStop(0, 5)).toBe(false);
    t = 30;
    expect(criterion.shouldStop(100, 5)).toBe(true); // patience ran out (it saw iteration 0)
    expect(fractionUsed(criterion)).toBeCloseTo(0.3);
    expect(anyOf().shouldStop(0, 0)).toBe(false);
  });
});
