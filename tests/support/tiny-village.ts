import { type VillageDataset, villageDatasetSchema } from '@village/domain';

/** A hand-written two-bin, two-household village, small enough to reason about in assertions. */
export function tinyVillage(villageId = 'test-village'): VillageDataset {
  const at = (lat: number, lon: number) => ({ lat, lon });
  return villageDatasetSchema.parse({
    village: {
      id: villageId,
      name: 'Làng thử nghiệm',
      commune: 'Bạch Đằng',
      district: 'Tân Uyên',
      province: 'Bình Dương',
      timeZone: 'Asia/Ho_Chi_Minh',
      currency: 'VND',
      center: at(11.07, 106.82),
      dataNotice: 'Synthetic test data',
      hamlets: [{ id: 'H1', name: 'Ấp 1', center: at(11.07, 106.82), wasteRateFactor: 1 }],
      roads: [],
      transformer: {
        id: 'TR-1',
        name: 'Trạm biến áp',
        location: at(11.07, 106.82),
        ratedKva: 250,
        limitKw: 200,
        meterId: 'MTR-TR',
      },
    },
    households: ['HH-1', 'HH-2'].map((id, i) => ({
      id,
      villageId,
      hamletId: 'H1',
      name: `Hộ ${i + 1}`,
      address: `${i + 1} Đường 1`,
      location: at(11.07 + i * 0.001, 106.82),
      residents: 4,
      meterId: `MTR-${i + 1}`,
      tariff: 'residential-tiered',
      baseLoadKwhPerDay: 6,
      flexibleLoads: [],
    })),
    meters: [
      { id: 'MTR-1', villageId, kind: 'household', householdId: 'HH-1', location: at(11.07, 106.82) },
      { id: 'MTR-2', villageId, kind: 'household', householdId: 'HH-2', location: at(11.071, 106.82) },
      { id: 'MTR-TR', villageId, kind: 'transformer', location: at(11.07, 106.82) },
    ],
    bins: ['BIN-1', 'BIN-2'].map((id, i) => ({
      id,
      villageId,
      hamletId: 'H1',
      kind: 'household',
      stream: 'general',
      capacityLitres: 240,
      fullKg: 36,
      location: at(11.07, 106.82 + i * 0.001),
      address: `Bin ${i + 1}`,
      serviceMinutes: 1,
      accessibleBy: ['small-truck', 'compactor-truck'],
    })),
    vehicles: [
      {
        id: 'VEH-1',
        name: 'Xe 1',
        type: 'compactor-truck',
        depotId: 'DEPOT',
        capacityLitres: 6000,
        capacityKg: 3000,
        streams: ['general'],
        shift: { start: '05:00', end: '13:00', maxDurationMinutes: 480 },
        fixedCostVnd: 500000,
        costPerKmVnd: 8000,
        averageSpeedKmh: 25,
      },
    ],
    depots: [{ id: 'DEPOT', name: 'Bãi xe', location: at(11.07, 106.82) }],
    disposalSites: [
      {
        id: 'DISP',
        name: 'Bãi rác',
        location: at(11.1, 106.8),
        openingHours: { open: '05:00', close: '17:00' },
        unloadMinutes: 15,
        acceptsStreams: ['general', 'organic', 'recyclable'],
      },
    ],
  });
}
