import * as z from 'zod';

/** WGS84 position. */
export const coordinatesSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Coordinates = z.infer<typeof coordinatesSchema>;

export const roadClassSchema = z.enum(['provincial', 'commune', 'hamlet', 'lane', 'bridge']);
export type RoadClass = z.infer<typeof roadClassSchema>;

/** A drawable road; routing builds travel times from these classes' speeds. */
export const roadSchema = z.object({
  id: z.string(),
  name: z.string(),
  roadClass: roadClassSchema,
  path: z.array(coordinatesSchema).min(2),
});
export type Road = z.infer<typeof roadSchema>;
