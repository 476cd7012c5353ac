import * as z from 'zod';
import { vehicleIdSchema } from '../ids.ts';
import { minutesOfDay, timeOfDaySchema } from '../time.ts';

/**
 * What the village operator tunes without a deployment: collection thresholds, when the daily plans
 * run, which vehicles work and when, and the transformer limit the energy plan respects. Every field
 * has a default (or, for `transformerKw`, falls back to the village's transformer), so a village
 * that never saved settings still plans. Times are `HH:MM` in village time.
 */

export const DEFAULT_THRESHOLD_PERCENT = 85;
/** Below this predicted fill a stop is for nothing (see the planner's bin selection). */
export const DEFAULT_NEARLY_EMPTY_PERCENT = 30;
export const DEFAULT_WASTE_PLAN_TIME = '05:00';
export const DEFAULT_ENERGY_PLAN_TIME = '18:00';
/**
 * Where each day's energy plan horizon starts, village time. Noon: every evening-to-morning window
 * (chargers 17:30 → 06:30, water heaters) then fits in one horizon; from midnight they would be cut
 * at 24:00 and the evening peak planned without the loads that could leave it.
 */
export const DEFAULT_ENERGY_HORIZON_START = '12:00';
/**
 * Share of each truck's capacity the plan leaves free: bins hold more than forecast about as often
 * as less, and a truck full before its planned unload must make an unplanned trip to the disposal
 * site (~10 km on the demo island) — dearer than a planned one placed where the route passes.
 */
export const DEFAULT_TRUCK_LOAD_MARGIN_PERCENT = 10;
/** Share of the transformer limit kept free for forecast error: the plan aims below limit × (1 − r). */
export const DEFAULT_TRANSFORMER_RESERVE_PERCENT = 3;

/** Overrides for one vehicle; what is left out comes from the vehicle registry. */
export const vehicleSettingsSchema = z
  .strictObject({
    /** False takes the vehicle out of planning (maintenance, no driver). */
    available: z.boolean().default(true),
    /** Shift start and end, village time; each replaces the registry's shift bound. */
    shiftStart: timeOfDaySchema.optional(),
    shiftEnd: timeOfDaySchema.optional(),
  })
  .superRefine((vehicle, ctx) => {
    const { shiftStart, shiftEnd } = vehicle;
    // Zod runs object refinements even after a field failed: compare only valid times.
    const valid = (t: unknown): t is string => typeof t === 'string' && timeOfDaySchema.safeParse(t).success;
    if (valid(shiftStart) && valid(shiftEnd) && minutesOfDay(shiftEnd) <= minutesOfDay(shiftStart)) {
      ctx.addIssue({ code: 'custom', path: ['shiftEnd'], message: 'must be after shiftStart' });
    }
  });
export type VehicleSettings = z.output<typeof vehicleSettingsSchema>;

export const operatorSettingsSchema = z
  .strictObject({
    /** A bin that would pass this fill before the next run must be collected. */
    thresholdPercent: z.number().min(50).max(100).default(DEFAULT_THRESHOLD_PERCENT),
    /** A bin predicted below this fill is never collected. */
    nearlyEmptyPercent: z.number().min(0).max(50).default(DEFAULT_NEARLY_EMPTY_PERCENT),
    /** A bin whose sensor is stale or faulty is collected on this schedule instead. */
    scheduleFallbackDays: z.number().int().min(1).max(14).default(3),
    /** When the daily waste plan is made, village time. */
    wastePlanTime: timeOfDaySchema.default(DEFAULT_WASTE_PLAN_TIME),
    /** When the next day's energy plan is made, village time. */
    energyPlanTime: timeOfDaySchema.default(DEFAULT_ENERGY_PLAN_TIME),
    /** Per-vehicle overrides keyed by vehicle id; a vehicle not listed is available on its registry shift. */
    vehicles: z.record(vehicleIdSchema, vehicleSettingsSchema).default({}),
    /** Planning limit on the village's net power, kW; absent: the village transformer's `limitKw`. */
    transformerKw: z.number().positive().max(100_000).optional(),
    /**
     * Kept free under the transformer limit, % of it: the plan's village peak aims at most at
     * limit × (1 − reserve), because the fixed loads it is planned around are a forecast.
     */
    transformerReservePercent: z.number().min(0).max(30).default(DEFAULT_TRANSFORMER_RESERVE_PERCENT),
    /** Where each day's energy plan horizon starts (it lasts 24 h), village time, on a quarter hour. */
    energyHorizonStart: timeOfDaySchema
      .refine((t) => minutesOfDay(t) % 15 === 0, 'must be on a quarter hour')
      .default(DEFAULT_ENERGY_HORIZON_START),
    /** Share of each truck's capacity the waste plan leaves free for bins fuller than forecast, %. */
    truckLoadMarginPercent: z.number().min(0).max(50).default(DEFAULT_TRUCK_LOAD_MARGIN_PERCENT),
    /** Longest route a crew may be given, minutes. */
    maxShiftMinutes: z.number().int().min(60).max(720).default(480),
  })
  .superRefine((settings, ctx) => {
    const { thresholdPercent, nearlyEmptyPercent } = settings;
    if (
      typeof thresholdPercent === 'number' &&
      typeof nearlyEmptyPercent === 'number' &&
      nearlyEmptyPercent >= thresholdPercent
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['nearlyEmptyPercent'],
        message: 'must be below thresholdPercent',
      });
    }
  });
export type OperatorSettings = z.output<typeof operatorSettingsSchema>;
export type OperatorSettingsInput = z.input<typeof operatorSettingsSchema>;

/** The settings of a village that never saved any. */
export function defaultOperatorSettings(): OperatorSettings {
  return operatorSettingsSchema.parse({});
}
