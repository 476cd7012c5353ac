import { solve } from '../solve.ts';
import { type PlanCollectionOptions, planCollectionWith } from './collection-planner.ts';
import type { CollectionRequestInput } from './collection-request.ts';
import type { CollectionPlanResult } from './map-result.ts';

/**
 * Plans one village collection day (or re-plans it mid-shift): the request is validated, bins no
 * vehicle can ever serve are set aside with reasons, the rest is solved as a VRP with time windows,
 * two load dimensions, optional bins with values and disposal trips, and the routes come back with
 * ETAs in village time. Pure and synchronous: no I/O, time only through the options' limit.
 */
export function planCollectionRoutes(
  request: CollectionRequestInput,
  options: PlanCollectionOptions = {},
): CollectionPlanResult {
  return planCollectionWith(solve, request, options);
}
