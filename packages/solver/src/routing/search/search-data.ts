import type { ProblemData } from '../model/problem-data.ts';
import { CostEvaluator } from './cost-evaluator.ts';
import { type DepotSegments, depotSegments } from './segments/duration-segment.ts';

/**
 * Problem-derived tables shared by routes, proposals and operators, computed once per problem so
 * the hot loops read flat arrays only.
 */
export interface SearchData {
  readonly problem: ProblemData;
  readonly n: number;
  readonly K: number;
  readonly numDepots: number;
  readonly distance: Float64Array;
  /**
   * The distance matrix in the narrowest typed array that holds it exactly (Uint16 for CVRPLIB's
   * integers, Float32 when every value is a float32, else the matrix itself). Move screening is
   * bound by memory latency on large instances — n = 1,000 is an 8 MB Float64 matrix, 2 MB as
   * Uint16 — so operators read this copy for their distance bounds; exact pricing uses `distance`.
   */
  readonly fastDistance: Float64Array | Float32Array | Uint16Array;
  readonly duration: Float64Array;
  readonly demand: Float64Array;
  readonly service: Float64Array;
  readonly twEarly: Float64Array;
  readonly twLate: Float64Array;
  readonly capacity: Float64Array;
  readonly initialLoad: Float64Array;
  readonly startDepot: Int32Array;
  readonly endDepot: Int32Array;
  readonly depots: DepotSegments;
  /**
   * Bit `t` set when a vehicle of type `t` may have the location inside its visits: for clients the
   * allowed types, for depots the types that may reload there. One AND over a route tail answers
   * "can this tail move to a vehicle of type t?".
   */
  readonly visitMask: Uint32Array;
  readonly costs: CostEvaluator;
  readonly usesDuration: boolean;
  readonly hasReloads: boolean;
  /**
   * Distance matrix symmetric: operators then read d(a, b) as d(b, a) when that stays in the row of
   * the client being examined — the matrix is far larger than the CPU caches (8 MB at n = 1,000)
   * and row-local reads are what make evaluation fast.
   */
  readonly symmetric: boolean;
}

export function createSearchData(problem: ProblemData): SearchData {
  const costs = new CostEvaluator(problem);
  const visitMask = new Uint32Array(problem.numLocations);
  for (let l = problem.numDepots; l < problem.numLocations; l++) visitMask[l] = problem.allowedTypesMask[l]!;
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    if (problem.maxReloads[t]! <= 0) continue;
    for (let i = problem.reloadOffsets[t]!; i < problem.reloadOffsets[t + 1]!; i++) {
      const depot = problem.reloadDepots[i]!;
      visitMask[depot] = (visitMask[depot]! | (1 << t)) >>> 0;
    }
  }
  return {
    problem,
    n: problem.numLocations,
    K: problem.numLoadDims,
    numDepots: problem.numDepots,
    distance: problem.distance,
    fastDistance: compact(problem.distance),
    duration: problem.duration,
    demand: problem.demand,
    service: problem.serviceDuration,
    twEarly: problem.twEarly,
    twLate: problem.twLate,
    capacity: problem.capacity,
    initialLoad: problem.initialLoad,
    startDepot: problem.startDepot,
    endDepot: problem.endDepot,
    depots: depotSegments(problem),
    visitMask,
    costs,
    usesDuration: costs.usesDuration,
    hasReloads: costs.hasReloads,
    symmetric: isSymmetric(problem.distance, problem.numLocations),
  };
}

/** Whether a vehicle of type `t` may have location `l` among its visits. */
export function mayVisit(data: SearchData, t: number, l: number): boolean {
  return ((data.visitMask[l]! >>> t) & 1) === 1;
}

function isSymmetric(matrix: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (matrix[i * n + j] !== matrix[j * n + i]) return false;
  }
  return true;
}

function compact(matrix: Float64Array): Float64Array | Float32Array | Uint16Array {
  let uint16 = true;
  let float32 = true;
  for (let k = 0; k < matrix.length && (uint16 || float32); k++) {
    const v = matrix[k]!;
    if (uint16 && !(Number.isInteger(v) && v >= 0 && v <= 0xffff)) uint16 = false;
    if (float32 && Math.fround(v) !== v) float32 = false;
  }
  if (uint16) return Uint16Array.from(matrix);
  return float32 ? Float32Array.from(matrix) : matrix;
}
