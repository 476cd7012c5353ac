import { createRng } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { Individual } from '../../../../packages/solver/src/routing/metaheuristic/individual.ts';
import { Population } from '../../../../packages/solver/src/routing/metaheuristic/population.ts';
import { SubPopulation } from '../../../../packages/solver/src/routing/metaheuristic/sub-population.ts';
import type { Evaluation, Plan } from '../../../../packages/solver/src/routing/search/plan.ts';
import { loadCvrplib, randomPlan } from './support.ts';

const problem = loadCvrplib('A-n32-k5');
const params = { minSize: 5, generationSize: 4, numElite: 2, numClose: 3 };

function individual(plan: Plan, cost: number, feasible = true): Individual {
  const evaluation: Evaluation = {
    cost,
    excessLoad: feasible ? 0 : 1,
    timeWarp: 0,
    missingRequired: 0,
    feasible,
    penalisedCost: cost + (feasible ? 0 : 10),
  };
  return new Individual(problem, plan, evaluation);
}

describe('SubPopulation', () => {
  it('keeps members sorted by penalised cost and shrinks to μ once it exceeds μ + λ', () => {
    const rng = createRng(1);
    const sub = new SubPopulation(params, problem.numDepots);
    const sizes: number[] = [];
    for (let i = 0; i < 30; i++) {
      sub.add(individual(randomPlan(problem, rng), 1000 + rng.int(500)));
      sizes.push(sub.size);
      const costs = sub.items.map((x) => x.penalisedCost);
      expect(costs).toEqual([...costs].sort((a, b) => a - b));
    }
    expect(Math.max(...sizes)).toBe(params.minSize + params.generationSize);
    expect(sizes).toContain(params.minSize);
  });

  it('never removes the best member, and removes clones before anything else', () => {
    const rng = createRng(2);
    const sub = new SubPopulation(params, problem.numDepots);
    const best = individual(randomPlan(problem, rng), 1);
    sub.add(best);
    const cloned = randomPlan(problem, rng);
    const clone = individual(cloned, 50);
    sub.add(individual(cloned, 40));
    sub.add(clone);
    for (let i = 0; i < params.minSize + params.generationSize - 3; i++) {
      sub.add(individual(randomPlan(problem, rng), 2000 + i));
    }
    // This addition triggers survivor selection down to μ.
    sub.add(individual(randomPlan(problem, rng), 3000));
    expect(sub.size).toBe(params.minSize);
    expect(sub.items[0]).toBe(best);
    expect(sub.items).not.toContain(clone);
  });

  it('ranks biased fitness by cost and diversity (a lone member has fitness 0)', () => {
    const rng = createRng(3);
    const sub = new SubPopulation(params, problem.numDepots);
    sub.add(individual(randomPlan(problem, rng), 10));
    sub.updateBiasedFitness();
    expect(sub.items[0]!.biasedFitness).toBe(0);
    for (let i = 0; i < 4; i++) sub.add(individual(randomPlan(problem, rng), 20 + i));
    sub.updateBiasedFitness();
    for (const x of sub.items) {
      expect(x.biasedFitness).toBeGreaterThanOrEqual(0);
      expect(x.biasedFitness).toBeLessThanOrEqual(2);
    }
  });
});

describe('Population', () => {
  it('routes individuals by feasibility and selects parents from both', () => {
    const rng = createRng(4);
    const pop = new Population(params, problem.numDepots);
    expect(pop.selectParents(rng)).toBeUndefined();
    pop.add(individual(randomPlan(problem, rng), 100, true));
    pop.add(individual(randomPlan(problem, rng), 90, false));
    expect(pop.feasible.size).toBe(1);
    expect(pop.infeasible.size).toBe(1);
    const seen = new Set<Individual>();
    for (let i = 0; i < 50; i++) {
      const [a, b] = pop.selectParents(rng)!;
      expect(a).not.toBe(b);
      seen.add(a).add(b);
    }
    expect(seen.size).toBe(2);
  });
});
