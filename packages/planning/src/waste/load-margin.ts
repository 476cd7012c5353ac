import type { Vehicle } from '@village/domain';

/**
 * The fleet as the router should see it: each truck's litres and kilograms reduced by the load
 * margin, so a plan fills trucks only to (100 − margin) % of what the forecasts say they carry.
 * Forecast loads err both ways; a truck that fills before its planned unload must drive to the
 * disposal site from wherever it is (an unplanned trip, ~10 km on the demo island), which costs
 * more than the planned trip the margin sometimes adds.
 */
export function withLoadMargin(vehicles: readonly Vehicle[], marginPercent: number): Vehicle[] {
  if (!(marginPercent >= 0 && marginPercent < 100)) {
    throw new RangeError(`load margin must be in [0, 100), got ${marginPercent}`);
  }
  const share = 1 - marginPercent / 100;
  return vehicles.map((v) => ({
    ...v,
    capacityLitres: v.capacityLitres * share,
    capacityKg: v.capacityKg * share,
  }));
}
