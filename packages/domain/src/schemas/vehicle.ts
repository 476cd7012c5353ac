import * as z from 'zod';
import { siteIdSchema, vehicleIdSchema } from '../ids.ts';
import { timeOfDaySchema } from '../time.ts';
import { vehicleTypeSchema, wasteStreamSchema } from './bin.ts';

export const shiftSchema = z.object({
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  maxDurationMinutes: z.number().positive(),
});
export type Shift = z.infer<typeof shiftSchema>;

export const vehicleSchema = z.object({
  id: vehicleIdSchema,
  name: z.string(),
  type: vehicleTypeSchema,
  depotId: siteIdSchema,
  capacityLitres: z.number().positive(),
  capacityKg: z.number().positive(),
  streams: z.array(wasteStreamSchema).min(1),
  shift: shiftSchema,
  fixedCostVnd: z.number().nonnegative(),
  costPerKmVnd: z.number().nonnegative(),
  averageSpeedKmh: z.number().positive(),
});
export type Vehicle = z.infer<typeof vehicleSchema>;
