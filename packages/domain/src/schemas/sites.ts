import * as z from 'zod';
import { siteIdSchema } from '../ids.ts';
import { timeOfDaySchema } from '../time.ts';
import { coordinatesSchema } from './geo.ts';

export const openingHoursSchema = z.object({ open: timeOfDaySchema, close: timeOfDaySchema });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** Where vehicles start and end their shift. */
export const depotSchema = z.object({
  id: siteIdSchema,
  name: z.string(),
  location: coordinatesSchema,
});
export type Depot = z.infer<typeof depotSchema>;

/** Where a full vehicle unloads before continuing (landfill, transfer station, composting yard). */
export const disposalSiteSchema = z.object({
  id: siteIdSchema,
  name: z.string(),
  location: coordinatesSchema,
  openingHours: openingHoursSchema,
  unloadMinutes: z.number().nonnegative(),
  acceptsStreams: z.array(z.enum(['general', 'organic', 'recyclable'])).min(1),
});
export type DisposalSite = z.infer<typeof disposalSiteSchema>;
