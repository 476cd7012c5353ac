import type { LoadPlan, LoadScenario } from '@village/domain';
import { generateLoadScenario, importPrices, SCENARIO_DAY } from '@village/simulation';
import { scheduleLoads } from '@village/solver';
import { describe, expect, it } from 'vitest';
import { expectFeasiblePlan, planFigures } from '../../support/load-plan-check.ts';

/**
 * The time limit, made deterministic: the scheduler reads its deadline only through `now`, so a clock
 * that stands still for k reads and then jumps past every deadline stops it at the same point every
 * time, wherever k falls — inside the shortcut repair, the dual, the primal master, the repair or
 * the polish. Wherever it stops, the plan must be valid and honest about any overload (the gate in
 * scheduleLoads and the independent checker), and never worse than the shortcut repair's.
 * No wall-clock assertions here: the limit itself is measured in the benchmarks.
 */

/** 60 households, everyone on time of use, the limit at 90 %: the shortcut clears it, at a cost. */
function touScenario(): LoadScenario {
  const scenario = generateLoadScenario({ households: 60, nonInterruptible: true, seed: 3 });
  const tou = importPrices('production-tou', SCENARIO_DAY.startMinute, scenario.slotMinutes, scenario.slots);
  for (const household of scenario.households) household.importPrice = tou;
  scenario.transformerKw = Math.round(scenario.transformerKw * 0.9 * 10) / 10;
  return scenario;
}

/** A clock that stands at 0 for `reads` reads, then is a long way past any deadline. */
function clockRunningOutAfter(reads: number): () => number {
  let count = 0;
  return () => (++count > reads ? 1e12 : 0);
}

function overloadKw(scenario: LoadScenario, plan: LoadPlan): number {
  let over = 0;
  for (const kw of planFigures(scenario, plan.households).villageKw)
    over += Math.max(0, Math.abs(kw) - scenario.transformerKw);
  return over;
}

const withoutTime = ({ elapsedMs: _, ...plan }: LoadPlan) => plan;

describe('scheduleLoads under its time limit', () => {
  const scenario = touScenario();
  let reads = 0;
  const unhurried = scheduleLoads(scenario, {
    timeLimitMs: 10_000,
    now: () => {
      reads++;
      return 0;
    },
  });

  it('plans this village within the limit given time (the reference for the cuts below)', () => {
    expectFeasiblePlan(scenario, unhurried);
    expect(unhurried.status).not.toBe('overloaded');
    expect(reads).toBeGreaterThan(100);
  });

  it('out of time from the start, returns the independent plan, flagged', () => {
    const plan = scheduleLoads(scenario, { timeLimitMs: 10_000, now: clockRunningOutAfter(1) });
    expectFeasiblePlan(scenario, plan);
    expect(plan.status).toBe('overloaded');
    expect(plan.overloads.length).toBeGreaterThan(0);
    // Every household alone at its own best: the cheapest plan there is, and its own bound.
    expect(plan.objective).toBeCloseTo(plan.lowerBound, 6);
    expect(plan.objective).toBeLessThanOrEqual(unhurried.objective);
  });

  it('stopped at any point, returns a valid plan, with no more overload the later it stops, never dearer once within', () => {
    const cuts = new Set<number>([2, 3, 5, 10, 15, 20, 25, 30, 40, 60, reads - 1]);
    for (let k = 5; k < reads; k += Math.ceil(reads / 24)) cuts.add(k);
    let previousOverload = Number.POSITIVE_INFINITY;
    let firstWithin: LoadPlan | null = null;
    for (const k of [...cuts].sort((a, b) => a - b)) {
      const plan = scheduleLoads(scenario, { timeLimitMs: 10_000, now: clockRunningOutAfter(k) });
      expectFeasiblePlan(scenario, plan);
      expect(plan.status === 'overloaded').toBe(plan.overloads.length > 0);
      // The repair only ever shrinks the overload, and the shortcut's plan is the fallback once it
      // is done (here it meets the limit), so a later stop never means more overload.
      const overload = overloadKw(scenario, plan);
      expect(overload, `stopped after ${k} clock reads`).toBeLessThanOrEqual(previousOverload + 1e-6);
      previousOverload = overload;
      if (overload > 1e-6) continue;
      if (firstWithin) expect(plan.objective).toBeLessThanOrEqual(firstWithin.objective * (1 + 1e-9));
      else firstWithin = plan;
    }
    expect(firstWithin).not.toBeNull();
    expect(unhurried.objective).toBeLessThanOrEqual((firstWithin?.objective ?? 0) * (1 + 1e-9));
  }, 60_000);

  it('stopped at the same point, gives the same plan', () => {
    const k = Math.floor(reads / 2);
    const first = scheduleLoads(scenario, { timeLimitMs: 10_000, now: clockRunningOutAfter(k) });
    const second = scheduleLoads(scenario, { timeLimitMs: 10_000, now: clockRunningOutAfter(k) });
    expect(withoutTime(second)).toEqual(withoutTime(first));
  });
});
