// Village waste collection ↔ routing solver: request → problem → solve → plan with reasons.
export { type BuiltProblem, buildProblem, type LocationRef } from './build-problem.ts';
export {
  DEFAULT_PLAN_TIME_LIMIT_MS,
  type PlanCollectionOptions,
  planCollectionWith,
} from './collection-planner.ts';
export {
  type BinToConsider,
  binToConsiderSchema,
  type CollectionRequest,
  type CollectionRequestInput,
  type CompletedStop,
  collectionRequestSchema,
  completedStopSchema,
  DEFAULT_OVERTIME_COST_PER_HOUR_VND,
  expectedLoad,
  parseCollectionRequest,
  type VehicleState,
  vehicleStateSchema,
} from './collection-request.ts';
export type { FleetType } from './fleet-types.ts';
export { precheckBins, UNASSIGNED_CODES, type UnassignedBin, type UnassignedCode } from './infeasibility.ts';
export type { CollectionPlanResult, PlannedStop, PlannedVehicleRoute } from './map-result.ts';
export { createPlanClock, type PlanClock } from './plan-clock.ts';
export { planCollectionRoutes } from './plan-collection.ts';
export {
  DEFAULT_DETOUR_FACTOR,
  fleetSpeedKmh,
  haversineKm,
  type SuppliedTravelMatrix,
  suppliedTravelMatrixSchema,
  type TravelMatrix,
  travelMatrixFromCoordinates,
  travelMatrixFromSupplied,
} from './travel-matrix.ts';
export { generateVillageInstance, type VillageInstanceOptions } from './village-instance.ts';
