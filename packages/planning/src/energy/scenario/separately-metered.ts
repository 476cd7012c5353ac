import type { Household, Meter, TariffKind } from '@village/domain';

/** A flexible load with a meter (and a bill) of its own: it becomes its own connection in the scenario. */
export interface SeparateMeter {
  loadId: string;
  tariff: TariffKind;
}

/**
 * The household's loads that have their own meter. In the village dataset an irrigation pump's load
 * id is its pump meter's id (kind `pump`, same household), and EVN bills pumping for agriculture as
 * production, on the three-price tariff.
 */
export function separatelyMeteredLoads(household: Household, meters: readonly Meter[]): SeparateMeter[] {
  const pumpMeters = new Set(
    meters.filter((m) => m.kind === 'pump' && m.householdId === household.id).map((m) => m.id),
  );
  return household.flexibleLoads
    .filter((load) => pumpMeters.has(load.id))
    .map((load) => ({ loadId: load.id, tariff: 'production-tou' }));
}
