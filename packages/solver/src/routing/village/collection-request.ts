import {
  binSchema,
  coordinatesSchema,
  depotSchema,
  disposalSiteSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  issuesFromZod,
  ValidationError,
  VILLAGE_TIME_ZONE,
  vehicleIdSchema,
  vehicleSchema,
} from '@village/domain';
import * as z from 'zod';
import { DEFAULT_DETOUR_FACTOR, suppliedTravelMatrixSchema } from './travel-matrix.ts';

/**
 * What the planning loop asks for: one village collection day. Validated here, at the boundary; the
 * rest of the module trusts the parsed value.
 */

export const binToConsiderSchema = z.object({
  bin: binSchema,
  /** Must be emptied today (full, or a market/school bin); otherwise collected only when worth it. */
  mustCollect: z.boolean(),
  /** What collecting a may-collect bin today is worth (avoided overflow, saved trip tomorrow), VND. */
  valueVnd: z.number().nonnegative().finite().default(0),
  /** Predicted fill when the truck comes, %: the load is this share of capacityLitres and fullKg. */
  predictedFillPercent: z.number().min(0).max(100),
});
export type BinToConsider = z.infer<typeof binToConsiderSchema>;

/** A stop the vehicle has already made today: reported back as is, never re-planned. */
export const completedStopSchema = z.object({
  siteId: idSchema,
  arrivedAt: isoDateTimeSchema,
  departedAt: isoDateTimeSchema,
  loadLitresAfter: z.number().nonnegative(),
  loadKgAfter: z.number().nonnegative(),
});
export type CompletedStop = z.infer<typeof completedStopSchema>;

/** Where a vehicle is mid-shift, for re-planning (a breakdown, a new full bin, a road closed). */
export const vehicleStateSchema = z
  .object({
    vehicleId: vehicleIdSchema,
    position: coordinatesSchema,
    at: isoDateTimeSchema,
    loadLitres: z.number().nonnegative(),
    loadKg: z.number().nonnegative(),
    completedStops: z.array(completedStopSchema).default([]),
    /** The rest of its current plan, in order: bin and disposal-site ids (the final unload excluded). */
    plannedStops: z.array(idSchema).default([]),
    /** The next k planned stops are committed (the crew is already heading there): kept in order. */
    keepNextStops: z.number().int().nonnegative().default(0),
  })
  .refine((s) => s.keepNextStops <= s.plannedStops.length, {
    path: ['keepNextStops'],
    message: 'cannot keep more stops than are planned',
  });
export type VehicleState = z.infer<typeof vehicleStateSchema>;

/** Crew overtime premium when balancing work: ~2 workers × 1.5 × ~60,000 VND/h, rounded up. */
export const DEFAULT_OVERTIME_COST_PER_HOUR_VND = 200_000;

export const collectionRequestSchema = z
  .object({
    /** Village-local plan date; every time of day below is on this date. */
    date: isoDateSchema,
    timeZone: z.string().default(VILLAGE_TIME_ZONE),
    vehicles: z.array(vehicleSchema).min(1),
    depots: z.array(depotSchema).min(1),
    disposalSites: z.array(disposalSiteSchema).min(1),
    bins: z.array(binToConsiderSchema),
    /** Even out the crews' days with a soft duration limit (see build-problem.ts). */
    balance: z.boolean().default(false),
    overtimeCostPerHourVnd: z.number().nonnegative().default(DEFAULT_OVERTIME_COST_PER_HOUR_VND),
    /** Crew wages per hour on the road, VND; 0 when wages are in the vehicle's fixed cost. */
    crewCostPerHourVnd: z.number().nonnegative().default(0),
    detourFactor: z.number().min(1).default(DEFAULT_DETOUR_FACTOR),
    /** Overrides the fleet's slowest `averageSpeedKmh` for the coordinate-based matrix. */
    speedKmh: z.number().positive().optional(),
    travelMatrix: suppliedTravelMatrixSchema.optional(),
    vehicleStates: z.array(vehicleStateSchema).default([]),
  })
  .superRefine((r, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const unique = (key: string, ids: string[]) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) issue([key, i], `duplicate id "${id}"`);
        seen.add(id);
      });
    };
    unique(
      'vehicles',
      r.vehicles.map((v) => v.id),
    );
    unique(
      'bins',
      r.bins.map((b) => b.bin.id),
    );
    unique(
      'vehicleStates',
      r.vehicleStates.map((s) => s.vehicleId),
    );
    const depotIds = new Set(r.depots.map((d) => d.id));
    r.vehicles.forEach((v, i) => {
      if (!depotIds.has(v.depotId)) issue(['vehicles', i, 'depotId'], `unknown depot "${v.depotId}"`);
    });
    const vehicleIds = new Set(r.vehicles.map((v) => v.id));
    const binIds = new Set(r.bins.map((b) => b.bin.id));
    const siteIds = new Set(r.disposalSites.map((s) => s.id));
    r.vehicleStates.forEach((s, i) => {
      if (!vehicleIds.has(s.vehicleId))
        issue(['vehicleStates', i, 'vehicleId'], `unknown vehicle "${s.vehicleId}"`);
      s.plannedStops.slice(0, s.keepNextStops).forEach((id, k) => {
        // Committed stops are simulated, so we need the bin's load and service time.
        if (!binIds.has(id) && !siteIds.has(id)) {
          issue(
            ['vehicleStates', i, 'plannedStops', k],
            `committed stop "${id}" is not a requested bin or disposal site`,
          );
        }
      });
    });
  });

export type CollectionRequestInput = z.input<typeof collectionRequestSchema>;
export type CollectionRequest = z.infer<typeof collectionRequestSchema>;

/** Parses a request; field-named issues in a domain `ValidationError` (the API maps it to 400). */
export function parseCollectionRequest(raw: unknown): CollectionRequest {
  const result = collectionRequestSchema.safeParse(raw);
  if (!result.success) {
    throw new ValidationError('Collection request validation failed', issuesFromZod(result.error.issues));
  }
  return result.data;
}

/** Expected load of a bin when collected: litres and kg scale together with the fill. */
export function expectedLoad(entry: BinToConsider): { litres: number; kg: number } {
  const share = entry.predictedFillPercent / 100;
  return { litres: share * entry.bin.capacityLitres, kg: share * entry.bin.fullKg };
}
