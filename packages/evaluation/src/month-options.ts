import { isoDateSchema } from '@village/domain';
import * as z from 'zod';

/**
 * What one simulated month is: the demo village (by seed and size), the measured days, the warm-up
 * before them, and the solvers' budgets. Defaults are the figures in docs/results.md.
 *
 * The default start is a dry-season Monday (2026-03-16) with no public holiday in the warm-ups or
 * the 28 measured days: the planners get no holiday list here, and the simulation's holidays (Tết,
 * 30/4) would otherwise be days they could not know about.
 */
export const monthOptionsSchema = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  days: z.number().int().min(1).max(60).default(28),
  startDate: isoDateSchema.default('2026-03-16'),
  village: z
    .object({
      households: z.number().int().min(1).max(20_000).optional(),
      bins: z.number().int().min(1).max(5_000).optional(),
      vehicles: z.number().int().min(1).max(20).optional(),
    })
    .default({}),
  waste: z
    .object({
      /** Days under the fixed schedule before measuring, so the forecaster has history. */
      warmupDays: z.number().int().min(1).max(28).default(7),
      /** Routing budget per plan, ms: 28 days × 3 policies must fit the 5-minute run. */
      routingTimeLimitMs: z.number().int().min(50).max(60_000).default(1_200),
      /** The fixed round's N for home and public bins (see fixed-schedule.ts); the warm-up always runs 2. */
      fixedEveryDays: z.number().int().min(1).max(7).default(2),
    })
    .default({ warmupDays: 7, routingTimeLimitMs: 1_200, fixedEveryDays: 2 }),
  energy: z
    .object({
      /** Days of meter history from today's practice (loads at will) before the first plan. */
      historyDays: z.number().int().min(3).max(28).default(14),
      /** Energy scheduler budget per plan, ms. */
      timeLimitMs: z.number().int().min(50).max(60_000).default(3_000),
      /**
       * Local minute each day's plan horizon starts (the plan is made at 18:00 the evening before).
       * Noon by default: every window of the demo village's loads but the dryers' then fits one
       * horizon, chargers included (17:30 → 06:30); from midnight they are cut at 24:00.
       */
      horizonStartMinute: z.number().int().min(0).max(1425).multipleOf(15).default(720),
    })
    .default({ historyDays: 14, timeLimitMs: 3_000, horizonStartMinute: 720 }),
});

export type MonthOptionsInput = z.input<typeof monthOptionsSchema>;
export type MonthOptions = z.output<typeof monthOptionsSchema>;

/** Progress lines for people (the script writes them to stderr). */
export type Progress = (message: string) => void;
