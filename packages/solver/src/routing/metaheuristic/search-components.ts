import { randomPlan } from '../construction/random-plan.ts';
import { savingsPlan } from '../construction/savings.ts';
import type { ProblemData } from '../model/problem-data.ts';
import { evaluatePlan } from '../search/evaluate-plan.ts';
import { createLocalSearch } from '../search/local-search.ts';
import type { SearchComponents } from './metaheuristic.ts';

/**
 * Granular neighbourhood size: HGS's 20. Measured against the local search's default 40 on X instances
 * (n = 101…502, 5 s): the cheaper descent buys more generations and wins (mean gap 0.73 % vs 0.90 %).
 */
const GRANULARITY = 20;

/**
 * The solver's own parts behind the metaheuristic's `SearchComponents`. The savings plan (which falls
 * back to cheapest insertion outside CVRP-like problems) gives the search a good incumbent within
 * a few hundred milliseconds even at n = 1,000, where educating one random plan costs about as much;
 * random plans then supply the diversity.
 */
export function defaultSearchComponents(problem: ProblemData): SearchComponents {
  return {
    localSearch: createLocalSearch(problem, { granularity: GRANULARITY }),
    evaluate: (plan, penalties) => evaluatePlan(problem, plan, penalties),
    randomPlan: (rng) => randomPlan(problem, rng),
    constructedPlans: () => [savingsPlan(problem)],
  };
}
