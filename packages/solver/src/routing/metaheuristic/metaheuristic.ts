import type { Rng } from '@village/domain';
import type { Evaluation, LocalSearchEngine, Penalties, Plan } from '../search/plan.ts';
import type { StoppingCriterion } from '../stop/stopping-criterion.ts';

/**
 * The contract between `solve()` and a search strategy. Hybrid genetic search (hgs.ts) is the default;
 * a ruin-and-recreate search (e.g. SISR) or plain iterated local search can sit behind the same
 * interface, since `solve()` only needs "run until told to stop, tell me when the best improves".
 */
export interface Metaheuristic {
  run(request: MetaheuristicRun): MetaheuristicOutcome;
}

export interface MetaheuristicRun {
  stop: StoppingCriterion;
  rng: Rng;
  /** Called each time the best feasible cost strictly improves (not for equal-cost plans). */
  onNewBest?: (best: ScoredPlan, iteration: number) => void;
}

export interface ScoredPlan {
  plan: Plan;
  evaluation: Evaluation;
}

export interface MetaheuristicOutcome {
  /** Best feasible plan found; undefined when none was. */
  bestFeasible: ScoredPlan | undefined;
  /**
   * Lowest penalised cost among all plans seen, feasible or not: what `solve()` falls back to (keeping its
   * feasible part) when the problem admits no feasible plan within the budget.
   */
  bestOverall: ScoredPlan | undefined;
  iterations: number;
}

/** What a metaheuristic needs from the rest of the solver; injected so tests can substitute parts. */
export interface SearchComponents {
  /** Given the run's deadline (time limit, cancellation) so that one descent cannot overrun it. */
  localSearch: LocalSearchEngine;
  evaluate(plan: Plan, penalties: Penalties): Evaluation;
  /** A random (typically poor, diverse) plan: the raw material of the initial population. */
  randomPlan(rng: Rng): Plan;
  /** Good constructed plans (savings, insertion) that give the search an early incumbent. */
  constructedPlans?(rng: Rng): Plan[];
}
