import * as z from 'zod';
import { hamletIdSchema, idSchema, villageIdSchema } from '../ids.ts';
import { coordinatesSchema, roadSchema } from './geo.ts';

export const hamletSchema = z.object({
  id: hamletIdSchema,
  name: z.string(),
  center: coordinatesSchema,
  /** Multiplier on bin fill rates (markets and dense hamlets fill faster). */
  wasteRateFactor: z.number().positive(),
});
export type Hamlet = z.infer<typeof hamletSchema>;

export const transformerSchema = z.object({
  id: idSchema,
  name: z.string(),
  location: coordinatesSchema,
  ratedKva: z.number().positive(),
  /** Planning limit on the village's net power, import or export, in kW. */
  limitKw: z.number().positive(),
  meterId: idSchema,
});
export type Transformer = z.infer<typeof transformerSchema>;

export const villageSchema = z.object({
  id: villageIdSchema,
  name: z.string(),
  commune: z.string(),
  district: z.string(),
  province: z.string(),
  timeZone: z.string(),
  currency: z.literal('VND'),
  center: coordinatesSchema,
  /** Always states plainly whether the layout is real or synthetic. */
  dataNotice: z.string(),
  hamlets: z.array(hamletSchema).min(1),
  roads: z.array(roadSchema),
  transformer: transformerSchema,
});
export type Village = z.infer<typeof villageSchema>;
