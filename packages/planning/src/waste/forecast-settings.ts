import { isoDateSchema, issuesFromZod, ValidationError, VILLAGE_TIME_ZONE } from '@village/domain';
import * as z from 'zod';
import { isTimeZone } from './local-calendar.ts';

/**
 * The forecaster's knobs, with their defaults and why. Operators change the first group (threshold,
 * horizon, holidays); the rest are tuning for sensors like the pilot's ultrasonic ones.
 */

export const forecastSettingsSchema = z.object({
  /** How far ahead the hourly forecast goes; cover the next planned run. */
  horizonHours: z
    .number()
    .int()
    .positive()
    .max(24 * 14)
    .default(72),
  /** The operator's "full" level: a bin is due before it passes this. */
  thresholdPercent: z.number().positive().max(100).default(85),
  timeZone: z.string().refine(isTimeZone, 'unknown time zone').default(VILLAGE_TIME_ZONE),
  /** Public holidays (village-local ISO dates): their own day type. */
  holidays: z.array(isoDateSchema).default([]),
  /** No reading for longer than this: the sensor is stale (hourly reports, so 6 missed in a row). */
  staleAfterHours: z.number().positive().default(6),
  /** Readings older than this are ignored: habits drift with seasons, and it bounds the work. */
  historyDays: z.number().positive().default(28),
  /** A drop of this many points between consecutive readings is an emptying. */
  emptyingDropPercent: z.number().positive().default(15),
  /** A drop this soon after a crew's report is the same emptying, not a second one. */
  emptyingMatchHours: z.number().nonnegative().default(3),
  /** A lone reading this far from both neighbours (which agree) is a glitch. */
  glitchPercent: z.number().positive().default(10),
  /** At or above this a bin is full: its flat readings say nothing about the rate or the sensor. */
  saturationPercent: z.number().positive().max(100).default(97),
  /** Flat for this long (and the bin should have filled): the sensor is stuck. */
  stuckAfterHours: z.number().positive().default(12),
  /** "Flat": the readings stay within this many points of each other. */
  stuckTolerancePercent: z.number().nonnegative().default(0.5),
  stuckMinReadings: z.number().int().min(2).default(4),
  /** Flat is only suspicious when the model expected at least this rise meanwhile. */
  stuckMinExpectedRisePercent: z.number().nonnegative().default(3),
  /** Readings of the last hours that set the current level (their median, carried forward). */
  levelWindowHours: z.number().positive().default(6),
  /** Consecutive readings further apart than this are not used for the hour profile or noise. */
  maxGapHours: z.number().positive().default(3),
  /** Shortest day segment (in profile-weighted hours) used for day factors. */
  minSegmentHours: z.number().positive().default(2),
  /** Theil–Sen pairs closer than this (weighted hours) are skipped: noise dominates their slope. */
  minPairHours: z.number().positive().default(3),
  maxPairPoints: z.number().int().min(8).default(48),
  /** Prior weights, in days of the bin's own evidence (see fill-rate.ts and hour-profile.ts). */
  ratePriorDays: z.number().nonnegative().default(1),
  dayFactorPriorDays: z.number().nonnegative().default(0.5),
  hourProfilePriorDays: z.number().nonnegative().default(3),
  spreadPriorDays: z.number().nonnegative().default(3),
  /** Relative day-to-day spread assumed before a bin (or its hamlet) has shown its own. */
  defaultRelativeSpread: z.number().nonnegative().default(0.25),
  /** Floor on the spread: the model is never exact, even on a perfectly regular bin. */
  minRelativeSpread: z.number().nonnegative().default(0.05),
  /** Sensor noise assumed when there are too few readings to measure it, % points. */
  defaultNoiseSdPercent: z.number().positive().default(1.5),
});

export type ForecastSettings = z.infer<typeof forecastSettingsSchema>;
export type ForecastSettingsInput = z.input<typeof forecastSettingsSchema>;

export function parseForecastSettings(input: ForecastSettingsInput): ForecastSettings {
  const result = forecastSettingsSchema.safeParse(input);
  if (!result.success) {
    throw new ValidationError('Forecast settings validation failed', issuesFromZod(result.error.issues));
  }
  return result.data;
}
