import type { Bin, Depot, DisposalSite, Vehicle } from '@village/domain';
import type {
  BinToConsider,
  CollectionRequestInput,
} from '../../../../packages/solver/src/routing/village/collection-request.ts';

/**
 * A tiny crafted village on one east–west road at latitude 10.95° (about 1.09 km per 0.01° of
 * longitude): depot at the origin, the disposal site 0.03° west, bins east of the depot.
 */
export const LAT = 10.95;
export const LON = 106.75;

export const depot: Depot = { id: 'DEPOT-01', name: 'Depot', location: { lat: LAT, lon: LON } };

export const disposal: DisposalSite = {
  id: 'DISPOSAL-01',
  name: 'Transfer station',
  location: { lat: LAT, lon: LON - 0.03 },
  openingHours: { open: '05:00', close: '17:00' },
  unloadMinutes: 15,
  acceptsStreams: ['general', 'organic', 'recyclable'],
};

export function compactor(id: string, overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    id,
    name: `Compactor ${id}`,
    type: 'compactor-truck',
    depotId: depot.id,
    capacityLitres: 8_000,
    capacityKg: 3_200,
    streams: ['general', 'organic', 'recyclable'],
    shift: { start: '05:00', end: '13:00', maxDurationMinutes: 480 },
    fixedCostVnd: 1_800_000,
    costPerKmVnd: 7_500,
    averageSpeedKmh: 20,
    ...overrides,
  };
}

export function smallTruck(id: string, overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    ...compactor(id),
    name: `Small truck ${id}`,
    type: 'small-truck',
    capacityLitres: 2_000,
    capacityKg: 1_000,
    shift: { start: '05:30', end: '13:30', maxDurationMinutes: 480 },
    fixedCostVnd: 900_000,
    costPerKmVnd: 3_500,
    averageSpeedKmh: 25,
    ...overrides,
  };
}

/** A 240 l bin `km` east of the depot (approximately). */
export function bin(id: string, km: number, overrides: Partial<Bin> = {}): Bin {
  return {
    id,
    villageId: 'bach-dang',
    hamletId: 'ap-1',
    kind: 'household',
    stream: 'general',
    capacityLitres: 240,
    fullKg: 40,
    location: { lat: LAT, lon: LON + km / 109.3 },
    address: `Roadside ${id}`,
    serviceMinutes: 2,
    accessibleBy: ['small-truck', 'compactor-truck'],
    ...overrides,
  };
}

export function must(b: Bin, fill = 100): BinToConsider {
  return { bin: b, mustCollect: true, valueVnd: 0, predictedFillPercent: fill };
}

export function may(b: Bin, valueVnd: number, fill = 50): BinToConsider {
  return { bin: b, mustCollect: false, valueVnd, predictedFillPercent: fill };
}

export function request(overrides: Partial<CollectionRequestInput> = {}): CollectionRequestInput {
  return {
    date: '2026-12-01',
    vehicles: [compactor('VEH-01')],
    depots: [depot],
    disposalSites: [disposal],
    bins: [must(bin('BIN-1', 1)), must(bin('BIN-2', 2))],
    ...overrides,
  };
}
