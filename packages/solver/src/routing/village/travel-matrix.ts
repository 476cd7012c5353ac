import { type Coordinates, haversineKm } from '@village/domain';
import * as z from 'zod';

/**
 * Travel distances (km) and times (minutes) between the locations of one planning problem, row-major
 * `[from * size + to]`, the layout `createProblem` takes without copying.
 *
 * Two sources:
 * - a caller-supplied matrix (e.g. from a road-network engine such as OSRM), keyed by ids so the caller
 *   need not know our location order; we only validate and reorder it;
 * - otherwise straight-line (haversine) distance × a detour factor, at one speed.
 *
 * Why one speed and not a speed per road class: without snapping both ends to the road graph and
 * routing between them we do not know which road classes a leg uses, and guessing per leg would add
 * noise, not accuracy. The vehicles' `averageSpeedKmh` already averages over the village's mix of
 * commune roads and lanes. Callers who want road-class speeds should route on the network and supply
 * the matrix. Limitation: the solver takes one duration matrix for the whole fleet, so when vehicles
 * differ in speed we use the slowest (`fleetSpeedKmh`): ETAs are never optimistic for any truck, and a
 * faster truck simply has slack.
 */
export interface TravelMatrix {
  readonly size: number;
  readonly distanceKm: Float64Array;
  readonly durationMinutes: Float64Array;
}

/** Village roads wind around ponds, canals and gardens: ~30 % longer than the straight line. */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/** Re-exported: callers of the travel matrix use the same distance. */
export { haversineKm };

// The matrix builder below inlines the same haversine with trigonometry hoisted per point.
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export interface CoordinateMatrixOptions {
  /** Road distance / straight-line distance, ≥ 1. Default 1.3. */
  detourFactor?: number;
  speedKmh: number;
}

/** n ≈ 1,000 takes a few tens of ms: trigonometry is hoisted per point and each pair is computed once. */
export function travelMatrixFromCoordinates(
  points: readonly Coordinates[],
  options: CoordinateMatrixOptions,
): TravelMatrix {
  const detour = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  if (!(detour >= 1) || !Number.isFinite(detour))
    throw new RangeError('detourFactor must be a finite number ≥ 1');
  if (!(options.speedKmh > 0) || !Number.isFinite(options.speedKmh)) {
    throw new RangeError('speedKmh must be a finite number > 0');
  }
  const n = points.length;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const cosLat = new Float64Array(n);
  points.forEach((p, i) => {
    lat[i] = p.lat * RAD;
    lon[i] = p.lon * RAD;
    cosLat[i] = Math.cos(p.lat * RAD);
  });
  const distanceKm = new Float64Array(n * n);
  const durationMinutes = new Float64Array(n * n);
  const minutesPerKm = 60 / options.speedKmh;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sLat = Math.sin((lat[j]! - lat[i]!) / 2);
      const sLon = Math.sin((lon[j]! - lon[i]!) / 2);
      const h = sLat * sLat + cosLat[i]! * cosLat[j]! * sLon * sLon;
      const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) * detour;
      distanceKm[i * n + j] = km;
      distanceKm[j * n + i] = km;
      durationMinutes[i * n + j] = km * minutesPerKm;
      durationMinutes[j * n + i] = km * minutesPerKm;
    }
  }
  return { size: n, distanceKm, durationMinutes };
}

/** The speed the shared duration matrix uses: the slowest vehicle's (see the module comment). */
export function fleetSpeedKmh(vehicles: readonly { averageSpeedKmh: number }[]): number {
  if (vehicles.length === 0) throw new RangeError('fleetSpeedKmh needs at least one vehicle');
  return Math.min(...vehicles.map((v) => v.averageSpeedKmh));
}

const cell = z.number().nonnegative().finite();

/**
 * A matrix from outside, e.g. a road-network engine. `ids` name the rows/columns: depot, disposal site
 * and bin ids, plus, for a re-planned vehicle standing between sites, its vehicle id for its current
 * position. Extra ids are allowed (one matrix per village can serve every day's plan).
 */
export const suppliedTravelMatrixSchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1),
    distanceKm: z.array(z.array(cell)),
    durationMinutes: z.array(z.array(cell)),
  })
  .superRefine((m, ctx) => {
    const n = m.ids.length;
    if (new Set(m.ids).size !== n)
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'ids must be unique' });
    for (const key of ['distanceKm', 'durationMinutes'] as const) {
      const rows = m[key];
      if (rows.length !== n) {
        ctx.addIssue({ code: 'custom', path: [key], message: `expected ${n} rows (one per id)` });
        continue;
      }
      rows.forEach((row, i) => {
        if (row.length !== n)
          ctx.addIssue({ code: 'custom', path: [key, i], message: `expected ${n} columns` });
      });
    }
  });
export type SuppliedTravelMatrix = z.infer<typeof suppliedTravelMatrixSchema>;

/** Picks the rows/columns of `ids` (in that order) from a validated supplied matrix. */
export function travelMatrixFromSupplied(
  supplied: SuppliedTravelMatrix,
  ids: readonly string[],
): TravelMatrix {
  const index = new Map(supplied.ids.map((id, i) => [id, i]));
  const rows = ids.map((id) => {
    const i = index.get(id);
    if (i === undefined) throw new RangeError(`travel matrix has no row for "${id}"`);
    return i;
  });
  const n = ids.length;
  const distanceKm = new Float64Array(n * n);
  const durationMinutes = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const from = rows[a]!;
    const distRow = supplied.distanceKm[from]!;
    const durRow = supplied.durationMinutes[from]!;
    for (let b = 0; b < n; b++) {
      const to = rows[b]!;
      // A location is at distance 0 from itself even if the engine snapped it oddly.
      distanceKm[a * n + b] = a === b ? 0 : distRow[to]!;
      durationMinutes[a * n + b] = a === b ? 0 : durRow[to]!;
    }
  }
  return { size: n, distanceKm, durationMinutes };
}
