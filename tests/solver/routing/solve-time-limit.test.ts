import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../packages/domain/src/random.ts';
import { checkPlan } from '../../../packages/solver/src/routing/check/check-plan.ts';
import { savingsPlan } from '../../../packages/solver/src/routing/construction/savings.ts';
import { HybridGeneticSearch } from '../../../packages/solver/src/routing/metaheuristic/hgs.ts';
import { defaultSearchComponents } from '../../../packages/solver/src/routing/metaheuristic/search-components.ts';
import { createProblem, type ProblemData } from '../../../packages/solver/src/routing/model/problem-data.ts';
import { evaluatePlan } from '../../../packages/solver/src/routing/search/evaluate-plan.ts';
import { solve } from '../../../packages/solver/src/routing/solve.ts';
import { buildProblem } from '../../../packages/solver/src/routing/village/build-problem.ts';
import { parseCollectionRequest } from '../../../packages/solver/src/routing/village/collection-request.ts';
import { generateVillageInstance } from '../../../packages/solver/src/routing/village/village-instance.ts';
import { loadCvrplib } from './metaheuristic/support.ts';

/**
 * The time limit holds inside a descent: on big instances one local-search descent alone takes longer
 * than a short limit, and `solve` must still come back promptly with the best plan so far. The bounds
 * are generous (tests run two at a time on a shared 2-core machine): they catch a search that ignores
 * its deadline, not a slow one.
 */
const LIMIT_MS = 300;
const PROMPTLY_MS = 3_000;

function village(bins: number, seed: number): ProblemData {
  const dataset = generateDemoVillage({ seed: 1, vehicles: 4 });
  return createProblem(
    buildProblem(parseCollectionRequest(generateVillageInstance(dataset, { seed, bins }))).input,
  );
}

function expectPromptFeasible(problem: ProblemData): void {
  const started = performance.now();
  const result = solve(problem, { seed: 1, timeLimitMs: LIMIT_MS });
  const wallMs = performance.now() - started;
  expect(wallMs).toBeLessThan(PROMPTLY_MS);
  expect(result.stats.elapsedMs).toBeLessThan(PROMPTLY_MS);
  expect(result.feasible).toBe(true);
  expect(checkPlan(problem, { routes: result.routes }).violations).toEqual([]);
}

describe('solve under a tiny time limit', () => {
  it('returns a feasible plan promptly on a 1,000-client CVRP instance (X-n1001-k43, 0.3 s)', () => {
    expectPromptFeasible(loadCvrplib('X-n1001-k43'));
  });

  it('returns a feasible plan promptly on a 500-bin village day with time windows and disposal trips', () => {
    expectPromptFeasible(village(500, 2));
  });

  it('returns a feasible plan no worse than its construction when stopped at once', () => {
    const problem = loadCvrplib('X-n101-k25');
    const constructed = evaluatePlan(problem, savingsPlan(problem), { load: 1, timeWarp: 1 });
    expect(constructed.feasible).toBe(true);
    const outcome = new HybridGeneticSearch(problem, defaultSearchComponents(problem)).run({
      // Past the limit from the start: only the construction is built and educated.
      stop: { shouldStop: () => true, expired: () => true },
      rng: createRng(1),
    });
    expect(outcome.iterations).toBe(0);
    expect(outcome.bestFeasible?.evaluation.cost).toBeLessThanOrEqual(constructed.cost);
  });
});
