import type { Rng } from '@village/domain';
import type { Deadline } from '../stop/deadline.ts';

/**
 * The plain solution representation shared by the metaheuristic, the local search and the checker.
 * A route lists the locations visited between the vehicle's start and end depots (excluded); reload
 * depots may appear inside it. Clients in no route are unvisited.
 */
export interface PlannedRoute {
  vehicleType: number;
  visits: number[];
}

export interface Plan {
  routes: PlannedRoute[];
}

/** Cost per unit of constraint violation while the search explores infeasible space. */
export interface Penalties {
  /** Per unit of load above capacity, summed over dimensions and trips. */
  load: number;
  /** Per unit of time warp (late arrival), shift overrun and maximum-duration excess. */
  timeWarp: number;
}

export interface Evaluation {
  /** Objective: route costs (fixed, distance, duration, overtime) + prizes of unvisited optional clients. */
  cost: number;
  excessLoad: number;
  timeWarp: number;
  /** Required clients that no route visits (the plan is then infeasible). */
  missingRequired: number;
  /** Also false when a route breaks vehicle availability, allowed types or reload limits. */
  feasible: boolean;
  /** cost + penalties × violations (+ a large cost per missing required client). */
  penalisedCost: number;
}

/**
 * Improves a plan with local search under the given penalties; deterministic for a given rng state
 * as long as the deadline (if any) does not pass. Past the deadline it returns the plan as it stands.
 */
export interface LocalSearchEngine {
  improve(plan: Plan, penalties: Penalties, rng: Rng, deadline?: Deadline): Plan;
}
