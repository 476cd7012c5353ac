import type { Household, Meter, Transformer } from '@village/domain';
import { householdBaseKw, naiveLoadsKw, scheduleLoads } from '../devices/household-demand.ts';
import { localDayIndex, localMidnightMs, MINUTE_MS } from '../devices/local-time.ts';
import { stringKey } from '../devices/noise.ts';
import type { LocalPoint } from './island.ts';
import { toCoordinates } from './island.ts';

/**
 * The village transformer. In reality the island is fed by many 22/0.4 kV pole transformers; the
 * pilot models them as one aggregate point of connection whose limit the energy planner must respect.
 *
 * Sizing: we estimate the unmanaged evening peak (fixed loads plus every flexible load switched on at
 * its naive time) and set the planning limit at 1/1.2 of it (the peak overshoots by ~20 %) — the situation in many Vietnamese
 * villages after e-motorbikes, water heaters and pumps outgrew transformers sized years ago, and the
 * one the planner exists to fix. The transformer was sized for the loads nobody can move, though:
 * the fixed load's peak on a weekday and on a weekend (families at home) loads it to at most 90 %,
 * so the limit is never below fixed peak / 0.9. Without that floor a village whose weekend evening
 * fixed load alone nears the limit would be one no plan can keep within it (the demo village's was
 * 835 kW against an 870 kW limit). The rating is then the smallest standard EVN class whose real
 * power at power factor 0.9 covers that limit. For the default 1,500 households (~1 MW unmanaged
 * evening peak, ~835 kW weekend fixed peak) that is a 1,250 kVA class with a 930 kW limit.
 */

export const STANDARD_KVA_CLASSES = [100, 160, 250, 320, 400, 560, 630, 750, 1000, 1250, 1600, 2000, 2500];
const KW_PER_KVA = 0.9;
const PEAK_OVER_LIMIT = 1.2;
/** The fixed load's peak may load the transformer to this share of its limit. */
const FIXED_PEAK_SHARE = 0.9;
/** A dry-season weekday (pumps are busy), used as the sizing reference: 2026-03-11, a Wednesday. */
const REFERENCE_DAY_MS = Date.UTC(2026, 2, 11, 12);
/** Weekend references for the fixed load: 2026-03-14 and 15, the Saturday and Sunday after it. */
const FIXED_REFERENCE_DAYS_MS = [REFERENCE_DAY_MS, Date.UTC(2026, 2, 14, 12), Date.UTC(2026, 2, 15, 12)];

/** Highest 15-minute village fixed load (no flexible load at all) over the reference days, kW. */
export function estimateFixedPeakKw(households: readonly Household[], noiseSeed: number): number {
  const keyed = households.map((household) => ({ household, key: stringKey(household.id) }));
  let peak = 0;
  for (const dayMs of FIXED_REFERENCE_DAYS_MS) {
    const midnight = localMidnightMs(localDayIndex(dayMs));
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const t = midnight + (minute + 7.5) * MINUTE_MS;
      let total = 0;
      for (const { household, key } of keyed) total += householdBaseKw(household, key, noiseSeed, t);
      peak = Math.max(peak, total);
    }
  }
  return peak;
}

/** Highest 15-minute village demand between 16:00 and 23:00 on the reference day, kW. */
export function estimateUnmanagedEveningPeakKw(households: readonly Household[], noiseSeed: number): number {
  const midnight = localMidnightMs(localDayIndex(REFERENCE_DAY_MS));
  const keyed = households.map((household) => ({
    household,
    key: stringKey(household.id),
    loads: scheduleLoads(household.flexibleLoads),
  }));
  let peak = 0;
  for (let minute = 16 * 60; minute < 23 * 60; minute += 15) {
    const t = midnight + (minute + 7.5) * MINUTE_MS;
    let total = 0;
    for (const { household, key, loads } of keyed) {
      total += householdBaseKw(household, key, noiseSeed, t) + naiveLoadsKw(loads, noiseSeed, t);
    }
    peak = Math.max(peak, total);
  }
  return peak;
}

export function sizeTransformer(
  households: readonly Household[],
  location: LocalPoint,
  noiseSeed: number,
): { transformer: Transformer; meter: Omit<Meter, 'villageId'>; unmanagedPeakKw: number } {
  const unmanagedPeakKw = estimateUnmanagedEveningPeakKw(households, noiseSeed);
  const fixedFloorKw = estimateFixedPeakKw(households, noiseSeed) / FIXED_PEAK_SHARE;
  const limitKw = Math.max(
    10,
    Math.round(Math.max(unmanagedPeakKw / PEAK_OVER_LIMIT, fixedFloorKw) / 10) * 10,
  );
  const ratedKva =
    STANDARD_KVA_CLASSES.find((kva) => kva * KW_PER_KVA >= limitKw) ??
    Math.ceil(limitKw / KW_PER_KVA / 100) * 100;
  const coordinates = toCoordinates(location);
  return {
    transformer: {
      id: 'TR-01',
      name: `Trạm biến áp Bạch Đằng 22/0,4 kV – ${ratedKva} kVA`,
      location: coordinates,
      ratedKva,
      limitKw,
      meterId: 'MTR-TR-01',
    },
    meter: { id: 'MTR-TR-01', kind: 'transformer', location: coordinates },
    unmanagedPeakKw,
  };
}
