import { generateLoadScenario } from '@village/simulation';
import { scheduleLoads } from '@village/solver';
import { describe, expect, it } from 'vitest';
import { loadHighs, solveWithHighs } from '../../../scripts/bench/loads-highs.ts';
import { expectFeasiblePlan } from '../../support/load-plan-check.ts';

/**
 * The exact reference: HiGHS solves the whole village as one LP/MILP. Our decomposition must land
 * on its optimum (LP: within 0.1 %; with whole-block loads: within 1 %), and our lower bound must
 * never exceed HiGHS's optimum — a bound above the optimum would be a lie.
 */
describe('scheduleLoads agrees with HiGHS on generated villages', () => {
  for (const households of [10, 60]) {
    for (const nonInterruptible of [false, true]) {
      const label = `${households} households, ${nonInterruptible ? 'with block loads' : 'LP'}`;
      it(label, async () => {
        const scenario = generateLoadScenario({ households, nonInterruptible, seed: 3 });
        const plan = scheduleLoads(scenario, { timeLimitMs: 10_000 });
        expectFeasiblePlan(scenario, plan);
        const highs = solveWithHighs(await loadHighs(), scenario, { mipRelGap: 1e-4 });
        expect(highs.status.toLowerCase()).toBe('optimal');
        const gap = (plan.objective - highs.objective) / highs.objective;
        expect(gap).toBeLessThanOrEqual(nonInterruptible ? 0.01 : 0.001);
        expect(gap).toBeGreaterThan(nonInterruptible ? -0.001 : -1e-6);
        if (!nonInterruptible) expect(plan.lowerBound).toBeLessThanOrEqual(highs.objective * (1 + 1e-6));
        expect(plan.unmanaged.overloads.length).toBeGreaterThan(0);
      }, 60_000);
    }
  }

  it('gives the same plan for the same seed', () => {
    const scenario = generateLoadScenario({ households: 40, nonInterruptible: true, seed: 5 });
    const { elapsedMs: _a, ...first } = scheduleLoads(scenario, { seed: 9 });
    const { elapsedMs: _b, ...second } = scheduleLoads(scenario, { seed: 9 });
    expect(second).toEqual(first);
  });
});
