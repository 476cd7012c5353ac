/**
 * Village routing benchmark: generated collection days of the demo village (4 vehicles, disposal trips,
 * 20 % of bins with time windows, must/may bins with values) planned by `planCollectionRoutes`.
 *
 *   npx tsx scripts/bench/village-routing.ts [options]        (npm run bench:village -- [options])
 *
 * Two parts:
 * - case:  the realistic day (500 bins) over several days: time to the first feasible plan, and the
 *          checked objective at each time limit (0.5 … 10 s) — is it feasible fast, does it improve?
 * - sizes: 250 / 400 / 600 bins at 10 s against a reference. No published best-known costs exist for
 *          these days, so the reference is our own best from much longer runs (village-routing-
 *          reference.ts; recompute with --reference-seconds).
 * Each solve runs in its own process (village-routing-solve.ts); every plan is re-checked here with
 * the independent checker before it counts.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { type Cli, createCli } from '../lib/cli.ts';
import { runAll } from '../lib/run-pool.ts';
import { instanceName } from './village-routing-instance.ts';
import { REFERENCE_RUNS, VILLAGE_REFERENCES } from './village-routing-reference.ts';
import { printCase, printSizes, type VillageRun } from './village-routing-report.ts';
import { benchOne, fingerprint, logged } from './village-routing-runner.ts';

const HELP = `Usage: npx tsx scripts/bench/village-routing.ts [options]

Plans generated village days with planCollectionRoutes, checks every plan independently and prints
the time to the first feasible plan, the objective over time and the 10 s gap to our long-run best.

Options:
  --parts <list>             case,sizes (default both)
  --bins <n>                 bins of the realistic case (default 500)
  --seeds <list>             days (instance seeds) of the realistic case (default 1,2,3,4,5)
  --time-limits <s,s,…>      time limits of the realistic case (default 0.5,1,2,5,10)
  --balance                  plan the realistic case with balance: true (even out the crews' days)
  --sizes <list>             bins of the size runs (default 250,400,600)
  --size-seeds <list>        days per size (default 1,2,3)
  --size-time-limit <s>      time limit of the size runs (default 10)
  --reference-seconds <s>    instead: long runs of the size days, printed as a new reference table
  --reference-seeds <list>   solver seeds of the reference runs (default 1,2,3)
  --solver-seed <n>          solver seed of the case and size runs (default 1)
  --parallel <n>             solves at once, each in its own process (default 1 for clean timing)
  --json <file>              also write the raw results as JSON
  --help                     show this help
`;

const list = (what: string, valid: (x: number) => boolean) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .refine((xs) => xs.length > 0 && xs.every(valid), { message: `must be ${what} separated by commas` });
const positive = (x: number) => Number.isFinite(x) && x > 0;
const count = (x: number) => Number.isInteger(x) && x >= 0;

const optionsSchema = z.object({
  parts: z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()))
    .pipe(z.array(z.enum(['case', 'sizes'])).min(1)),
  bins: z.coerce.number().int().min(1).max(5_000),
  seeds: list('whole numbers', count),
  'time-limits': list('positive numbers of seconds', positive),
  sizes: list('bin counts', (x) => Number.isInteger(x) && x >= 1 && x <= 5_000),
  'size-seeds': list('whole numbers', count),
  'size-time-limit': z.coerce.number().positive(),
  'reference-seconds': z.coerce.number().positive().optional(),
  'reference-seeds': list('whole numbers', count),
  'solver-seed': z.coerce.number().int().min(0),
  parallel: z.coerce
    .number()
    .int()
    .min(1)
    .max(os.cpus().length * 2),
  json: z.string().min(1).optional(),
  balance: z.boolean(),
});
type Options = z.infer<typeof optionsSchema>;

const DEFAULTS: Record<string, string> = {
  parts: 'case,sizes',
  bins: '500',
  seeds: '1,2,3,4,5',
  'time-limits': '0.5,1,2,5,10',
  sizes: '250,400,600',
  'size-seeds': '1,2,3',
  'size-time-limit': '10',
  'reference-seeds': '1,2,3',
  'solver-seed': '1',
  parallel: '1',
};

const cli: Cli = createCli('bench:village');

/** Every option that shaped the figures, spelled out (defaults may change; the command should not). */
function reproduceArgs(o: Options): string[] {
  if (o['reference-seconds'] !== undefined) {
    return [
      `--reference-seconds ${o['reference-seconds']}`,
      `--reference-seeds ${o['reference-seeds'].join(',')}`,
      `--sizes ${o.sizes.join(',')}`,
      `--size-seeds ${o['size-seeds'].join(',')}`,
      `--parallel ${o.parallel}`,
    ];
  }
  const args = [`--parts ${o.parts.join(',')}`];
  if (o.parts.includes('case'))
    args.push(
      `--bins ${o.bins}`,
      `--seeds ${o.seeds.join(',')}`,
      `--time-limits ${o['time-limits'].join(',')}`,
      ...(o.balance ? ['--balance'] : []),
    );
  if (o.parts.includes('sizes')) {
    args.push(
      `--sizes ${o.sizes.join(',')}`,
      `--size-seeds ${o['size-seeds'].join(',')}`,
      `--size-time-limit ${o['size-time-limit']}`,
    );
  }
  args.push(`--solver-seed ${o['solver-seed']}`, `--parallel ${o.parallel}`);
  return args;
}

function parseOptions(): Options {
  const names = [...Object.keys(DEFAULTS), 'reference-seconds', 'json'];
  const { values } = cli.readArgs(
    {
      ...Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
      balance: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP,
  );
  const raw = Object.fromEntries(names.map((n) => [n, values[n] ?? DEFAULTS[n]]));
  return cli.validOrExit(optionsSchema.safeParse({ ...raw, balance: values.balance === true }));
}

async function referenceRuns(options: Options, seconds: number): Promise<VillageRun[]> {
  const jobs = options.sizes.flatMap((bins) =>
    options['size-seeds'].flatMap((seed) =>
      options['reference-seeds'].map(
        (solverSeed) => async () => logged(await benchOne('reference', bins, seed, seconds, solverSeed)),
      ),
    ),
  );
  const runs = await runAll(jobs, options.parallel);
  console.log(`\n## Reference: best of ${options['reference-seeds'].length} runs × ${seconds} s per day\n`);
  const entries: string[] = [];
  for (const bins of options.sizes) {
    for (const seed of options['size-seeds']) {
      const own = runs.filter((r) => r.bins === bins && r.seed === seed && r.objectiveVnd !== undefined);
      const costs = own.map((r) => Math.round(r.objectiveVnd!));
      if (costs.length === 0) continue;
      const best = Math.min(...costs);
      console.log(`${instanceName(bins, seed)}: best ${best} of [${costs.join(', ')}]`);
      entries.push(
        `  '${instanceName(bins, seed)}': { objectiveVnd: ${best}, fingerprint: '${fingerprint(bins, seed)}' },`,
      );
    }
  }
  console.log(
    `\nFor village-routing-reference.ts:\nexport const REFERENCE_RUNS = { seconds: ${seconds}, seeds: [${options['reference-seeds'].join(', ')}], measured: '${new Date().toISOString().slice(0, 10)}' };\n` +
      `export const VILLAGE_REFERENCES = {\n${entries.join('\n')}\n};`,
  );
  return runs;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const cpus = os.cpus();
  console.log(
    `# village routing benchmark: demo village (4 vehicles), planCollectionRoutes, solver seed ${options['solver-seed']}, parallel ${options.parallel}\n` +
      `# ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, Node ${process.version}; every plan re-checked by the independent checker`,
  );
  const all: VillageRun[] = [];
  const refSeconds = options['reference-seconds'];
  if (refSeconds !== undefined) {
    all.push(...(await referenceRuns(options, refSeconds)));
  } else {
    if (options.parts.includes('case')) {
      const jobs = options.seeds.flatMap((seed) =>
        options['time-limits'].map(
          (t) => async () =>
            logged(await benchOne('case', options.bins, seed, t, options['solver-seed'], options.balance)),
        ),
      );
      const runs = await runAll(jobs, options.parallel);
      const balanced = options.balance ? ', balance on' : '';
      console.log(
        `\n## Realistic case: ${options.bins} bins, 4 vehicles${balanced}, ${options.seeds.length} days\n`,
      );
      printCase(runs, options['time-limits']);
      all.push(...runs);
    }
    if (options.parts.includes('sizes')) {
      const t = options['size-time-limit'];
      const jobs = options.sizes.flatMap((bins) =>
        options['size-seeds'].map((seed) => async () => {
          const run = logged(await benchOne('sizes', bins, seed, t, options['solver-seed']));
          const ref = VILLAGE_REFERENCES[run.instance];
          if (!ref || run.objectiveVnd === undefined) return run;
          if (ref.fingerprint !== fingerprint(bins, seed))
            return { ...run, error: 'reference is for another day (generator changed): recompute it' };
          const gapPercent = (100 * (run.objectiveVnd - ref.objectiveVnd)) / ref.objectiveVnd;
          return { ...run, referenceVnd: ref.objectiveVnd, gapPercent };
        }),
      );
      const runs = await runAll(jobs, options.parallel);
      console.log(`\n## Sizes at ${t} s\n`);
      printSizes(
        runs,
        REFERENCE_RUNS.seconds > 0
          ? `reference = OUR OWN best objective from ${REFERENCE_RUNS.runsPerDay} runs × ${REFERENCE_RUNS.seconds} s per day (solver seeds ${REFERENCE_RUNS.seeds.join(', ')}, measured ${REFERENCE_RUNS.measured}; see village-routing-reference.ts); not a published best-known`
          : 'no reference stored yet: run with --reference-seconds 60',
      );
      all.push(...runs);
    }
  }
  if (options.json) {
    const machine = { cpu: cpus[0]?.model, cores: cpus.length, node: process.version };
    writeFileSync(options.json, `${JSON.stringify({ options, machine, results: all }, null, 2)}\n`);
    console.log(`\nraw results: ${options.json}`);
  }
  console.log(`\nreproduce: npx tsx scripts/bench/village-routing.ts ${reproduceArgs(options).join(' ')}`);
  process.exitCode = all.some((r) => r.error !== undefined) ? 1 : 0;
}

main().catch((error: unknown) => cli.fail(error instanceof Error ? error.message : String(error), 1));
