import { type Coordinates, haversineKm, type VillageDataset } from '@village/domain';
import { DEFAULT_DETOUR_FACTOR } from '@village/solver';

/**
 * A crew's truck as it follows a planned route: what is really on board, not what the plan
 * expected. A plan sends a truck to the disposal site when it expects the truck to be full; when the
 * bins hold more than the plan thought, the truck fills up earlier, and a real crew cannot load the
 * next bin: it drives to the disposal site, unloads, and comes back to that bin. Those unplanned
 * trips are driven kilometres and hours like any others, so the month counts them — a plan that
 * under-estimates loads pays for it here, as it would on the road.
 *
 * Distances use the router's own road model (straight line × the detour factor) and the truck's
 * average speed, so an unplanned trip costs what the same trip would cost in a plan.
 */
export interface ForcedTrip {
  km: number;
  minutes: number;
  /** What the truck's km cost by the fleet's own rate, VND (its crew is paid by the shift already). */
  costVnd: number;
}

export interface CrewTruck {
  /** Loads a bin's waste; returns the unplanned disposal trip made first, if the truck was full. */
  loadBin(binLocation: Coordinates, litres: number): ForcedTrip | null;
  /** A planned unload at the disposal site. */
  unload(): void;
}

export function createCrewTruck(dataset: VillageDataset, vehicleId: string): CrewTruck {
  const vehicle = dataset.vehicles.find((v) => v.id === vehicleId);
  if (!vehicle) throw new RangeError(`unknown vehicle "${vehicleId}"`);
  const site =
    dataset.disposalSites.find((s) => s.acceptsStreams.some((stream) => vehicle.streams.includes(stream))) ??
    dataset.disposalSites[0];
  if (!site) throw new RangeError('the village has no disposal site');
  let litresOnBoard = 0;
  return {
    loadBin(binLocation, litres) {
      let trip: ForcedTrip | null = null;
      if (litresOnBoard > 0 && litresOnBoard + litres > vehicle.capacityLitres) {
        const km = 2 * DEFAULT_DETOUR_FACTOR * haversineKm(binLocation, site.location);
        trip = {
          km,
          minutes: (km / vehicle.averageSpeedKmh) * 60 + site.unloadMinutes,
          costVnd: km * vehicle.costPerKmVnd,
        };
        litresOnBoard = 0;
      }
      litresOnBoard += litres;
      return trip;
    },
    unload() {
      litresOnBoard = 0;
    },
  };
}
