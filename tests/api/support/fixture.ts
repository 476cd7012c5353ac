import { type VillageDataset, villageDatasetSchema } from '@village/domain';

/**
 * A hand-written, deliberately tiny village: two hamlets, two households with meters, three bins.
 * Coordinates are illustrative, not surveyed.
 */
const center = { lat: 20.88, lon: 106.72 };

export const VILLAGE_ID = 'test-village';

export const fixture: VillageDataset = villageDatasetSchema.parse({
  village: {
    id: VILLAGE_ID,
    name: 'Test village',
    commune: 'Bạch Đằng',
    district: 'Test district',
    province: 'Test province',
    timeZone: 'Asia/Ho_Chi_Minh',
    currency: 'VND',
    center,
    dataNotice: 'Synthetic test fixture; not real data.',
    hamlets: [
      { id: 'hamlet-1', name: 'Thôn 1', center, wasteRateFactor: 1 },
      { id: 'hamlet-2', name: 'Thôn 2', center: { lat: 20.89, lon: 106.73 }, wasteRateFactor: 1.2 },
    ],
    roads: [],
    transformer: {
      id: 'tx-1',
      name: 'Trạm biến áp 1',
      location: center,
      ratedKva: 250,
      limitKw: 200,
      meterId: 'mtr-tx-1',
    },
  },
  households: [household('hh-001', 'hamlet-1', 'mtr-hh-001'), household('hh-002', 'hamlet-2', 'mtr-hh-002')],
  meters: [
    meter('mtr-hh-001', 'household', 'hh-001'),
    meter('mtr-hh-002', 'household', 'hh-002'),
    meter('mtr-tx-1', 'transformer'),
  ],
  bins: [
    bin('bin-market-1', 'hamlet-1', 'market'),
    bin('bin-school-1', 'hamlet-1', 'school'),
    bin('bin-lane-1', 'hamlet-2', 'public'),
  ],
  vehicles: [
    {
      id: 'truck-1',
      name: 'Xe 1',
      type: 'small-truck',
      depotId: 'depot-1',
      capacityLitres: 3000,
      capacityKg: 1200,
      streams: ['general'],
      shift: { start: '06:00', end: '14:00', maxDurationMinutes: 480 },
      fixedCostVnd: 300_000,
      costPerKmVnd: 8_000,
      averageSpeedKmh: 20,
    },
  ],
  depots: [{ id: 'depot-1', name: 'Depot', location: center }],
  disposalSites: [
    {
      id: 'landfill-1',
      name: 'Landfill',
      location: { lat: 20.9, lon: 106.7 },
      openingHours: { open: '05:00', close: '17:00' },
      unloadMinutes: 15,
      acceptsStreams: ['general', 'organic', 'recyclable'],
    },
  ],
});

function household(id: string, hamletId: string, meterId: string) {
  return {
    id,
    villageId: VILLAGE_ID,
    hamletId,
    name: `Household ${id}`,
    address: `${id}, ${hamletId}`,
    location: center,
    residents: 4,
    meterId,
    tariff: 'residential-tiered',
    baseLoadKwhPerDay: 6,
    flexibleLoads: [],
  };
}

function meter(id: string, kind: string, householdId?: string) {
  return { id, villageId: VILLAGE_ID, kind, location: center, ...(householdId ? { householdId } : {}) };
}

function bin(id: string, hamletId: string, kind: string) {
  return {
    id,
    villageId: VILLAGE_ID,
    hamletId,
    kind,
    stream: 'general',
    capacityLitres: 240,
    fullKg: 60,
    location: center,
    address: `${id}, ${hamletId}`,
    serviceMinutes: 2,
    accessibleBy: ['small-truck'],
  };
}
