import { createRng } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { HybridGeneticSearch } from '../../../../packages/solver/src/routing/metaheuristic/hgs.ts';
import type { CrossoverKind } from '../../../../packages/solver/src/routing/metaheuristic/hgs-params.ts';
import { defaultSearchComponents } from '../../../../packages/solver/src/routing/metaheuristic/search-components.ts';
import { IterationLimit } from '../../../../packages/solver/src/routing/stop/iteration-limit.ts';
import { richProblem } from './rich-problem.ts';
import { loadCvrplib } from './support.ts';

describe('HybridGeneticSearch', () => {
  const problem = loadCvrplib('P-n16-k8');

  for (const crossover of ['ordered', 'selective-route-exchange', 'auto'] as CrossoverKind[]) {
    it(`reaches the P-n16-k8 optimum with ${crossover} crossover`, () => {
      const search = new HybridGeneticSearch(problem, defaultSearchComponents(problem), { crossover });
      const outcome = search.run({ stop: new IterationLimit(300), rng: createRng(1) });
      expect(outcome.iterations).toBe(300);
      expect(outcome.bestFeasible?.evaluation.cost).toBe(450);
      expect(outcome.bestOverall?.evaluation.feasible).toBe(true);
    });
  }

  it('restarts a stagnating population and keeps the best plan across restarts', () => {
    const components = defaultSearchComponents(problem);
    let randomPlans = 0;
    const counting = {
      ...components,
      randomPlan: (rng: ReturnType<typeof createRng>) => {
        randomPlans++;
        return components.randomPlan(rng);
      },
    };
    const params = { restartAfterNoImprovement: 30, initialPopulationSize: 5 };
    const improvements: number[] = [];
    const outcome = new HybridGeneticSearch(problem, counting, params).run({
      stop: new IterationLimit(200),
      rng: createRng(2),
      onNewBest: (best) => improvements.push(best.evaluation.cost),
    });
    expect(randomPlans).toBeGreaterThan(2 * params.initialPopulationSize);
    expect(outcome.bestFeasible?.evaluation.cost).toBe(Math.min(...improvements));
    expect(improvements).toEqual([...improvements].sort((a, b) => b - a));
  });

  it('always educates at least one plan, even when stopped before starting', () => {
    const rich = richProblem();
    const outcome = new HybridGeneticSearch(rich, defaultSearchComponents(rich)).run({
      stop: { shouldStop: () => true },
      rng: createRng(3),
    });
    expect(outcome.iterations).toBe(0);
    expect(outcome.bestOverall).toBeDefined();
  });
});
