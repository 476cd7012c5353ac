import { z } from '@hono/zod-openapi';
import {
  binIdSchema,
  idSchema,
  isoDateSchema,
  skipReasonSchema,
  stopReportStatusSchema,
  vehicleIdSchema,
} from '@village/domain';
import { zonedTimeSchema } from './common.ts';

const EXAMPLE_DATE = '2026-11-30';

export const planDateParam = isoDateSchema.meta({
  param: { name: 'date', in: 'path' },
  example: EXAMPLE_DATE,
  description: 'Village-local date of the plan',
});

export const planDatePathSchema = z.object({ date: planDateParam });

export const vehicleRoutePathSchema = z.object({
  date: planDateParam,
  vehicleId: vehicleIdSchema.meta({ param: { name: 'vehicleId', in: 'path' }, example: 'truck-1' }),
});

export const planIdQuerySchema = z.object({
  planId: idSchema.optional().meta({
    description: 'A specific plan of that date (re-planning keeps older ones); default: the latest',
  }),
});

export const planWasteBodySchema = z
  .object({
    date: isoDateSchema.optional().meta({ description: 'Village-local date to plan; default: today' }),
    replan: z
      .object({
        unavailableVehicleIds: z
          .array(vehicleIdSchema)
          .max(50)
          .optional()
          .meta({ description: 'Vehicles out of service for the rest of the day' }),
        keepCommittedStops: z.number().int().min(0).max(50).optional().meta({
          description:
            "How many of each vehicle's next planned stops stay as they are; default: the planner's",
        }),
      })
      .optional()
      .meta({ description: 'Re-plan a date that already has a plan; collected stops are kept as history' }),
  })
  .meta({ id: 'PlanWasteRequest' });

export const stopReportViewSchema = z
  .object({
    reportId: z.string(),
    status: stopReportStatusSchema,
    reason: skipReasonSchema.nullable(),
    note: z.string().nullable(),
    reportedAt: zonedTimeSchema,
    receivedAt: zonedTimeSchema,
  })
  .meta({ id: 'StopReportSummary' });

export const routeStopViewSchema = z
  .object({
    sequence: z.number().int().meta({ description: 'Position in the route, from 0 (the depot)' }),
    kind: z.enum(['depot', 'bin', 'disposal']),
    siteId: z.string(),
    binId: binIdSchema.nullable().meta({ description: 'Set for bin stops' }),
    eta: zonedTimeSchema,
    departAt: zonedTimeSchema,
    expectedLoadLitres: z.number().meta({ description: 'Expected load on board after the stop' }),
    expectedLoadKg: z.number().nullable(),
    status: z.enum(['planned', 'collected', 'skipped']),
    committed: z.boolean().meta({ description: 'A re-plan kept this stop as it was' }),
    report: stopReportViewSchema.nullable().meta({ description: "The crew's latest report for this stop" }),
  })
  .meta({ id: 'RouteStop' });
export type RouteStopView = z.infer<typeof routeStopViewSchema>;

export const vehicleRouteViewSchema = z
  .object({
    vehicleId: z.string(),
    distanceKm: z.number(),
    durationMinutes: z.number(),
    costVnd: z.number(),
    start: zonedTimeSchema.nullable(),
    end: zonedTimeSchema.nullable(),
    expectedCollectedLitres: z.number().meta({ description: 'Sum of the expected loads picked up at bins' }),
    progress: z.object({
      planned: z.number().int(),
      collected: z.number().int(),
      skipped: z.number().int(),
    }),
    stops: z.array(routeStopViewSchema),
  })
  .meta({ id: 'VehicleRoute' });
export type VehicleRouteView = z.infer<typeof vehicleRouteViewSchema>;

export const wastePlanViewSchema = z
  .object({
    planId: z.string(),
    villageId: z.string(),
    date: isoDateSchema,
    createdAt: zonedTimeSchema,
    sequence: z
      .number()
      .int()
      .meta({ description: 'Higher was stored later; the highest of a date is its latest' }),
    totalDistanceKm: z.number(),
    totalCostVnd: z.number(),
    unassigned: z.array(z.object({ binId: z.string(), reason: z.string(), code: z.string().nullable() })),
    routes: z.array(vehicleRouteViewSchema),
  })
  .meta({ id: 'WastePlan' });
export type WastePlanView = z.infer<typeof wastePlanViewSchema>;

export const crewRouteResponseSchema = z
  .object({
    planId: z.string(),
    date: isoDateSchema,
    createdAt: zonedTimeSchema,
    sequence: z.number().int(),
    route: vehicleRouteViewSchema,
  })
  .meta({ id: 'CrewRoute' });
