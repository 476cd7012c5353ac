import { z } from 'zod';

/** lp/milp: the demo village's tariffs; -tou: everyone on the three-price tariff (the limit costs money). */
export const BENCH_CASES = ['lp', 'milp', 'lp-tou', 'milp-tou'] as const;
export type BenchCase = (typeof BENCH_CASES)[number];

/** What one benchmark solve (scripts/bench/loads-run.ts, its own process) prints as a JSON line. */
export const runResultSchema = z.object({
  solver: z.enum(['ours', 'highs']),
  households: z.number(),
  case: z.enum(BENCH_CASES),
  connections: z.number(),
  loads: z.number(),
  blocks: z.number(),
  transformerKw: z.number(),
  status: z.string(),
  objective: z.number().nullable(),
  lowerBound: z.number().nullable(),
  gapPercent: z.number().nullable(),
  /** ours: the plan's elapsedMs; HiGHS: building the model plus solving it. */
  elapsedMs: z.number(),
  /** Wall time around the solver call, ms. */
  wallMs: z.number(),
  peakRssMb: z.number(),
  /** RSS once the scenario is generated, before the solver starts: the part of the peak that is not the solver's. */
  rssBeforeSolveMb: z.number(),
  violations: z.number().nullable(),
  firstViolations: z.array(z.string()),
  note: z.string().optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export type Outcome = { ok: true; result: RunResult } | { ok: false; error: string };

/** One size and case of the benchmark: each solver's outcome (absent when not asked for). */
export interface BenchRow {
  households: number;
  case: BenchCase;
  ours?: Outcome;
  highs?: Outcome;
}
