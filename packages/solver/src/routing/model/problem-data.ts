import type { ProblemInput } from './problem-input.ts';

/**
 * The compiled, immutable problem: flat typed arrays so move evaluation reads memory without
 * allocating. Index conventions (see problem-input.ts): location `l` in `[0, numLocations)`,
 * depots first; per-location arrays have `numLocations` entries; load arrays are `[l * K + d]`.
 */
export interface ProblemData {
  readonly numDepots: number;
  readonly numClients: number;
  readonly numLocations: number;
  /** K, the number of load dimensions. */
  readonly numLoadDims: number;
  /** `distance[from * numLocations + to]`. */
  readonly distance: Float64Array;
  readonly duration: Float64Array;
  /** `demand[l * K + d]`; zero for depots. */
  readonly demand: Float64Array;
  readonly serviceDuration: Float64Array;
  readonly twEarly: Float64Array;
  readonly twLate: Float64Array;
  readonly prize: Float64Array;
  /** 1 when the client must be visited; depots are 0. */
  readonly required: Uint8Array;
  /** Bit `t` set when vehicle type `t` may serve the location (at most 32 vehicle types). */
  readonly allowedTypesMask: Uint32Array;

  readonly numVehicleTypes: number;
  readonly numAvailable: Int32Array;
  /** `capacity[t * K + d]`. */
  readonly capacity: Float64Array;
  readonly initialLoad: Float64Array;
  readonly startDepot: Int32Array;
  readonly endDepot: Int32Array;
  readonly shiftEarly: Float64Array;
  readonly shiftLate: Float64Array;
  readonly maxDuration: Float64Array;
  readonly fixedCost: Float64Array;
  readonly unitDistanceCost: Float64Array;
  readonly unitDurationCost: Float64Array;
  readonly softDurationLimit: Float64Array;
  readonly overtimeUnitCost: Float64Array;
  /** Reload depots of type `t`: `reloadDepots[reloadOffsets[t] .. reloadOffsets[t + 1])`. */
  readonly reloadOffsets: Int32Array;
  readonly reloadDepots: Int32Array;
  readonly maxReloads: Int32Array;
}

export class ProblemInputError extends RangeError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ProblemInputError';
    this.field = field;
  }
}

const MAX_VEHICLE_TYPES = 32;

function matrix(
  field: string,
  input: Float64Array | readonly (readonly number[])[],
  n: number,
): Float64Array {
  if (input instanceof Float64Array) {
    if (input.length !== n * n) throw new ProblemInputError(field, `expected ${n}×${n} = ${n * n} entries`);
    for (let i = 0; i < input.length; i++) {
      if (!(input[i]! >= 0)) throw new ProblemInputError(`${field}[${i}]`, 'must be a finite number ≥ 0');
    }
    return input;
  }
  if (input.length !== n) throw new ProblemInputError(field, `expected ${n} rows`);
  const out = new Float64Array(n * n);
  input.forEach((row, i) => {
    if (row.length !== n) throw new ProblemInputError(`${field}[${i}]`, `expected ${n} columns`);
    row.forEach((value, j) => {
      if (!(value >= 0) || !Number.isFinite(value)) {
        throw new ProblemInputError(`${field}[${i}][${j}]`, 'must be a finite number ≥ 0');
      }
      out[i * n + j] = value;
    });
  });
  return out;
}

function nonNegative(field: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(v >= 0)) throw new ProblemInputError(field, 'must be ≥ 0');
  return v;
}

/** Validates the input (errors name the field) and compiles it to flat arrays. */
export function createProblem(input: ProblemInput): ProblemData {
  const K = input.numLoadDimensions;
  if (!Number.isInteger(K) || K < 1)
    throw new ProblemInputError('numLoadDimensions', 'must be an integer ≥ 1');
  const D = input.depots.length;
  const C = input.clients.length;
  const n = D + C;
  const T = input.vehicleTypes.length;
  if (D < 1) throw new ProblemInputError('depots', 'at least one depot is required');
  if (T < 1) throw new ProblemInputError('vehicleTypes', 'at least one vehicle type is required');
  if (T > MAX_VEHICLE_TYPES)
    throw new ProblemInputError('vehicleTypes', `at most ${MAX_VEHICLE_TYPES} types`);

  const distance = matrix('distance', input.distance, n);
  const duration = input.duration ? matrix('duration', input.duration, n) : distance;

  const demand = new Float64Array(n * K);
  const serviceDuration = new Float64Array(n);
  const twEarly = new Float64Array(n);
  const twLate = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const prize = new Float64Array(n);
  const required = new Uint8Array(n);
  const allowedTypesMask = new Uint32Array(n);
  const allTypes = T === 32 ? 0xffffffff : (1 << T) - 1;

  input.depots.forEach((depot, i) => {
    const f = `depots[${i}]`;
    serviceDuration[i] = nonNegative(`${f}.serviceDuration`, depot.serviceDuration, 0);
    twEarly[i] = nonNegative(`${f}.twEarly`, depot.twEarly, 0);
    twLate[i] = depot.twLate ?? Number.POSITIVE_INFINITY;
    if (twLate[i]! < twEarly[i]!) throw new ProblemInputError(`${f}.twLate`, 'must be ≥ twEarly');
    allowedTypesMask[i] = allTypes >>> 0;
  });

  input.clients.forEach((client, j) => {
    const l = D + j;
    const f = `clients[${j}]`;
    if (client.demand.length !== K) throw new ProblemInputError(`${f}.demand`, `expected ${K} dimensions`);
    client.demand.forEach((q, d) => {
      demand[l * K + d] = nonNegative(`${f}.demand[${d}]`, q, 0);
    });
    serviceDuration[l] = nonNegative(`${f}.serviceDuration`, client.serviceDuration, 0);
    twEarly[l] = nonNegative(`${f}.twEarly`, client.twEarly, 0);
    twLate[l] = client.twLate ?? Number.POSITIVE_INFINITY;
    if (twLate[l]! < twEarly[l]!) throw new ProblemInputError(`${f}.twLate`, 'must be ≥ twEarly');
    required[l] = client.required === false ? 0 : 1;
    prize[l] = nonNegative(`${f}.prize`, client.prize, 0);
    let mask = 0;
    for (const t of client.allowedVehicleTypes ?? []) {
      if (!Number.isInteger(t) || t < 0 || t >= T) {
        throw new ProblemInputError(`${f}.allowedVehicleTypes`, `unknown vehicle type ${t}`);
      }
      mask |= 1 << t;
    }
    allowedTypesMask[l] = (client.allowedVehicleTypes ? mask : allTypes) >>> 0;
  });

  const numAvailable = new Int32Array(T);
  const capacity = new Float64Array(T * K);
  const initialLoad = new Float64Array(T * K);
  const startDepot = new Int32Array(T);
  const endDepot = new Int32Array(T);
  const shiftEarly = new Float64Array(T);
  const shiftLate = new Float64Array(T);
  const maxDuration = new Float64Array(T);
  const fixedCost = new Float64Array(T);
  const unitDistanceCost = new Float64Array(T);
  const unitDurationCost = new Float64Array(T);
  const softDurationLimit = new Float64Array(T);
  const overtimeUnitCost = new Float64Array(T);
  const reloadOffsets = new Int32Array(T + 1);
  const reloads: number[] = [];
  const maxReloads = new Int32Array(T);

  input.vehicleTypes.forEach((vt, t) => {
    const f = `vehicleTypes[${t}]`;
    if (!Number.isInteger(vt.numAvailable) || vt.numAvailable < 0) {
      throw new ProblemInputError(`${f}.numAvailable`, 'must be an integer ≥ 0');
    }
    numAvailable[t] = vt.numAvailable;
    if (vt.capacity.length !== K) throw new ProblemInputError(`${f}.capacity`, `expected ${K} dimensions`);
    vt.capacity.forEach((q, d) => {
      capacity[t * K + d] = nonNegative(`${f}.capacity[${d}]`, q, 0);
    });
    const initial = vt.initialLoad ?? [];
    if (vt.initialLoad && initial.length !== K)
      throw new ProblemInputError(`${f}.initialLoad`, `expected ${K}`);
    for (let d = 0; d < K; d++) initialLoad[t * K + d] = nonNegative(`${f}.initialLoad[${d}]`, initial[d], 0);
    for (const [key, depot] of [
      ['startDepot', vt.startDepot],
      ['endDepot', vt.endDepot],
    ] as const) {
      if (!Number.isInteger(depot) || depot < 0 || depot >= D) {
        throw new ProblemInputError(`${f}.${key}`, `must be a depot index in [0, ${D})`);
      }
    }
    startDepot[t] = vt.startDepot;
    endDepot[t] = vt.endDepot;
    shiftEarly[t] = nonNegative(`${f}.twEarly`, vt.twEarly, 0);
    shiftLate[t] = vt.twLate ?? Number.POSITIVE_INFINITY;
    if (shiftLate[t]! < shiftEarly[t]!) throw new ProblemInputError(`${f}.twLate`, 'must be ≥ twEarly');
    maxDuration[t] = vt.maxDuration ?? Number.POSITIVE_INFINITY;
    if (!(maxDuration[t]! >= 0)) throw new ProblemInputError(`${f}.maxDuration`, 'must be ≥ 0');
    fixedCost[t] = nonNegative(`${f}.fixedCost`, vt.fixedCost, 0);
    unitDistanceCost[t] = nonNegative(`${f}.unitDistanceCost`, vt.unitDistanceCost, 1);
    unitDurationCost[t] = nonNegative(`${f}.unitDurationCost`, vt.unitDurationCost, 0);
    softDurationLimit[t] = vt.softDurationLimit ?? Number.POSITIVE_INFINITY;
    overtimeUnitCost[t] = nonNegative(`${f}.overtimeUnitCost`, vt.overtimeUnitCost, 0);
    reloadOffsets[t] = reloads.length;
    for (const depot of vt.reloadDepots ?? []) {
      if (!Number.isInteger(depot) || depot < 0 || depot >= D) {
        throw new ProblemInputError(`${f}.reloadDepots`, `must be depot indices in [0, ${D})`);
      }
      reloads.push(depot);
    }
    const hasReloads = (vt.reloadDepots?.length ?? 0) > 0;
    maxReloads[t] = hasReloads ? (vt.maxReloads ?? 1_000_000) : 0;
  });
  reloadOffsets[T] = reloads.length;

  return {
    numDepots: D,
    numClients: C,
    numLocations: n,
    numLoadDims: K,
    distance,
    duration,
    demand,
    serviceDuration,
    twEarly,
    twLate,
    prize,
    required,
    allowedTypesMask,
    numVehicleTypes: T,
    numAvailable,
    capacity,
    initialLoad,
    startDepot,
    endDepot,
    shiftEarly,
    shiftLate,
    maxDuration,
    fixedCost,
    unitDistanceCost,
    unitDurationCost,
    softDurationLimit,
    overtimeUnitCost,
    reloadOffsets,
    reloadDepots: Int32Array.from(reloads),
    maxReloads,
  };
}
