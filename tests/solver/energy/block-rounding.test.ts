import { readFileSync } from 'node:fs';
import { type LoadScenario, loadScenarioSchema } from '@village/domain';
import { scheduleLoads } from '@village/solver';
import { describe, expect, it } from 'vitest';
import { expectFeasiblePlan, planFigures } from '../../support/load-plan-check.ts';

/**
 * Villages whose limit binds in the evening, where water heaters run as whole blocks: the primal
 * master's mix must be rounded to whole blocks without stacking them, and what rounding leaves over
 * must be worked off with the time that is left, not returned as an overload.
 *
 * The fixture is the scenario plan-energy-day.test.ts hands the scheduler: the 60-household demo
 * village (70 connections, seven water heaters), planned noon to noon, 40 kW transformer with 10 %
 * kept free, so a 36 kW limit. Taking each heater's heaviest column left 5.2 kW·slots over after the
 * master and 0.2 kW after the repair, and the scheduler returned `overloaded` after 76 ms of its 5 s.
 * Tighter, at 32.67–32.76 kW (the limits of 36.3–36.4 kW transformers with the same reserve), HiGHS
 * still meets the limit (at 0.1 % above the households' own optimum); there the repair left
 * 1.2–4.7 kW·slots over, which only moving heaters to other starts clears.
 *
 * The clock stands still, so no deadline is ever reached and every run is the same.
 */
function village(transformerKw?: number): LoadScenario {
  const file = new URL('./fixtures/noon-to-noon-village.json', import.meta.url);
  const scenario = loadScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return transformerKw === undefined ? scenario : { ...scenario, transformerKw };
}

const standingClock = () => 0;

function peakImportKw(scenario: LoadScenario, plan: ReturnType<typeof scheduleLoads>): number {
  return Math.max(...planFigures(scenario, plan.households).villageKw);
}

describe('scheduleLoads with whole-block loads at a binding limit', () => {
  it('plans the noon-to-noon village within its 36 kW, at the cost of every household alone', () => {
    const scenario = village();
    expect(scenario.transformerKw).toBe(36);
    const plan = scheduleLoads(scenario, { timeLimitMs: 5_000, now: standingClock });
    expectFeasiblePlan(scenario, plan);
    expect(plan.status).not.toBe('overloaded');
    expect(plan.overloads).toEqual([]);
    expect(peakImportKw(scenario, plan)).toBeLessThanOrEqual(36 + 1e-6);
    // Nobody has to pay for it: the plan costs what the households would pay on their own.
    expect(plan.objective).toBeLessThanOrEqual(plan.lowerBound * (1 + 1e-4));
  });

  for (const limit of [32.67, 32.724, 32.76]) {
    it(`keeps the same village within ${limit} kW, where only moving heaters around clears the rest`, () => {
      const scenario = village(limit);
      const plan = scheduleLoads(scenario, { timeLimitMs: 5_000, now: standingClock });
      expectFeasiblePlan(scenario, plan);
      expect(plan.status).not.toBe('overloaded');
      expect(peakImportKw(scenario, plan)).toBeLessThanOrEqual(limit + 1e-6);
      expect(plan.unmanaged.overloads.length).toBeGreaterThan(0);
    });
  }
});
