import type { Vehicle } from '@village/domain';

/**
 * The commune's collection fleet. Compactors carry the bulk; the small truck reaches bins on lanes
 * the compactors cannot enter. Costs are 2025-ish Bình Dương figures: fixed = driver and loader
 * wages plus depreciation per shift; per km = diesel (~20,000 VND/l) plus maintenance.
 */
type VehicleTemplate = Omit<Vehicle, 'id' | 'depotId'>;

const TEMPLATES: readonly VehicleTemplate[] = [
  {
    name: 'Xe ép rác 8 m³',
    type: 'compactor-truck',
    capacityLitres: 8_000,
    capacityKg: 3_200,
    streams: ['general', 'organic', 'recyclable'],
    shift: { start: '05:00', end: '13:00', maxDurationMinutes: 480 },
    fixedCostVnd: 1_800_000,
    // ~25 l/100 km diesel plus ~2,500 VND/km upkeep.
    costPerKmVnd: 7_500,
    averageSpeedKmh: 20,
  },
  {
    name: 'Xe tải nhỏ 1,25 tấn',
    type: 'small-truck',
    capacityLitres: 2_000,
    capacityKg: 1_000,
    streams: ['general', 'organic', 'recyclable'],
    shift: { start: '05:30', end: '13:30', maxDurationMinutes: 480 },
    fixedCostVnd: 900_000,
    // ~12 l/100 km plus ~1,100 VND/km upkeep.
    costPerKmVnd: 3_500,
    averageSpeedKmh: 25,
  },
  {
    name: 'Xe ép rác 6 m³',
    type: 'compactor-truck',
    capacityLitres: 6_000,
    capacityKg: 2_800,
    streams: ['general', 'organic', 'recyclable'],
    shift: { start: '05:00', end: '13:00', maxDurationMinutes: 480 },
    fixedCostVnd: 1_600_000,
    costPerKmVnd: 6_800,
    averageSpeedKmh: 20,
  },
];

/** `count` vehicles: compactor, small truck, compactor, then alternating; names get a number when repeated. */
export function generateFleet(count: number, depotId: string): Vehicle[] {
  const vehicles: Vehicle[] = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i < TEMPLATES.length ? i : i % 2] ?? TEMPLATES[0];
    if (!template) break;
    const id = `VEH-${String(i + 1).padStart(2, '0')}`;
    vehicles.push({ ...template, id, name: `${template.name} (${id})`, depotId });
  }
  return vehicles;
}
