import { randomPlan } from '../construction/random-plan.ts';
import { savingsPlan } from '../construction/savings.ts';
import type { ProblemData } from '../model/problem-data.ts';
import { evaluatePlan } from '../search/evaluate-plan.ts';
import { createLocalSearch } from '../search/local-search.ts';
import type { SearchComponents } from './metaheuristic.ts';

/** HGS's granular neighbourhood size. */
const GRANULARITY = 20;

/** The solver's own parts behind the metaheuristic's `SearchComponents`. */
export function defaultSearchComponents(problem: ProblemData): SearchComponents {
  const mode = process.env.INIT ?? 'savings';
  return {
    localSearch: createLocalSearch(problem, { granularity: Number(process.env.GRAN ?? GRANULARITY) }),
    evaluate: (plan, penalties) => evaluatePlan(problem, plan, penalties),
    randomPlan: (rng) => (process.env.EMPTY ? { routes: [] } : randomPlan(problem, rng)),
    constructedPlans: () =>
      mode === 'savings' ? [savingsPlan(problem)] : mode === 'empty' ? [{ routes: [] }] : [],
  };
}
