import * as z from 'zod';
import { idSchema } from '../ids.ts';

/**
 * The energy scheduler's public contract: a day (or a few hours) cut into slots, prices per slot,
 * every household's fixed load, solar and flexible loads, and the village transformer's limit.
 * Operators write these files for what-if runs (`npm run solve:loads`); the planning loop builds
 * them from forecasts. Slot indices are 0-based; a window is `earliest <= t < latest`.
 */

const kwSeries = z.array(z.number().finite().nonnegative());
const priceSeries = z.array(z.number().finite().nonnegative());

export const interruptibleLoadSpecSchema = z.object({
  id: idSchema,
  interruptible: z.literal(true),
  /** Maximum power; the load may run anywhere between 0 and this in each allowed slot. */
  kw: z.number().finite().positive(),
  energyKwh: z.number().finite().positive(),
  earliest: z.number().int().nonnegative(),
  latest: z.number().int().positive(),
});

export const nonInterruptibleLoadSpecSchema = z.object({
  id: idSchema,
  interruptible: z.literal(false),
  /** Runs at exactly this power for `durationSlots` consecutive slots. */
  kw: z.number().finite().positive(),
  durationSlots: z.number().int().positive(),
  earliest: z.number().int().nonnegative(),
  latest: z.number().int().positive(),
});

export const loadSpecSchema = z.discriminatedUnion('interruptible', [
  interruptibleLoadSpecSchema,
  nonInterruptibleLoadSpecSchema,
]);
export type LoadSpec = z.infer<typeof loadSpecSchema>;
export type InterruptibleLoadSpec = z.infer<typeof interruptibleLoadSpecSchema>;
export type NonInterruptibleLoadSpec = z.infer<typeof nonInterruptibleLoadSpecSchema>;

export const batterySpecSchema = z
  .object({
    capacityKwh: z.number().finite().positive(),
    maxChargeKw: z.number().finite().nonnegative(),
    maxDischargeKw: z.number().finite().nonnegative(),
    /** Round-trip efficiency, split evenly between charging and discharging. */
    efficiency: z.number().finite().gt(0).max(1),
    initialSocKwh: z.number().finite().nonnegative(),
    minSocKwh: z.number().finite().nonnegative().default(0),
  })
  .superRefine((battery, ctx) => {
    if (battery.minSocKwh > battery.capacityKwh) {
      ctx.addIssue({ code: 'custom', path: ['minSocKwh'], message: 'must not exceed capacityKwh' });
    }
    if (battery.initialSocKwh < battery.minSocKwh || battery.initialSocKwh > battery.capacityKwh) {
      ctx.addIssue({
        code: 'custom',
        path: ['initialSocKwh'],
        message: 'must lie between minSocKwh and capacityKwh',
      });
    }
  });
export type BatterySpec = z.infer<typeof batterySpecSchema>;

export const scenarioHouseholdSchema = z.object({
  id: idSchema,
  baseKw: kwSeries,
  pvKw: kwSeries.optional(),
  /** Overrides the village price (a pump or a shop on the three-price tariff). */
  importPrice: priceSeries.optional(),
  exportPrice: priceSeries.optional(),
  loads: z.array(loadSpecSchema).default([]),
  battery: batterySpecSchema.optional(),
});
export type ScenarioHousehold = z.infer<typeof scenarioHouseholdSchema>;

export const loadScenarioSchema = z
  .object({
    slotMinutes: z.number().int().positive().max(1440),
    slots: z.number().int().positive().max(2880),
    /** VND/kWh per slot. */
    importPrice: priceSeries,
    exportPrice: priceSeries.optional(),
    transformerKw: z.number().finite().positive(),
    households: z.array(scenarioHouseholdSchema),
  })
  .superRefine((scenario, ctx) => {
    const n = scenario.slots;
    const series = (values: number[] | undefined, path: PropertyKey[]) => {
      if (values !== undefined && values.length !== n) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `must have ${n} values (one per slot), got ${values.length}`,
        });
      }
    };
    series(scenario.importPrice, ['importPrice']);
    series(scenario.exportPrice, ['exportPrice']);
    const householdIds = new Set<string>();
    scenario.households.forEach((household, h) => {
      const at = (...rest: PropertyKey[]) => ['households', h, ...rest];
      if (householdIds.has(household.id)) {
        ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate household id "${household.id}"` });
      }
      householdIds.add(household.id);
      series(household.baseKw, at('baseKw'));
      series(household.pvKw, at('pvKw'));
      series(household.importPrice, at('importPrice'));
      series(household.exportPrice, at('exportPrice'));
      const importPrice = household.importPrice ?? scenario.importPrice;
      const exportPrice = household.exportPrice ?? scenario.exportPrice;
      // Export above import would pay a household to import and export at once; the model
      // (one net power per slot) assumes it never does.
      if (exportPrice !== undefined && exportPrice.length === n && importPrice.length === n) {
        const bad = exportPrice.findIndex((price, t) => price > (importPrice[t] ?? 0));
        if (bad >= 0) {
          ctx.addIssue({
            code: 'custom',
            path: at(household.exportPrice ? 'exportPrice' : 'importPrice', bad),
            message: `export price must not exceed import price (slot ${bad})`,
          });
        }
      }
      const loadIds = new Set<string>();
      household.loads.forEach((load, l) => {
        if (loadIds.has(load.id)) {
          ctx.addIssue({
            code: 'custom',
            path: at('loads', l, 'id'),
            message: `duplicate load id "${load.id}"`,
          });
        }
        loadIds.add(load.id);
        if (load.latest > n) {
          ctx.addIssue({
            code: 'custom',
            path: at('loads', l, 'latest'),
            message: `must be at most ${n} (slots)`,
          });
        }
        if (load.earliest >= load.latest) {
          ctx.addIssue({
            code: 'custom',
            path: at('loads', l, 'earliest'),
            message: 'must be before latest',
          });
        }
      });
    });
  });
export type LoadScenario = z.infer<typeof loadScenarioSchema>;

/** One household's schedule: power per slot for each flexible load, the battery and used solar. */
export const householdSchedulePlanSchema = z.object({
  id: idSchema,
  loads: z.array(z.object({ id: idSchema, kw: z.array(z.number()) })),
  battery: z.object({ chargeKw: z.array(z.number()), dischargeKw: z.array(z.number()) }).optional(),
  pvUsedKw: z.array(z.number()),
});
export type HouseholdSchedulePlan = z.infer<typeof householdSchedulePlanSchema>;

export const transformerOverloadSchema = z.object({
  fromSlot: z.number().int(),
  /** Exclusive. */
  toSlot: z.number().int(),
  /** Largest excess over the limit within the range, kW (import or reverse flow). */
  maxOverKw: z.number(),
  direction: z.enum(['import', 'export']),
});
export type TransformerOverload = z.infer<typeof transformerOverloadSchema>;

export const loadPlanSchema = z.object({
  /** Total village cost of the plan, VND. */
  objective: z.number(),
  /** A proven lower bound on the optimum (of the continuous relaxation when loads are whole blocks). */
  lowerBound: z.number(),
  gapPercent: z.number(),
  /** `optimal`: within the requested gap; `feasible`: checked, but the gap is larger; `overloaded`: the limit cannot be met — least-overload plan, flagged. */
  status: z.enum(['optimal', 'feasible', 'overloaded']),
  peakKw: z.number(),
  transformerKw: z.number(),
  overloads: z.array(transformerOverloadSchema),
  unmanaged: z.object({
    objective: z.number(),
    peakKw: z.number(),
    overloads: z.array(transformerOverloadSchema),
  }),
  households: z.array(householdSchedulePlanSchema),
  elapsedMs: z.number(),
});
export type LoadPlan = z.infer<typeof loadPlanSchema>;
