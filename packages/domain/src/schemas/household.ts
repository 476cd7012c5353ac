import * as z from 'zod';
import { hamletIdSchema, householdIdSchema, meterIdSchema, villageIdSchema } from '../ids.ts';
import { batterySchema, flexibleLoadSchema, solarSchema, tariffKindSchema } from './energy.ts';
import { coordinatesSchema } from './geo.ts';

export const householdSchema = z.object({
  id: householdIdSchema,
  villageId: villageIdSchema,
  hamletId: hamletIdSchema,
  name: z.string(),
  address: z.string(),
  location: coordinatesSchema,
  residents: z.number().int().positive(),
  meterId: meterIdSchema,
  tariff: tariffKindSchema,
  /** Typical daily consumption of the fixed (non-flexible) load. */
  baseLoadKwhPerDay: z.number().nonnegative(),
  solar: solarSchema.optional(),
  battery: batterySchema.optional(),
  flexibleLoads: z.array(flexibleLoadSchema),
});
export type Household = z.infer<typeof householdSchema>;

export const meterKindSchema = z.enum(['household', 'pump', 'business', 'transformer']);
export type MeterKind = z.infer<typeof meterKindSchema>;

export const meterSchema = z.object({
  id: meterIdSchema,
  villageId: villageIdSchema,
  kind: meterKindSchema,
  /** The household it measures; absent for the transformer meter. */
  householdId: householdIdSchema.optional(),
  location: coordinatesSchema,
});
export type Meter = z.infer<typeof meterSchema>;
