import type { Rng } from '@village/domain';
import type { Penalties, Plan } from '../../search/plan.ts';

/**
 * Recombines two parents into one offspring. The offspring need not be feasible (the local search and
 * the penalties take care of that) but must visit each client at most once and, where any vehicle can,
 * every required client.
 */
export interface Crossover {
  cross(first: Plan, second: Plan, penalties: Penalties, rng: Rng): Plan;
}
