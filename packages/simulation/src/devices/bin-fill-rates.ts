import type { BinKind, WasteStream } from '@village/domain';

/**
 * How fast bins fill, as % of capacity per day before the hamlet and per-bin factors. Calibrated so a
 * shared 240 l household bin fills in 2–4 days (collection every few days is the status quo in
 * rural Bình Dương) and market organics fill most of a 660 l bin daily.
 */
const DAILY_FILL_PERCENT: Record<BinKind, Record<WasteStream, number>> = {
  household: { general: 30, organic: 36, recyclable: 14 },
  public: { general: 22, organic: 15, recyclable: 12 },
  market: { general: 55, organic: 80, recyclable: 30 },
  school: { general: 35, organic: 40, recyclable: 20 },
};

export function baseDailyFillPercent(kind: BinKind, stream: WasteStream): number {
  return DAILY_FILL_PERCENT[kind][stream];
}

/**
 * Day-of-week and holiday multiplier. Families cook more at weekends, the market is busiest on
 * Sunday, schools are closed on Sunday and half-empty on Saturday.
 * @param weekday 0 = Sunday … 6 = Saturday
 */
export function dayFactor(kind: BinKind, weekday: number, holiday: boolean): number {
  switch (kind) {
    case 'school':
      if (holiday || weekday === 0) return 0.05;
      return weekday === 6 ? 0.3 : 1;
    case 'market':
      if (holiday) return 1.3;
      return weekday === 0 ? 1.35 : weekday === 6 ? 1.2 : 1;
    default:
      if (holiday) return 1.3;
      return weekday === 0 ? 1.2 : weekday === 6 ? 1.12 : 1;
  }
}

/** Relative waste generation per local hour (0–23); each row is normalised to sum to 1 below. */
const HOURLY_SHAPE: Record<BinKind, readonly number[]> = {
  // Cooking and cleaning around meals.
  household: [
    0.2, 0.1, 0.1, 0.1, 0.3, 1.2, 1.8, 1.4, 0.9, 0.8, 1.2, 1.6, 1.2, 0.8, 0.6, 0.7, 1.0, 1.6, 2.0, 1.7, 1.2,
    0.8, 0.5, 0.3,
  ],
  // Passers-by in daytime and evening.
  public: [
    0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.0, 1.3, 1.3, 1.2, 1.2, 1.3, 1.2, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.4, 1.0,
    0.6, 0.3, 0.1,
  ],
  // The morning market (chợ sáng) from before dawn to late morning, a smaller afternoon session.
  market: [
    0.1, 0.1, 0.3, 0.8, 2.0, 3.0, 3.2, 3.0, 2.5, 2.0, 1.5, 1.0, 0.6, 0.6, 0.8, 0.9, 0.8, 0.5, 0.3, 0.1, 0.1,
    0.1, 0.1, 0.1,
  ],
  // Breakfast stalls, the lunch canteen, and afternoon classes.
  school: [0, 0, 0, 0, 0, 0, 0.5, 1.5, 1.0, 1.0, 1.5, 3.0, 2.5, 1.0, 1.0, 1.0, 0.8, 0.3, 0, 0, 0, 0, 0, 0],
};

const HOURLY_SHARE: Record<BinKind, number[]> = Object.fromEntries(
  Object.entries(HOURLY_SHAPE).map(([kind, shape]) => {
    const total = shape.reduce((sum, w) => sum + w, 0);
    return [kind, shape.map((w) => w / total)];
  }),
) as Record<BinKind, number[]>;

/** Share of the day's waste produced in local hour `hour` (0–23). */
export function hourlyShare(kind: BinKind, hour: number): number {
  return HOURLY_SHARE[kind][hour] ?? 0;
}

/** Density of a full bin of a stream, kg per litre (compacted loosely by hand, not by the truck). */
export const KG_PER_LITRE: Record<WasteStream, number> = { general: 0.15, organic: 0.2, recyclable: 0.1 };
