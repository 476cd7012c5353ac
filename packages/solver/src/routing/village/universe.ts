import type { Coordinates, Depot, DisposalSite } from '@village/domain';
import type { CollectionRequest } from './collection-request.ts';
import {
  fleetSpeedKmh,
  type TravelMatrix,
  travelMatrixFromCoordinates,
  travelMatrixFromSupplied,
} from './travel-matrix.ts';

/**
 * Every place the day may involve, with one travel matrix over them: depots, disposal sites, the
 * current positions of re-planned vehicles, then the bins not yet collected. Pre-checks and the
 * re-planning simulation read this matrix; the solver gets the sub-matrix of the locations it plans
 * (bins set aside by the pre-checks and committed stops drop out).
 *
 * Depots and disposal sites come first here and in the solver problem, so their indices are the same
 * in both.
 */
export interface Universe {
  ids: string[];
  coordinates: Coordinates[];
  matrix: TravelMatrix;
  depots: readonly Depot[];
  depotLocation: ReadonlyMap<string, number>;
  disposal: readonly { site: DisposalSite; location: number }[];
  disposalLocation: ReadonlyMap<string, number>;
  /** vehicleId → its current position (re-planned vehicles only). */
  positionLocation: ReadonlyMap<string, number>;
  binLocation: ReadonlyMap<string, number>;
}

export function buildUniverse(request: CollectionRequest, completedBinIds: ReadonlySet<string>): Universe {
  const ids: string[] = [];
  const coordinates: Coordinates[] = [];
  const add = (id: string, at: Coordinates): number => {
    ids.push(id);
    coordinates.push(at);
    return ids.length - 1;
  };
  const depotLocation = new Map(request.depots.map((d) => [d.id, add(d.id, d.location)]));
  const disposal = request.disposalSites.map((site) => ({ site, location: add(site.id, site.location) }));
  // The vehicle id names its position in a supplied matrix (see suppliedTravelMatrixSchema).
  const positionLocation = new Map(
    request.vehicleStates.map((s) => [s.vehicleId, add(s.vehicleId, s.position)]),
  );
  const binLocation = new Map<string, number>();
  for (const { bin } of request.bins) {
    if (!completedBinIds.has(bin.id)) binLocation.set(bin.id, add(bin.id, bin.location));
  }
  const matrix = request.travelMatrix
    ? travelMatrixFromSupplied(request.travelMatrix, ids)
    : travelMatrixFromCoordinates(coordinates, {
        detourFactor: request.detourFactor,
        speedKmh: request.speedKmh ?? fleetSpeedKmh(request.vehicles),
      });
  return {
    ids,
    coordinates,
    matrix,
    depots: request.depots,
    depotLocation,
    disposal,
    disposalLocation: new Map(disposal.map((d) => [d.site.id, d.location])),
    positionLocation,
    binLocation,
  };
}

/** Row-major sub-matrix over `locations` (universe indices; repeats allowed). */
export function subMatrix(matrix: TravelMatrix, locations: readonly number[]): TravelMatrix {
  const n = locations.length;
  const N = matrix.size;
  const distanceKm = new Float64Array(n * n);
  const durationMinutes = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const row = locations[a]! * N;
    for (let b = 0; b < n; b++) {
      const from = row + locations[b]!;
      distanceKm[a * n + b] = matrix.distanceKm[from]!;
      durationMinutes[a * n + b] = matrix.durationMinutes[from]!;
    }
  }
  return { size: n, distanceKm, durationMinutes };
}
