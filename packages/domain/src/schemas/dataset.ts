import * as z from 'zod';
import { binSchema } from './bin.ts';
import { householdSchema, meterSchema } from './household.ts';
import { depotSchema, disposalSiteSchema } from './sites.ts';
import { vehicleSchema } from './vehicle.ts';
import { villageSchema } from './village.ts';

/** Everything static about one village: what the registry stores and the simulator animates. */
export const villageDatasetSchema = z.object({
  village: villageSchema,
  households: z.array(householdSchema),
  meters: z.array(meterSchema),
  bins: z.array(binSchema),
  vehicles: z.array(vehicleSchema).min(1),
  depots: z.array(depotSchema).min(1),
  disposalSites: z.array(disposalSiteSchema).min(1),
});
export type VillageDataset = z.infer<typeof villageDatasetSchema>;
