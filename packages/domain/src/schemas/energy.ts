import * as z from 'zod';
import { idSchema } from '../ids.ts';
import { timeOfDaySchema } from '../time.ts';

/** Which EVN tariff a customer pays: tiered residential, or a three-price time-of-use schedule. */
export const tariffKindSchema = z.enum(['residential-tiered', 'business-tou', 'production-tou']);
export type TariffKind = z.infer<typeof tariffKindSchema>;

export const flexibleLoadKindSchema = z.enum([
  'irrigation-pump',
  'e-motorbike-charger',
  'ev-charger',
  'water-heater',
  'rice-husk-dryer',
]);
export type FlexibleLoadKind = z.infer<typeof flexibleLoadKindSchema>;

/**
 * A load whose timing can move. Interruptible loads may run at any power up to `kw` until they
 * have delivered `energyKwh`; non-interruptible ones run at exactly `kw` for `durationMinutes`.
 */
export const flexibleLoadSchema = z.discriminatedUnion('interruptible', [
  z.object({
    id: idSchema,
    kind: flexibleLoadKindSchema,
    interruptible: z.literal(true),
    kw: z.number().positive(),
    energyKwh: z.number().positive(),
    earliest: timeOfDaySchema,
    latest: timeOfDaySchema,
  }),
  z.object({
    id: idSchema,
    kind: flexibleLoadKindSchema,
    interruptible: z.literal(false),
    kw: z.number().positive(),
    durationMinutes: z.number().positive(),
    earliest: timeOfDaySchema,
    latest: timeOfDaySchema,
  }),
]);
export type FlexibleLoad = z.infer<typeof flexibleLoadSchema>;

export const solarSchema = z.object({ peakKw: z.number().positive() });
export type Solar = z.infer<typeof solarSchema>;

export const batterySchema = z.object({
  capacityKwh: z.number().positive(),
  maxChargeKw: z.number().positive(),
  maxDischargeKw: z.number().positive(),
  efficiency: z.number().gt(0).max(1),
  minSocKwh: z.number().nonnegative(),
  initialSocKwh: z.number().nonnegative(),
});
export type Battery = z.infer<typeof batterySchema>;
