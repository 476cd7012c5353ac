import type { TariffKind } from '@village/domain';

/**
 * Hour-of-day shapes of the fixed (non-flexible) load, as relative weights. The residential shape
 * follows EVN's typical rural-south load curve: a small 5–7 h peak (rice cooker, pumps for
 * household water), a lunch bump, and the big 17–21 h evening peak (lighting, TV, cooking, fans),
 * with a night floor from fans and the odd air-conditioner.
 */
const RESIDENTIAL = [
  0.55, 0.5, 0.48, 0.48, 0.6, 1.0, 1.15, 0.9, 0.75, 0.7, 0.85, 1.05, 0.95, 0.8, 0.75, 0.8, 1.0, 1.55, 2.0,
  2.05, 1.8, 1.4, 0.95, 0.7,
];
/** Village shops and cafés: open from dawn to late evening, fridges all night. */
const BUSINESS = [
  0.45, 0.45, 0.45, 0.45, 0.6, 1.0, 1.3, 1.35, 1.25, 1.2, 1.2, 1.25, 1.2, 1.1, 1.1, 1.15, 1.25, 1.4, 1.6, 1.6,
  1.45, 1.15, 0.7, 0.5,
];
/** Workshops and drying yards: daytime machinery. */
const PRODUCTION = [
  0.3, 0.3, 0.3, 0.3, 0.35, 0.6, 1.3, 1.7, 1.8, 1.8, 1.8, 1.5, 1.0, 1.6, 1.8, 1.8, 1.7, 1.3, 0.8, 0.6, 0.5,
  0.4, 0.35, 0.3,
];

function normalise(weights: readonly number[]): number[] {
  const mean = weights.reduce((sum, w) => sum + w, 0) / weights.length;
  return weights.map((w) => w / mean);
}

const SHAPES: Record<TariffKind, number[]> = {
  'residential-tiered': normalise(RESIDENTIAL),
  'business-tou': normalise(BUSINESS),
  'production-tou': normalise(PRODUCTION),
};

/**
 * Expected fixed load in kW at a minute of the day for a customer consuming `kwhPerDay`.
 * Linear between hour midpoints so the curve has no 1-hour steps; the shape averages to 1, so the
 * day's integral equals `kwhPerDay`.
 */
export function baseLoadKw(tariff: TariffKind, kwhPerDay: number, minuteOfDay: number): number {
  const shape = SHAPES[tariff];
  const position = minuteOfDay / 60 - 0.5;
  const lower = Math.floor(position);
  const fraction = position - lower;
  const a = shape[(lower + 24) % 24] ?? 1;
  const b = shape[(lower + 25) % 24] ?? 1;
  return (kwhPerDay / 24) * (a + (b - a) * fraction);
}

/** Weekends and holidays: families at home use a little more, shops a little more, workshops less. */
export function dayTypeFactor(tariff: TariffKind, weekendOrHoliday: boolean): number {
  if (!weekendOrHoliday) return 1;
  if (tariff === 'production-tou') return 0.6;
  return tariff === 'business-tou' ? 1.1 : 1.08;
}
