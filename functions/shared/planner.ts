import { type Clock, systemClock } from '@village/domain';
import { createPlanner, type Planner } from '@village/planning';
import type { Store } from '@village/store';
import { tariffBook } from './tariff-book.ts';

/** The planning service over a store: one composition for the API, the scheduled plans and local runs. */
export function createStorePlanner(store: Store, clock: Clock = systemClock): Planner {
  return createPlanner({ data: store, clock, tariffBook });
}
