import type { TariffKind } from '@village/domain';

/**
 * Electricity prices the load scenarios use — DATA, kept in this one place so a tariff revision is a
 * one-line change. VND/kWh before VAT, rounded; they follow the shape and order of magnitude of EVN's
 * retail schedule after the May 2025 revision (QĐ 1279/QĐ-BCT) but are plausible values for a
 * synthetic village, not an official price list.
 */
export const EVN_PRICES = {
  /**
   * Residential customers pay a monthly tiered price with no time-of-day component, so for a single
   * day's plan the marginal kWh costs the same at any hour. A typical rural household (100–200
   * kWh/month) buys its marginal kWh in tier 3.
   */
  residentialMarginal: 2_380,
  /** Three-price schedule for production below 6 kV (irrigation pumps, drying yards). */
  production: { offPeak: 1_300, normal: 1_990, peak: 3_640 },
  /** Three-price schedule for business below 6 kV (shops, cafés, workshops). */
  business: { offPeak: 1_880, normal: 3_170, peak: 5_420 },
  /**
   * Rooftop-solar surplus sold to the grid (self-consumption regime: surplus bought at roughly the
   * previous year's average market price). Homes with a zero-export inverter get 0.
   */
  solarSurplusExport: 670,
} as const;

/** EVN's weekday time-of-use periods, local clock minutes [from, to). Everything else is "normal". */
export const TOU_PERIODS = {
  peak: [
    [9 * 60 + 30, 11 * 60 + 30],
    [17 * 60, 20 * 60],
  ],
  offPeak: [
    [22 * 60, 24 * 60],
    [0, 4 * 60],
  ],
} as const;

type TouBand = 'peak' | 'offPeak' | 'normal';

function bandAt(minuteOfDay: number): TouBand {
  const inside = (ranges: ReadonlyArray<readonly [number, number]>) =>
    ranges.some(([from, to]) => minuteOfDay >= from && minuteOfDay < to);
  if (inside(TOU_PERIODS.peak)) return 'peak';
  if (inside(TOU_PERIODS.offPeak)) return 'offPeak';
  return 'normal';
}

/**
 * Import price per slot for a customer on `tariff`, for slots of `slotMinutes` starting at local
 * minute `startMinute`. A slot takes the band of its midpoint (15-minute slots never straddle a
 * boundary, since every boundary is on the half hour).
 */
export function importPrices(
  tariff: TariffKind,
  startMinute: number,
  slotMinutes: number,
  slots: number,
): number[] {
  if (tariff === 'residential-tiered') return new Array<number>(slots).fill(EVN_PRICES.residentialMarginal);
  const prices = tariff === 'production-tou' ? EVN_PRICES.production : EVN_PRICES.business;
  return Array.from({ length: slots }, (_, t) => {
    const minute = (startMinute + (t + 0.5) * slotMinutes) % 1440;
    return prices[bandAt(minute)];
  });
}
