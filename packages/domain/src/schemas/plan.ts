import * as z from 'zod';
import { binIdSchema, householdIdSchema, idSchema, vehicleIdSchema, villageIdSchema } from '../ids.ts';
import { isoDateSchema, isoDateTimeSchema } from '../time.ts';

/** Shapes the planning loop fills; stored and served as-is. */

export const routeStopSchema = z.object({
  kind: z.enum(['depot', 'bin', 'disposal']),
  siteId: idSchema,
  eta: isoDateTimeSchema,
  departAt: isoDateTimeSchema,
  loadLitresAfter: z.number().nonnegative(),
  /** Mass on board after the stop, for the weight limit (optional: older plans lack it). */
  loadKgAfter: z.number().nonnegative().optional(),
  status: z.enum(['planned', 'collected', 'skipped']).default('planned'),
  /** Re-planning kept this stop as it was (the crew was already on the way). */
  committed: z.boolean().optional(),
});
export type RouteStop = z.infer<typeof routeStopSchema>;

export const vehicleRouteSchema = z.object({
  vehicleId: vehicleIdSchema,
  stops: z.array(routeStopSchema),
  distanceKm: z.number().nonnegative(),
  durationMinutes: z.number().nonnegative(),
  costVnd: z.number().nonnegative(),
});
export type VehicleRoute = z.infer<typeof vehicleRouteSchema>;

export const unassignedBinSchema = z.object({
  binId: binIdSchema,
  reason: z.string(),
  /** Stable reason code the web app translates (e.g. `TOO_HEAVY`, `NOT_WORTH_DETOUR`); `reason` is English. */
  code: z.string().optional(),
});

export const wastePlanSchema = z.object({
  planId: idSchema,
  villageId: villageIdSchema,
  date: isoDateSchema,
  createdAt: isoDateTimeSchema,
  routes: z.array(vehicleRouteSchema),
  unassigned: z.array(unassignedBinSchema),
  totalDistanceKm: z.number().nonnegative(),
  totalCostVnd: z.number().nonnegative(),
});
export type WastePlan = z.infer<typeof wastePlanSchema>;

export const loadRunSchema = z.object({
  loadId: idSchema,
  /** Power per slot, kW. */
  kw: z.array(z.number()),
});

export const householdEnergyPlanSchema = z.object({
  householdId: householdIdSchema,
  loads: z.array(loadRunSchema),
  /**
   * What the home battery put on the home meter per slot, kW: charging minus discharging (so negative
   * while it discharges). Absent for homes without a battery, and in plans stored before it was kept.
   */
  batteryNetKw: z.array(z.number()).optional(),
  expectedCostVnd: z.number(),
  unmanagedCostVnd: z.number(),
});
export type HouseholdEnergyPlan = z.infer<typeof householdEnergyPlanSchema>;

export const energyPlanSchema = z.object({
  planId: idSchema,
  villageId: villageIdSchema,
  date: isoDateSchema,
  createdAt: isoDateTimeSchema,
  slotMinutes: z.number().int().positive(),
  /** Local minute of `date` where slot 0 starts (the horizon lasts 24 h); absent: 0, midnight. */
  startMinuteOfDay: z.number().int().min(0).max(1439).optional(),
  households: z.array(householdEnergyPlanSchema),
  villagePeakKw: z.number(),
  transformerLimitKw: z.number().positive(),
  /** Kept free under the limit for forecast error: the plan aimed at limit − reserve (older plans lack it). */
  transformerReserveKw: z.number().nonnegative().optional(),
  /**
   * The village's fixed net load (homes' base load minus solar) the plan was made around, kW per
   * slot: the forecast the next plans check against the meters (older plans lack it).
   */
  forecastFixedKw: z.array(z.number()).optional(),
  totalCostVnd: z.number(),
});
export type EnergyPlan = z.infer<typeof energyPlanSchema>;
