import { z } from 'zod';

/**
 * The JSON `npm run simulate:month -- --json` prints: exactly the object (`days`, `seed`,
 * `waste`, `energy`), plus `extra` with what explains the figures. Tests parse the output with it.
 */

const wasteMetricsSchema = z.strictObject({
  km: z.number().nonnegative(),
  truckHours: z.number().nonnegative(),
  binsCollected: z.number().int().nonnegative(),
  overflowBinHours: z.number().int().nonnegative(),
});

const energyMetricsSchema = z.strictObject({
  costVnd: z.number(),
  peakKw: z.number(),
  transformerViolations: z.number().int().nonnegative(),
});

const wasteExtraSchema = z.object({
  costVnd: z.number(),
  offeredMust: z.number().int(),
  offeredMay: z.number().int(),
  mustLeftOut: z.number().int(),
  collectionsMade: z.number().int(),
  litresCollected: z.number().nonnegative(),
  sameDayRepeats: z.number().int(),
  forcedDisposalTrips: z.number().int().nonnegative(),
  forcedKm: z.number().nonnegative(),
  planningMs: z.number(),
  daily: z.array(
    z.object({ date: z.string(), km: z.number(), binsCollected: z.number(), overflowBinHours: z.number() }),
  ),
});

const energyPolicyExtraSchema = z.object({
  /** Cost minus the same days' cost with no movable load. */
  movableLoadsCostVnd: z.number(),
  importKwh: z.number(),
  timeOfUseCostVnd: z.number(),
  residentialCostVnd: z.number(),
});

export const monthReportSchema = z.strictObject({
  days: z.number().int().positive(),
  seed: z.number().int(),
  waste: z.strictObject({
    optimized: wasteMetricsSchema,
    fixedSchedule: wasteMetricsSchema,
    thresholdNow: wasteMetricsSchema,
  }),
  energy: z.strictObject({ optimized: energyMetricsSchema, unmanaged: energyMetricsSchema }),
  extra: z.object({
    startDate: z.string(),
    village: z.object({
      households: z.number().int(),
      bins: z.number().int(),
      vehicles: z.number().int(),
      transformerLimitKw: z.number(),
    }),
    waste: z
      .object({
        warmupDays: z.number().int(),
        routingTimeLimitMs: z.number().int(),
        fixedEveryDays: z.number().int(),
        optimized: wasteExtraSchema,
        fixedSchedule: wasteExtraSchema,
        thresholdNow: wasteExtraSchema,
      })
      .optional(),
    energy: z
      .object({
        historyDays: z.number().int(),
        horizonStart: z.string(),
        schedulerTimeLimitMs: z.number().int(),
        noMovableLoadsCostVnd: z.number(),
        optimized: energyPolicyExtraSchema,
        unmanaged: energyPolicyExtraSchema,
        plans: z.array(
          z.object({
            date: z.string(),
            plannedPeakKw: z.number(),
            truePeakKw: z.number(),
            fixedLoadUnderForecastKw: z.number(),
            violations: z.object({ optimized: z.number().int(), unmanaged: z.number().int() }),
            status: z.string(),
            notes: z.number().int(),
            planningMs: z.number(),
          }),
        ),
      })
      .optional(),
    targets: z.object({
      kmBelowFixedSchedulePercent: z.number().nullable(),
      wasteKmTargetMet: z.boolean().nullable(),
      overflowNoWorseThanFixedSchedule: z.boolean().nullable(),
      zeroTransformerViolations: z.boolean().nullable(),
      cheaperThanUnmanaged: z.boolean().nullable(),
      movableCostBelowUnmanagedPercent: z.number().nullable(),
      movableCostTargetMet: z.boolean().nullable(),
    }),
    elapsedMs: z.object({ waste: z.number(), energy: z.number() }),
  }),
});

export type MonthReport = z.infer<typeof monthReportSchema>;
