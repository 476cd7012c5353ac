import { z } from '@hono/zod-openapi';
import { householdIdSchema, isoDateSchema } from '@village/domain';
import { zonedTimeSchema } from './common.ts';

export const planEnergyBodySchema = z
  .object({
    date: isoDateSchema.optional().meta({ description: 'Village-local date to plan; default: tomorrow' }),
  })
  .meta({ id: 'PlanEnergyRequest' });

export const energyPlanSummarySchema = z
  .object({
    planId: z.string(),
    villageId: z.string(),
    date: isoDateSchema,
    createdAt: zonedTimeSchema,
    sequence: z
      .number()
      .int()
      .meta({ description: 'Higher was stored later; the highest of a date is its latest' }),
    slotMinutes: z.number().int(),
    householdCount: z.number().int(),
    villagePeakKw: z.number(),
    transformerLimitKw: z.number(),
    transformerReserveKw: z.number().meta({
      description: 'Kept free under the limit for forecast error: the plan aimed at limit − reserve',
    }),
    horizonStart: zonedTimeSchema.meta({
      description: 'Start of the 24 h plan horizon (slot 0), village time',
    }),
    withinTransformerLimit: z.boolean(),
    headroomKw: z.number().meta({ description: 'Transformer limit minus the planned village peak' }),
    totalCostVnd: z.number(),
    totalExpectedCostVnd: z.number().meta({ description: "Sum of the households' expected costs" }),
    totalUnmanagedCostVnd: z.number().meta({ description: 'The same loads, each running as soon as it may' }),
    totalSavingsVnd: z.number(),
  })
  .meta({ id: 'EnergyPlanSummary' });
export type EnergyPlanSummaryView = z.infer<typeof energyPlanSummarySchema>;

export const householdPlanPathSchema = z.object({
  householdId: householdIdSchema.meta({ param: { name: 'householdId', in: 'path' }, example: 'hh-001' }),
});

export const householdPlanQuerySchema = z.object({
  date: isoDateSchema.optional().meta({ description: 'Village-local date; default: the latest energy plan' }),
  monthKwh: z.coerce.number().min(0).max(100_000).optional().meta({
    // Spelled out because the generator documents an optional coerced number as `number | null`.
    type: 'number',
    minimum: 0,
    maximum: 100_000,
    description: "Estimate a month's bill for this consumption (kWh) on the household's tariff",
  }),
});

export const billEstimateSchema = z
  .object({
    monthKwh: z.number(),
    tariffId: z.string(),
    totalExclVatVnd: z.number(),
    totalInclVatVnd: z.number(),
    lines: z.array(
      z.object({ label: z.string(), kwh: z.number(), unitPriceVnd: z.number(), amountVnd: z.number() }),
    ),
  })
  .meta({ id: 'BillEstimate' });

export const loadRunSchema = z
  .object({
    start: zonedTimeSchema,
    end: zonedTimeSchema,
    maxKw: z.number(),
    kwh: z.number(),
  })
  .meta({ id: 'LoadRun', description: 'A stretch of consecutive slots in which the load draws power' });

export const householdPlanResponseSchema = z
  .object({
    householdId: z.string(),
    planId: z.string(),
    date: isoDateSchema,
    slotMinutes: z.number().int(),
    expectedCostVnd: z.number(),
    unmanagedCostVnd: z.number().meta({ description: 'Cost if every load ran as soon as its window opens' }),
    savingsVnd: z.number(),
    loads: z.array(
      z.object({
        loadId: z.string(),
        kw: z.array(z.number()).meta({ description: 'Planned power per slot from 00:00 village time, kW' }),
        runs: z.array(loadRunSchema),
      }),
    ),
    billEstimate: billEstimateSchema
      .nullable()
      .meta({ description: 'Set when `monthKwh` was given and this deployment can estimate bills' }),
  })
  .meta({ id: 'HouseholdPlan' });
