/**
 * One solve of the load-scheduling benchmark in its own process, so that its peak memory
 * (`process.resourceUsage().maxRSS`) belongs to that solver alone. Generates the scenario, runs our
 * `scheduleLoads` or HiGHS, checks the plan with the independent checker and prints one JSON line.
 *
 *   tsx scripts/bench/loads-run.ts --solver ours|highs --households 200 --case lp|milp [--seed 1]
 *     [--time-limit <s>] [--mip-gap 0.01] [--api sparse|lp-text]
 */
import type { LoadPlan, LoadScenario } from '@village/domain';
import { loadPlanSchema } from '@village/domain';
import { generateLoadScenario, importPrices, SCENARIO_DAY } from '@village/simulation';
import { z } from 'zod';
import { checkLoadPlan } from '../../tests/support/load-plan-check.ts';
import { createCli } from '../lib/cli.ts';
import { loadHighs, solveWithHighs } from './loads-highs.ts';
import { BENCH_CASES, type RunResult } from './loads-result.ts';

const HELP = `Usage: tsx scripts/bench/loads-run.ts --solver ours|highs --households <n> --case lp|milp|lp-tou|milp-tou [options]

Options:
  --seed <n>          scenario seed (default 1)
  --time-limit <s>    time limit for the solver, seconds (default: none)
  --mip-gap <r>       HiGHS relative MIP gap (default 0.01)
  --api <name>        HiGHS API: sparse (default) or lp-text
  --help              show this help
`;

type ScheduleLoads = (scenario: LoadScenario, options?: { timeLimitMs?: number }) => LoadPlan;

const cli = createCli('bench:loads run');
const optionsSchema = z.object({
  solver: z.enum(['ours', 'highs']),
  households: z.coerce.number().int().min(1).max(20_000),
  case: z.enum(BENCH_CASES),
  seed: z.coerce.number().int().default(1),
  'time-limit': z.coerce.number().positive().optional(),
  'mip-gap': z.coerce.number().min(0).default(0.01),
  api: z.enum(['sparse', 'lp-text']).default('sparse'),
});
const { values } = cli.readArgs(
  {
    solver: { type: 'string' },
    households: { type: 'string' },
    case: { type: 'string' },
    seed: { type: 'string' },
    'time-limit': { type: 'string' },
    'mip-gap': { type: 'string' },
    api: { type: 'string' },
    help: { type: 'boolean' },
  },
  HELP,
);
const options = cli.validOrExit(optionsSchema.safeParse(values));

const scenario = generateLoadScenario({
  households: options.households,
  nonInterruptible: options.case.startsWith('milp'),
  seed: options.seed,
});
if (options.case.endsWith('-tou')) {
  // Everyone on the three-price tariff: moving a load out of a cheap slot now costs money, so meeting
  // the limit is no longer free (with flat residential prices it usually is).
  const tou = importPrices('production-tou', SCENARIO_DAY.startMinute, scenario.slotMinutes, scenario.slots);
  for (const household of scenario.households) household.importPrice = tou;
}
const loads = scenario.households.flatMap((household) => household.loads);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const rssBeforeSolveMb = mb(process.memoryUsage().rss);

const common = {
  solver: options.solver,
  households: options.households,
  case: options.case,
  connections: scenario.households.length,
  loads: loads.length,
  blocks: loads.filter((load) => !load.interruptible).length,
  transformerKw: scenario.transformerKw,
};
async function ourSolver(): Promise<ScheduleLoads> {
  const solver: Record<string, unknown> = await import('@village/solver');
  const scheduleLoads = solver.scheduleLoads;
  if (typeof scheduleLoads !== 'function') {
    return cli.fail('@village/solver does not export scheduleLoads yet (packages/solver/src/energy)', 3);
  }
  return scheduleLoads as ScheduleLoads;
}

type Outcome = Omit<RunResult, 'peakRssMb' | 'rssBeforeSolveMb' | keyof typeof common>;

async function run(): Promise<Outcome> {
  const timeLimitS = options['time-limit'];
  if (options.solver === 'ours') {
    const scheduleLoads = await ourSolver();
    const start = performance.now();
    const output = scheduleLoads(
      scenario,
      timeLimitS !== undefined ? { timeLimitMs: timeLimitS * 1000 } : {},
    );
    const wallMs = performance.now() - start;
    const parsed = loadPlanSchema.safeParse(output);
    if (!parsed.success)
      return cli.fail(`scheduleLoads returned a malformed plan: ${parsed.error.message}`, 1);
    const plan = parsed.data;
    const violations = checkLoadPlan(scenario, plan);
    return {
      status: plan.status,
      objective: plan.objective,
      lowerBound: plan.lowerBound,
      gapPercent: plan.gapPercent,
      elapsedMs: plan.elapsedMs,
      wallMs,
      violations: violations.length,
      firstViolations: violations.slice(0, 5),
    };
  }
  const highs = await loadHighs();
  const start = performance.now();
  const result = solveWithHighs(highs, scenario, {
    mipRelGap: options['mip-gap'],
    api: options.api,
    ...(timeLimitS !== undefined ? { timeLimitS } : {}),
  });
  const wallMs = performance.now() - start;
  // HiGHS's own solution goes through the same checker: it validates the reference model too.
  const violations = result.households
    ? checkLoadPlan(
        scenario,
        {
          objective: result.objective,
          lowerBound: result.dualBound,
          gapPercent: result.gapPercent,
          status: 'optimal',
          peakKw: 0,
          transformerKw: scenario.transformerKw,
          overloads: [],
          unmanaged: { objective: 0, peakKw: 0, overloads: [] },
          households: result.households,
          elapsedMs: result.buildMs + result.solveMs,
        },
        { reportedFigures: false },
      )
    : undefined;
  return {
    status: result.status,
    objective: Number.isFinite(result.objective) ? result.objective : null,
    lowerBound: Number.isFinite(result.dualBound) ? result.dualBound : null,
    gapPercent: Number.isFinite(result.gapPercent) ? result.gapPercent : null,
    elapsedMs: result.buildMs + result.solveMs,
    wallMs,
    violations: violations?.length ?? null,
    firstViolations: violations?.slice(0, 5) ?? [],
    note: `${result.api}: ${result.columns} columns (${result.integers} integer), ${result.rows} rows, ${result.nonzeros} nonzeros`,
  };
}

const outcome = await run();
// maxRSS is in kilobytes.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 100) / 10;
const result: RunResult = { ...common, ...outcome, peakRssMb, rssBeforeSolveMb };
process.stdout.write(`${JSON.stringify(result)}\n`);
