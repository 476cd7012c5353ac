/**
 * Energy-scheduler benchmark: our `scheduleLoads` against HiGHS on generated Bạch Đằng scenarios.
 *
 *   npx tsx scripts/bench/loads.ts [--sizes 10,50,200,1000,2000] [--cases lp,milp] [--seed 1]
 *     [--highs-time-limit 600] [--solvers ours,highs] [--json out.json]
 *
 * Each solve runs in its own child process (scripts/bench/loads-run.ts), one after the other, so its
 * peak memory is its own and one solve cannot warm up or slow down the next. Every plan — ours and
 * HiGHS's — is re-checked there by the independent checker (tests/support/load-plan-check.ts).
 * Scenarios are deterministic per seed, so both solvers see the same problem.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createCli } from '../lib/cli.ts';
import { REPO_ROOT, runScript } from '../lib/run-script.ts';
import { printLoadsTable } from './loads-report.ts';
import { BENCH_CASES, type BenchRow, type Outcome, runResultSchema } from './loads-result.ts';

const HELP = `Usage: npx tsx scripts/bench/loads.ts [options]

Generates a load scenario per size and case, solves it with our scheduler and with HiGHS (each in its
own process), checks both plans independently and prints one table.

Options:
  --sizes <n,n,…>          village households (default 10,50,200,1000,2000)
  --cases <list>           lp: interruptible loads only; milp: with water heaters and dryers as blocks;
                           lp-tou, milp-tou: the same with everyone on the three-price tariff (default all four)
  --seed <n>               scenario seed (default 1)
  --highs-time-limit <s>   HiGHS time limit per solve, seconds (default 600)
  --mip-gap <r>            HiGHS relative MIP gap (default 0.01)
  --solvers <list>         ours,highs (default both)
  --json <file>            also write the raw results as JSON
  --help                   show this help
`;

/** A comma-separated flag as an array, validated item by item. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
    z.array(item).min(1),
  );

const optionsSchema = z.object({
  sizes: list(z.coerce.number().int().min(1).max(20_000)).default([10, 50, 200, 1000, 2000]),
  cases: list(z.enum(BENCH_CASES)).default(['lp', 'milp', 'lp-tou', 'milp-tou']),
  seed: z.coerce.number().int().default(1),
  'highs-time-limit': z.coerce.number().positive().default(600),
  'mip-gap': z.coerce.number().min(0).default(0.01),
  solvers: list(z.enum(['ours', 'highs'])).default(['ours', 'highs']),
  json: z.string().min(1).optional(),
});

const cli = createCli('bench:loads');
const { values } = cli.readArgs(
  {
    sizes: { type: 'string' },
    cases: { type: 'string' },
    seed: { type: 'string' },
    'highs-time-limit': { type: 'string' },
    'mip-gap': { type: 'string' },
    solvers: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean' },
  },
  HELP,
);
const options = cli.validOrExit(optionsSchema.safeParse(values));

const RUNNER_SCRIPT = path.join(REPO_ROOT, 'scripts', 'bench', 'loads-run.ts');

async function runChild(args: string[]): Promise<Outcome> {
  const { code, stdout, stderr } = await runScript(RUNNER_SCRIPT, args);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    if (code === 0) return { ok: true, result: runResultSchema.parse(JSON.parse(line)) };
  } catch {
    // fall through to the error report below
  }
  return { ok: false, error: stderr.split('\n').at(-1) || `exit code ${code}` };
}

const rows: BenchRow[] = [];
for (const households of options.sizes) {
  for (const kind of options.cases) {
    const row: BenchRow = { households, case: kind };
    const base = ['--households', String(households), '--case', kind, '--seed', String(options.seed)];
    for (const solver of options.solvers) {
      const extra =
        solver === 'highs'
          ? ['--time-limit', String(options['highs-time-limit']), '--mip-gap', String(options['mip-gap'])]
          : [];
      process.stderr.write(`… ${solver} ${households} households ${kind}\n`);
      row[solver] = await runChild(['--solver', solver, ...base, ...extra]);
    }
    rows.push(row);
  }
}

const command = ['npx tsx scripts/bench/loads.ts', ...process.argv.slice(2)].join(' ');
printLoadsTable(rows, command);
if (options.json) writeFileSync(options.json, `${JSON.stringify({ command, rows }, null, 2)}\n`);
const failed = rows.some((row) =>
  [row.ours, row.highs].some((o) => o !== undefined && (!o.ok || (o.result.violations ?? 0) > 0)),
);
if (failed) {
  console.error('bench:loads: some solves failed or returned plans with violations (see the notes above)');
  process.exitCode = 1;
}
