import * as z from 'zod';
import { isoDateSchema } from '../time.ts';

/**
 * Electricity tariffs as data (`data/tariffs/*.json`): what the utility charges, version by version,
 * each with the date it takes effect and the documents it comes from. Operators edit the file when
 * a decision changes prices or time-of-use hours; the plans follow, no code changes. Prices are
 * VND/kWh excluding VAT, as the utility publishes them; VAT is its own dated list because the rate
 * changes on other dates than the prices.
 */

/** `HH:MM` from 00:00 to 24:00; `24:00` only makes sense as the end of a period. */
const clockSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (00:00–24:00)');

function clockMinutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

export const tariffSourceSchema = z.object({
  /** The document, e.g. "Quyết định 1279/QĐ-BCT ngày 09/5/2025 của Bộ Công Thương". */
  document: z.string().min(1),
  /** Its number or an address where it can be read; at least one of the two. */
  number: z.string().min(1).optional(),
  url: z.url().optional(),
  /** What was checked against the document and what was not. */
  verification: z.string().optional(),
});
export type TariffSource = z.infer<typeof tariffSourceSchema>;

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof weekdaySchema>;
/** Index = JavaScript's `getUTCDay()` (0 = Sunday). */
export const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const WEEK_MINUTES = 7 * 1440;

export const touBandSchema = z.enum(['peak', 'normal', 'offPeak']);
export type TouBand = z.infer<typeof touBandSchema>;

/** One band's hours on the listed days, `[from, to)` in local time; `to` at or before `from` runs past midnight. */
export const touPeriodSchema = z
  .object({
    band: z.enum(['peak', 'offPeak']),
    days: z.array(weekdaySchema).min(1),
    from: clockSchema,
    to: clockSchema,
  })
  .refine((period) => period.from !== period.to, { message: 'from and to must differ', path: ['to'] });
export type TouPeriod = z.infer<typeof touPeriodSchema>;

export const touScheduleSchema = z
  .object({
    source: tariffSourceSchema,
    /** Peak and off-peak periods; every other minute of every day is normal. */
    periods: z.array(touPeriodSchema),
  })
  .superRefine((schedule, ctx) => {
    // Two periods claiming the same minute would make the price depend on the order in the file.
    // Minutes are counted over the week so that a period running past midnight meets the next day's.
    const owner = new Map<number, number>();
    schedule.periods.forEach((period, p) => {
      const from = clockMinutes(period.from);
      const to = clockMinutes(period.to);
      const length = to > from ? to - from : to + 1440 - from;
      for (const day of new Set(period.days)) {
        const dayStart = weekdaySchema.options.indexOf(day) * 1440;
        for (let k = 0; k < length; k++) {
          const minute = (dayStart + from + k) % WEEK_MINUTES;
          const other = owner.get(minute);
          if (other !== undefined && other !== p) {
            ctx.addIssue({
              code: 'custom',
              path: ['periods', p],
              message: `overlaps period ${other} (${day})`,
            });
            return;
          }
          owner.set(minute, p);
        }
      }
    });
  });
export type TouSchedule = z.infer<typeof touScheduleSchema>;

export const threePriceRatesSchema = z.object({
  /** Who pays it and at which voltage, e.g. "Sản xuất, cấp điện áp dưới 6 kV". */
  customerClass: z.string().min(1),
  peakVndPerKwh: z.number().positive(),
  normalVndPerKwh: z.number().positive(),
  offPeakVndPerKwh: z.number().positive(),
});
export type ThreePriceRates = z.infer<typeof threePriceRatesSchema>;

export const residentialTierSchema = z.object({
  /** Upper end of the tier in kWh per month (inclusive); null for the open last tier. */
  upToKwh: z.number().positive().nullable(),
  priceVndPerKwh: z.number().positive(),
});
export type ResidentialTier = z.infer<typeof residentialTierSchema>;

export const tariffVersionSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    source: tariffSourceSchema,
    timeOfUse: touScheduleSchema,
    /** Keyed by the customer's tariff kind (see `tariffKindSchema`). */
    threePrice: z.object({ 'production-tou': threePriceRatesSchema, 'business-tou': threePriceRatesSchema }),
    residential: z.object({
      customerClass: z.string().min(1),
      /** Ascending; the last tier is open (`upToKwh: null`). */
      tiers: z.array(residentialTierSchema).min(1),
    }),
    /** What a rooftop-solar surplus kWh sold to the grid earns, VND/kWh. */
    solarSurplusExport: z.object({ priceVndPerKwh: z.number().nonnegative(), source: tariffSourceSchema }),
  })
  .superRefine((version, ctx) => {
    const tiers = version.residential.tiers;
    tiers.forEach((tier, i) => {
      const last = i === tiers.length - 1;
      if (last !== (tier.upToKwh === null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['residential', 'tiers', i, 'upToKwh'],
          message: last ? 'the last tier must be open (null)' : 'only the last tier may be open',
        });
      }
      const previous = tiers[i - 1]?.upToKwh;
      if (tier.upToKwh !== null && previous != null && tier.upToKwh <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['residential', 'tiers', i, 'upToKwh'],
          message: 'tiers must ascend',
        });
      }
    });
  });
export type TariffVersion = z.infer<typeof tariffVersionSchema>;

export const vatPeriodSchema = z.object({
  effectiveFrom: isoDateSchema,
  /** 0.08 = 8 %. */
  rate: z.number().min(0).max(1),
  source: tariffSourceSchema,
});
export type VatPeriod = z.infer<typeof vatPeriodSchema>;

function strictlyAscending(dates: string[]): number {
  return dates.findIndex((date, i) => i > 0 && date <= (dates[i - 1] ?? ''));
}

export const tariffBookSchema = z
  .object({
    utility: z.string().min(1),
    currency: z.literal('VND'),
    /** Free text for operators: what is verified, what is assumed, what to check next. */
    notes: z.array(z.string()).default([]),
    /** Ascending by `effectiveFrom`; a version applies until the next one starts. */
    versions: z.array(tariffVersionSchema).min(1),
    /** Ascending by `effectiveFrom`. */
    vat: z.array(vatPeriodSchema).min(1),
  })
  .superRefine((book, ctx) => {
    const badVersion = strictlyAscending(book.versions.map((v) => v.effectiveFrom));
    if (badVersion >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['versions', badVersion, 'effectiveFrom'],
        message: 'versions must be in strictly ascending effectiveFrom order',
      });
    }
    const badVat = strictlyAscending(book.vat.map((v) => v.effectiveFrom));
    if (badVat >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['vat', badVat, 'effectiveFrom'],
        message: 'VAT periods must be in strictly ascending effectiveFrom order',
      });
    }
  });
export type TariffBook = z.infer<typeof tariffBookSchema>;
