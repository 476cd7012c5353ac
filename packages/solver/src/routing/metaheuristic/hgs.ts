import type { Rng } from '@village/domain';
import type { ProblemData } from '../model/problem-data.ts';
import type { Evaluation, Penalties, Plan } from '../search/plan.ts';
import { fractionUsed } from '../stop/budget.ts';
import { type Deadline, deadlineOf } from '../stop/deadline.ts';
import type { StoppingCriterion } from '../stop/stopping-criterion.ts';
import type { Crossover } from './crossover/crossover.ts';
import { MixedCrossover } from './crossover/mixed-crossover.ts';
import { OrderedCrossover } from './crossover/ordered-crossover.ts';
import { SelectiveRouteExchange } from './crossover/selective-route-exchange.ts';
import { isGiantTourProblem } from './crossover/split.ts';
import { type HgsParams, hgsParams } from './hgs-params.ts';
import { Individual, withoutEmptyRoutes } from './individual.ts';
import type {
  Metaheuristic,
  MetaheuristicOutcome,
  MetaheuristicRun,
  ScoredPlan,
  SearchComponents,
} from './metaheuristic.ts';
import { initialPenalties, PenaltyManager } from './penalty-manager.ts';
import { Population } from './population.ts';

/** Violations below this count as none (floating-point noise in time and load sums). */
const EPSILON = 1e-9;
/** Penalties for educating constructed plans, × the initial ones (see `educateStrictly`). */
const STRICT_PENALTY_FACTOR = 100;

/**
 * Hybrid genetic search (Vidal et al. 2012; HGS-CVRP, Vidal 2022; PyVRP): a population of plans, each
 * child bred from two parents chosen by binary tournament on biased fitness, then improved by local
 * search under adaptive penalties (infeasible children are repaired with boosted penalties half of the
 * time), and survivors chosen for both cost and diversity. The population restarts when it stagnates.
 *
 * The stopping criterion is asked between iterations; once a feasible plan exists, its deadline part
 * (time limit, cancellation) is also handed to the local search, so one long descent cannot overrun
 * the limit, and no repair starts once it has passed. Until then descents run to their end: cutting
 * one would leave the run with nothing feasible to return (and a caller can only cancel from
 * `onNewBest`, i.e. after a feasible plan). A constructed plan is kept as it came when its education
 * ends worse, so the first feasible plan may be the construction itself.
 */
export class HybridGeneticSearch implements Metaheuristic {
  private readonly problem: ProblemData;
  private readonly components: SearchComponents;
  private readonly params: HgsParams;
  private readonly crossover: Crossover;
  private readonly reference: Penalties;

  constructor(problem: ProblemData, components: SearchComponents, params: Partial<HgsParams> = {}) {
    this.problem = problem;
    this.components = components;
    this.params = hgsParams(params);
    this.crossover = createCrossover(problem, components, this.params);
    this.reference = initialPenalties(problem);
  }

  run(request: MetaheuristicRun): MetaheuristicOutcome {
    const { problem, components, params, crossover, reference } = this;
    return new HgsRun({ problem, components, params, crossover, reference }, request).execute();
  }
}

/** The fixed setup a run works with (the search object keeps it; each run keeps its own state). */
interface HgsSetup {
  problem: ProblemData;
  components: SearchComponents;
  params: HgsParams;
  crossover: Crossover;
  /** Fixed penalties for ranking fallback plans (the initial ones). */
  reference: Penalties;
}

/** The mutable state of one `run` (so a HybridGeneticSearch can be run again, e.g. with another seed). */
class HgsRun {
  private readonly problem: ProblemData;
  private readonly components: SearchComponents;
  private readonly params: HgsParams;
  private readonly crossover: Crossover;
  private readonly reference: Penalties;
  private readonly stop: StoppingCriterion;
  private readonly deadline: Deadline;
  /** The crossover is SREX alone (not OX + Split), which crossing a plan with itself reproduces. */
  private readonly routeExchangeOnly: boolean;
  private readonly rng: Rng;
  private readonly onNewBest: MetaheuristicRun['onNewBest'];
  private readonly penalties: PenaltyManager;
  private readonly population: Population;

  private iteration = 0;
  private best: ScoredPlan | undefined;
  private bestCost = Number.POSITIVE_INFINITY;
  private overall: ScoredPlan | undefined;
  /** Best feasible cost since the last restart, and the iteration it was found at. */
  private restartBest = Number.POSITIVE_INFINITY;
  private restartImprovedAt = 0;

  constructor(setup: HgsSetup, request: MetaheuristicRun) {
    const { problem, components, params, crossover, reference } = setup;
    this.problem = problem;
    this.components = components;
    this.params = params;
    this.crossover = crossover;
    this.reference = reference;
    this.stop = request.stop;
    this.deadline = deadlineOf(request.stop);
    this.routeExchangeOnly =
      params.crossover === 'selective-route-exchange' ||
      (params.crossover === 'auto' && !isGiantTourProblem(problem));
    this.rng = request.rng;
    this.onNewBest = request.onNewBest;
    this.penalties = new PenaltyManager(reference, params.penalty);
    this.population = new Population(params, problem.numDepots);
  }

  execute(): MetaheuristicOutcome {
    if (this.initialise(true)) {
      while (!this.stop.shouldStop(this.iteration, this.bestCost)) {
        const parents = this.population.selectParents(this.rng);
        // Under SREX alone identical parents breed their own copy — a population of clones, typically
        // when a short limit went on the constructions: educate a random plan instead, as in the
        // initial phase. (OX + Split still varies a clone: Split re-cuts its giant tour.)
        const child =
          parents && !(this.routeExchangeOnly && this.areClones(parents[0], parents[1]))
            ? this.crossover.cross(parents[0].plan, parents[1].plan, this.penalties.current, this.rng)
            : this.components.randomPlan(this.rng);
        this.educate(child);
        this.iteration++;
        if (this.iteration - this.restartImprovedAt >= this.params.restartAfterNoImprovement) {
          this.population.clear();
          this.restartBest = Number.POSITIVE_INFINITY;
          this.restartImprovedAt = this.iteration;
          if (!this.initialise(false)) break;
        }
      }
    }
    return { bestFeasible: this.best, bestOverall: this.overall, iterations: this.iteration };
  }

  /**
   * Educates constructed plans (first time only) and random ones into the population. Returns false when
   * the stopping criterion fired meanwhile. At least one plan is always educated, so even a run stopped
   * at once has something to return.
   */
  private initialise(withConstructed: boolean): boolean {
    let educated = 0;
    if (withConstructed && this.components.constructedPlans) {
      for (const plan of this.components.constructedPlans(this.rng)) {
        if (educated > 0 && this.stop.shouldStop(this.iteration, this.bestCost)) return false;
        this.educate(plan);
        if (!this.best) this.educateStrictly(plan);
        this.keepAsConstructed(plan);
        educated++;
      }
    }
    for (let i = 0; i < this.params.initialPopulationSize; i++) {
      if (educated > 0) {
        if (this.stop.shouldStop(this.iteration, this.bestCost)) return false;
        if (fractionUsed(this.stop) >= this.params.initialBudgetShare) break;
      }
      this.educate(this.components.randomPlan(this.rng));
      educated++;
    }
    return true;
  }

  private areClones(a: Individual, b: Individual): boolean {
    return a === b || a.distanceTo(b, this.problem.numDepots) < EPSILON;
  }

  /** Local search, insertion, feasibility bookkeeping and (sometimes) repair of one plan. */
  private educate(plan: Plan): void {
    const { localSearch, evaluate } = this.components;
    const current = this.penalties.current;
    const deadline = this.best ? this.deadline : undefined;
    const improved = withoutEmptyRoutes(localSearch.improve(plan, current, this.rng, deadline));
    const evaluation = evaluate(improved, current);
    this.insert(improved, evaluation);
    const updated = this.penalties.register(evaluation.excessLoad <= EPSILON, evaluation.timeWarp <= EPSILON);
    // The deadline is asked before the rng, so runs without one draw exactly the same numbers.
    if (!evaluation.feasible && !deadline?.expired() && this.rng.next() < this.params.repairProbability) {
      const repaired = withoutEmptyRoutes(
        localSearch.improve(
          improved,
          this.penalties.boosted,
          this.rng,
          this.best ? this.deadline : undefined,
        ),
      );
      const repairedEvaluation = evaluate(repaired, this.penalties.current);
      if (repairedEvaluation.feasible) this.insert(repaired, repairedEvaluation);
    }
    if (updated) {
      const now = this.penalties.current;
      this.population.repenalise((individual) => {
        individual.evaluation = evaluate(individual.plan, now);
      });
    }
  }

  /**
   * A constructed plan should give the run its early feasible plan. When its ordinary education did not
   * (cheap early penalties may trade a third truck for an overloaded second one: a good structure to
   * breed from, but nothing to return), it is educated again under penalties far above the adaptive
   * ones, which keep it feasible or make it so. The result joins the population but not the penalty
   * statistics, which are about the adaptive penalties.
   */
  private educateStrictly(plan: Plan): void {
    const { localSearch, evaluate } = this.components;
    const strict = {
      load: STRICT_PENALTY_FACTOR * this.reference.load,
      timeWarp: STRICT_PENALTY_FACTOR * this.reference.timeWarp,
    };
    const deadline = this.best ? this.deadline : undefined;
    const improved = withoutEmptyRoutes(localSearch.improve(plan, strict, this.rng, deadline));
    this.insert(improved, evaluate(improved, this.penalties.current));
  }

  /**
   * A constructed plan as it came, for the best and fallback records only (not the population): it
   * counts only when its educated version did worse (left infeasible, or cut short by the deadline).
   */
  private keepAsConstructed(plan: Plan): void {
    const kept = withoutEmptyRoutes(plan);
    const evaluation = this.components.evaluate(kept, this.penalties.current);
    if (isBetterFallback(evaluation, this.overall?.evaluation, this.reference))
      this.overall = { plan: kept, evaluation };
    if (evaluation.feasible && improves(evaluation.cost, this.bestCost)) {
      this.bestCost = evaluation.cost;
      this.best = { plan: kept, evaluation };
      this.onNewBest?.(this.best, this.iteration);
    }
  }

  private insert(plan: Plan, evaluation: Evaluation): void {
    this.population.add(new Individual(this.problem, plan, evaluation));
    if (isBetterFallback(evaluation, this.overall?.evaluation, this.reference))
      this.overall = { plan, evaluation };
    if (!evaluation.feasible) return;
    if (improves(evaluation.cost, this.restartBest)) {
      this.restartBest = evaluation.cost;
      this.restartImprovedAt = this.iteration;
    }
    if (improves(evaluation.cost, this.bestCost)) {
      this.bestCost = evaluation.cost;
      this.best = { plan, evaluation };
      this.onNewBest?.(this.best, this.iteration);
    }
  }
}

/**
 * 'auto': on giant-tour problems (CVRP-like) a mix of OX + Split and SREX, elsewhere SREX, the only
 * one that respects time windows, reloads, fleets and optional clients.
 */
function createCrossover(problem: ProblemData, components: SearchComponents, params: HgsParams): Crossover {
  const srex = () =>
    new SelectiveRouteExchange(problem, (plan, penalties) => components.evaluate(plan, penalties));
  switch (params.crossover) {
    case 'ordered':
      return new OrderedCrossover(problem);
    case 'selective-route-exchange':
      return srex();
    case 'auto':
      return isGiantTourProblem(problem)
        ? new MixedCrossover(new OrderedCrossover(problem), srex(), params.orderedCrossoverShare)
        : srex();
  }
}

/** Strictly better by more than floating-point noise (anything finite improves on +∞). */
function improves(cost: number, best: number): boolean {
  return best === Number.POSITIVE_INFINITY
    ? cost < best
    : cost < best - EPSILON * Math.max(1, Math.abs(best));
}

/**
 * Ranks plans for the no-feasible-plan fallback under fixed reference penalties (the adaptive ones
 * drift, which would make earlier and later plans incomparable): feasible first, then fewest missing
 * required clients, then penalised cost.
 */
function isBetterFallback(
  candidate: Evaluation,
  incumbent: Evaluation | undefined,
  reference: Penalties,
): boolean {
  if (!incumbent) return true;
  if (candidate.feasible !== incumbent.feasible) return candidate.feasible;
  if (candidate.missingRequired !== incumbent.missingRequired) {
    return candidate.missingRequired < incumbent.missingRequired;
  }
  const score = (e: Evaluation) => e.cost + reference.load * e.excessLoad + reference.timeWarp * e.timeWarp;
  return score(candidate) < score(incumbent);
}
