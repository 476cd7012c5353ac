import * as z from 'zod';
import { binIdSchema, hamletIdSchema, villageIdSchema } from '../ids.ts';
import { coordinatesSchema } from './geo.ts';
import { openingHoursSchema } from './sites.ts';

export const wasteStreamSchema = z.enum(['general', 'organic', 'recyclable']);
export type WasteStream = z.infer<typeof wasteStreamSchema>;

export const binKindSchema = z.enum(['household', 'market', 'school', 'public']);
export type BinKind = z.infer<typeof binKindSchema>;

export const vehicleTypeSchema = z.enum(['small-truck', 'compactor-truck']);
export type VehicleType = z.infer<typeof vehicleTypeSchema>;

export const binSchema = z.object({
  id: binIdSchema,
  villageId: villageIdSchema,
  hamletId: hamletIdSchema,
  kind: binKindSchema,
  stream: wasteStreamSchema,
  capacityLitres: z.number().positive(),
  /** Mass of a full bin, for the vehicles' weight limit. */
  fullKg: z.number().positive(),
  location: coordinatesSchema,
  address: z.string(),
  serviceMinutes: z.number().nonnegative(),
  /** Collection allowed only inside this window (markets, schools). */
  timeWindow: openingHoursSchema.optional(),
  /** Narrow lanes: only these vehicle types can reach the bin. */
  accessibleBy: z.array(vehicleTypeSchema).min(1),
});
export type Bin = z.infer<typeof binSchema>;
