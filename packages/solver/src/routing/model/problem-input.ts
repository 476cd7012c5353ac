/**
 * The routing problem as callers describe it: plain objects, indices into `depots` and `clients`.
 * `createProblem` compiles it into the flat typed arrays the search runs on (problem-data.ts).
 *
 * Locations are numbered depots first, then clients: location `i < depots.length` is depot `i`,
 * location `depots.length + j` is client `j`. Matrices are indexed by location.
 */
export interface DepotInput {
  /** Opening hours (time units of the duration matrix, e.g. minutes since midnight). */
  twEarly?: number;
  twLate?: number;
  /** Time spent at each visit, e.g. unloading at a disposal site. */
  serviceDuration?: number;
}

export interface ClientInput {
  /** Load picked up, one entry per load dimension (e.g. litres, kg). */
  demand: readonly number[];
  serviceDuration?: number;
  twEarly?: number;
  twLate?: number;
  /** Must be visited (default). An optional client earns `prize` when visited. */
  required?: boolean;
  prize?: number;
  /** Indices of vehicle types allowed to serve it; default all (e.g. narrow lanes: small trucks only). */
  allowedVehicleTypes?: readonly number[];
}

export interface VehicleTypeInput {
  numAvailable: number;
  /** One entry per load dimension. */
  capacity: readonly number[];
  startDepot: number;
  endDepot: number;
  /** Shift: may leave the start depot from twEarly, must be back at the end depot by twLate. */
  twEarly?: number;
  twLate?: number;
  /** Longest route duration (end − start), waiting included. */
  maxDuration?: number;
  /** Cost of using a vehicle of this type at all. */
  fixedCost?: number;
  unitDistanceCost?: number;
  unitDurationCost?: number;
  /**
   * Soft duration limit for balanced work: each time unit a route lasts beyond it costs
   * `overtimeUnitCost` (convex, so the search spreads work between crews).
   */
  softDurationLimit?: number;
  overtimeUnitCost?: number;
  /** Depots where the vehicle may unload mid-route (the load resets to zero) and continue. */
  reloadDepots?: readonly number[];
  /** Unloads allowed per route (default unlimited when reloadDepots is non-empty). */
  maxReloads?: number;
  /** Load already on board at the start (re-planning mid-day), one entry per dimension. */
  initialLoad?: readonly number[];
}

export interface ProblemInput {
  numLoadDimensions: number;
  depots: readonly DepotInput[];
  clients: readonly ClientInput[];
  vehicleTypes: readonly VehicleTypeInput[];
  /** Row-major n×n (n = depots + clients) or nested rows. */
  distance: Float64Array | readonly (readonly number[])[];
  /** Travel times; defaults to the distance matrix (CVRPLIB). */
  duration?: Float64Array | readonly (readonly number[])[];
}
