import type { ProblemData } from '../model/problem-data.ts';
import type { Evaluation, Plan } from '../search/plan.ts';
import { brokenPairsDistance, fillNeighbours } from './broken-pairs.ts';

interface Neighbour {
  distance: number;
  other: Individual;
}

/**
 * A member of the population: a plan (empty routes removed, so route counts and giant tours mean
 * something), its evaluation, the neighbour arrays for the broken-pairs distance, and its distances to
 * the other members of its subpopulation, kept sorted so "average distance to the closest few" — the
 * diversity contribution — is a prefix sum.
 */
export class Individual {
  readonly plan: Plan;
  evaluation: Evaluation;
  /** Biased fitness within its subpopulation (lower is better); refreshed before each use. */
  biasedFitness = 0;
  readonly pred: Int32Array;
  readonly succ: Int32Array;
  private readonly neighbours: Neighbour[] = [];

  /** `plan` should have no empty routes (see `withoutEmptyRoutes`); it is kept, not copied. */
  constructor(problem: ProblemData, plan: Plan, evaluation: Evaluation) {
    this.plan = plan;
    this.evaluation = evaluation;
    this.pred = new Int32Array(problem.numLocations);
    this.succ = new Int32Array(problem.numLocations);
    fillNeighbours(problem, this.plan, this.pred, this.succ);
  }

  get penalisedCost(): number {
    return this.evaluation.penalisedCost;
  }

  distanceTo(other: Individual, firstClient: number): number {
    return brokenPairsDistance(firstClient, this.pred.length, this.pred, this.succ, other.pred, other.succ);
  }

  /** Records a distance both ways (called when either joins a subpopulation). */
  link(other: Individual, distance: number): void {
    insertSorted(this.neighbours, { distance, other });
    insertSorted(other.neighbours, { distance, other: this });
  }

  unlink(other: Individual): void {
    const i = this.neighbours.findIndex((n) => n.other === other);
    if (i >= 0) this.neighbours.splice(i, 1);
  }

  /** Mean distance to the `k` closest members; 1 (maximally diverse) when it has no company. */
  averageDistanceToClosest(k: number): number {
    const count = Math.min(k, this.neighbours.length);
    if (count === 0) return 1;
    let sum = 0;
    for (let i = 0; i < count; i++) sum += this.neighbours[i]!.distance;
    return sum / count;
  }

  /** Distance to the closest member (0: a clone exists), +∞ when alone. */
  closestDistance(): number {
    return this.neighbours[0]?.distance ?? Number.POSITIVE_INFINITY;
  }

  clearLinks(): void {
    this.neighbours.length = 0;
  }
}

function insertSorted(list: Neighbour[], item: Neighbour): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.distance <= item.distance) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

/**
 * Drops routes without visits: an empty route still costs its fixed cost and depot round trip in the
 * checker (a caller that hands it over means to dispatch it), but for the search it is an unused vehicle.
 */
export function withoutEmptyRoutes(plan: Plan): Plan {
  if (plan.routes.every((r) => r.visits.length > 0)) return plan;
  return { routes: plan.routes.filter((r) => r.visits.length > 0) };
}
