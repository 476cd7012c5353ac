/**
 * Hard-constraint violations found by the independent checker. Each names where it happened and by
 * how much, so a failing benchmark or test says what is wrong, not only that something is.
 *
 * Positions index a route's `visits`; the start depot is position −1 and the end depot is position
 * `visits.length` (they are not in `visits`). Plan-level checks fill `route` (index in the plan).
 */
interface At {
  /** Index of the route in the plan (set by `checkPlan`; absent from `describeRoute`). */
  route?: number;
}

export interface CapacityViolation extends At {
  kind: 'capacity';
  /** Trip within the route: 0 before the first reload, +1 after each reload. */
  trip: number;
  dimension: number;
  /** First position at which the load on board exceeded the capacity. */
  position: number;
  /** Highest load on the trip (loads only grow within a trip, so this is its last visit's). */
  load: number;
  capacity: number;
  excess: number;
}

export interface LateArrivalViolation extends At {
  kind: 'lateArrival';
  location: number;
  position: number;
  arrival: number;
  twLate: number;
  lateness: number;
}

/** Left the start depot after it closed (depot `twLate`). */
export interface LateDepartureViolation extends At {
  kind: 'lateDeparture';
  location: number;
  departure: number;
  twLate: number;
  lateness: number;
}

export interface ShiftEndViolation extends At {
  kind: 'shiftEnd';
  endTime: number;
  shiftLate: number;
  excess: number;
}

export interface MaxDurationViolation extends At {
  kind: 'maxDuration';
  duration: number;
  maxDuration: number;
  excess: number;
}

export interface VehicleTypeNotAllowedViolation extends At {
  kind: 'vehicleTypeNotAllowed';
  location: number;
  position: number;
  vehicleType: number;
}

/** A depot inside `visits` that is not one of the vehicle type's reload depots. */
export interface ReloadNotAllowedViolation extends At {
  kind: 'reloadNotAllowed';
  location: number;
  position: number;
  vehicleType: number;
}

export interface TooManyReloadsViolation extends At {
  kind: 'tooManyReloads';
  reloads: number;
  maxReloads: number;
}

/** A visit that is not a location index of the problem (not an integer in range). */
export interface UnknownLocationViolation extends At {
  kind: 'unknownLocation';
  location: number;
  position: number;
}

export interface UnknownVehicleTypeViolation extends At {
  kind: 'unknownVehicleType';
  vehicleType: number;
}

export interface DuplicateVisitViolation {
  kind: 'duplicateVisit';
  location: number;
  /** Every (route, position) visiting the client, in plan order. */
  visits: { route: number; position: number }[];
}

export interface MissingRequiredViolation {
  kind: 'missingRequired';
  location: number;
}

export interface FleetExceededViolation {
  kind: 'fleetExceeded';
  vehicleType: number;
  used: number;
  available: number;
}

export type RouteViolation =
  | CapacityViolation
  | LateArrivalViolation
  | LateDepartureViolation
  | ShiftEndViolation
  | MaxDurationViolation
  | VehicleTypeNotAllowedViolation
  | ReloadNotAllowedViolation
  | TooManyReloadsViolation
  | UnknownLocationViolation
  | UnknownVehicleTypeViolation;

export type Violation =
  | RouteViolation
  | DuplicateVisitViolation
  | MissingRequiredViolation
  | FleetExceededViolation;

export type ViolationKind = Violation['kind'];

const n = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(3));

/**
 * One line of English for logs and CLI errors. `name` renders a location: by default
 * "location 7"; adapters pass their own numbering (e.g. a CVRPLIB file's node ids).
 */
export function formatViolation(
  v: Violation,
  name: (location: number) => string = (l) => `location ${l}`,
): string {
  const where = 'route' in v && v.route !== undefined ? `route ${v.route}: ` : '';
  switch (v.kind) {
    case 'capacity':
      return `${where}trip ${v.trip} carries ${n(v.load)} > capacity ${n(v.capacity)} in dimension ${v.dimension} (from position ${v.position})`;
    case 'lateArrival':
      return `${where}arrives at ${name(v.location)} (position ${v.position}) at ${n(v.arrival)}, after its window closes at ${n(v.twLate)}`;
    case 'lateDeparture':
      return `${where}leaves its start depot (${name(v.location)}) at ${n(v.departure)}, after it closes at ${n(v.twLate)}`;
    case 'shiftEnd':
      return `${where}ends at ${n(v.endTime)}, after the shift ends at ${n(v.shiftLate)}`;
    case 'maxDuration':
      return `${where}lasts ${n(v.duration)} > max duration ${n(v.maxDuration)}`;
    case 'vehicleTypeNotAllowed':
      return `${where}vehicle type ${v.vehicleType} may not serve ${name(v.location)} (position ${v.position})`;
    case 'reloadNotAllowed':
      return `${where}depot ${name(v.location)} at position ${v.position} is not a reload depot of vehicle type ${v.vehicleType}`;
    case 'tooManyReloads':
      return `${where}${v.reloads} reloads > max ${v.maxReloads}`;
    case 'unknownLocation':
      return `${where}visit ${v.location} at position ${v.position} is not a location of the problem`;
    case 'unknownVehicleType':
      return `${where}unknown vehicle type ${v.vehicleType}`;
    case 'duplicateVisit':
      return `${name(v.location)} visited ${v.visits.length} times (${v.visits.map((p) => `route ${p.route} position ${p.position}`).join(', ')})`;
    case 'missingRequired':
      return `required ${name(v.location)} is not visited`;
    case 'fleetExceeded':
      return `vehicle type ${v.vehicleType} used ${v.used} times, only ${v.available} available`;
  }
}
