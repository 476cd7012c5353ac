/**
 * Routing benchmark: CVRPLIB instances (X set + classics) against their best-known solutions.
 *
 *   npm run bench:routing -- [--time-limits 1,5,30] [--instances 'X-n1*,P-n16-k8'] [--seed 1] [--parallel 1] [--json out.json]
 *
 * Each solve runs in its own child process (`node --import tsx scripts/solve-vrp.ts`), exactly what a
 * user runs, so one solve cannot warm up or slow down another and a crash is contained. The solver is
 * single-threaded: --parallel 2 uses both cores of the reference machine but shares memory bandwidth,
 * so keep the default 1 for numbers you publish. Every solution is re-checked here with the
 * independent checker (feasibility, each client exactly once, cost recomputed from the node ids)
 * before its gap counts; a run that fails any of this is reported and left out of the means.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CvrplibInstance } from '@village/solver';
import { checkPlan, createProblem, formatViolation, parseCvrplib, planFromNodeRoutes } from '@village/solver';
import { z } from 'zod';
import { type Cli, createCli } from '../lib/cli.ts';
import { runAll } from '../lib/run-pool.ts';
import { REPO_ROOT, runScript } from '../lib/run-script.ts';
import { printTable, type RunResult } from './routing-report.ts';

const HELP = `Usage: npm run bench:routing -- [options]

Solves CVRPLIB instances from ../shared/bench/cvrplib at each time limit, checks every solution
independently and prints the gap to the best-known solution (bks.json).

Options:
  --time-limits <s,s,…>   time limits in seconds (default 1,5,30)
  --instances <list>      comma-separated names or globs, e.g. 'X-n1*,P-n16-k8' (default: all)
  --seed <n>              solver seed (default 1)
  --parallel <n>          solves at once, each in its own process (default 1 for clean timing)
  --json <file>           also write the raw results as JSON
  --help                  show this help
`;

const DIR = path.resolve('..', 'shared', 'bench', 'cvrplib');
const SOLVER_SCRIPT = path.join(REPO_ROOT, 'scripts', 'solve-vrp.ts');

const optionsSchema = z.object({
  'time-limits': z
    .string()
    .transform((s) => s.split(',').map((t) => Number(t.trim())))
    .refine((list) => list.length > 0 && list.every((t) => Number.isFinite(t) && t > 0), {
      message: 'must be positive numbers of seconds separated by commas, e.g. 1,5,30',
    }),
  instances: z.string().min(1).optional(),
  seed: z.coerce.number().int().min(0),
  parallel: z.coerce
    .number()
    .int()
    .min(1)
    .max(os.cpus().length * 2),
  json: z.string().min(1).optional(),
});
type Options = z.infer<typeof optionsSchema>;

const bksSchema = z
  .object({ source: z.string().optional(), convention: z.string().optional() })
  .catchall(z.number().positive());

const outputSchema = z.object({
  cost: z.number().int(),
  routes: z.array(z.array(z.number().int())),
  elapsedMs: z.number().nonnegative(),
});

const cli: Cli = createCli('bench:routing');
const fail: Cli['fail'] = cli.fail;

function parseOptions(): Options {
  const { values } = cli.readArgs(
    {
      'time-limits': { type: 'string' },
      instances: { type: 'string' },
      seed: { type: 'string' },
      parallel: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP,
  );
  const parsed = optionsSchema.safeParse({
    'time-limits': values['time-limits'] ?? '1,5,30',
    instances: values.instances,
    seed: values.seed ?? 1,
    parallel: values.parallel ?? 1,
    json: values.json,
  });
  return cli.validOrExit(parsed);
}

const globRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** Instance names to run: classics first, then the X set, each by size. */
function selectInstances(filter: string | undefined): string[] {
  const all = readdirSync(DIR)
    .filter((f) => f.endsWith('.vrp'))
    .map((f) => f.slice(0, -'.vrp'.length));
  let chosen = all;
  if (filter) {
    const patterns = filter.split(',').map((p) => p.trim().replace(/\.vrp$/, ''));
    for (const p of patterns) {
      if (!all.some((name) => globRegExp(p).test(name))) {
        fail(`invalid option --instances: "${p}" matches no instance in ${DIR}`, 2);
      }
    }
    chosen = all.filter((name) => patterns.some((p) => globRegExp(p).test(name)));
  }
  const size = (name: string) => Number(/-n(\d+)/.exec(name)?.[1] ?? 0);
  const isX = (name: string) => name.startsWith('X-');
  return chosen.sort((a, b) => Number(isX(a)) - Number(isX(b)) || size(a) - size(b) || a.localeCompare(b));
}

/** Runs the CLI in a child process; resolves with its stdout, stderr tail and exit code. */
async function runSolver(file: string, timeLimit: number, seed: number) {
  // A solve that overruns its limit this much is hung, not slow.
  const run = await runScript(
    SOLVER_SCRIPT,
    [file, '--time-limit', String(timeLimit), '--seed', String(seed)],
    timeLimit * 2000 + 60_000,
  );
  return {
    code: run.code,
    stdout: run.stdout,
    stderrTail: run.stderr.split('\n').slice(-8).join('\n'),
    wallMs: run.wallMs,
  };
}

const instances = new Map<string, CvrplibInstance>();
function loadInstance(name: string): CvrplibInstance {
  let instance = instances.get(name);
  if (!instance) {
    instance = parseCvrplib(readFileSync(path.join(DIR, `${name}.vrp`), 'utf8'));
    instances.set(name, instance);
  }
  return instance;
}

/** Solve one instance and verify the answer independently of the CLI's own check. */
async function benchOne(name: string, timeLimit: number, seed: number, bks: number | undefined) {
  const instance = loadInstance(name);
  const clients = instance.input.clients.length;
  const run = await runSolver(path.join(DIR, `${name}.vrp`), timeLimit, seed);
  const base: RunResult = { timeLimit, instance: name, clients, bks, wallMs: run.wallMs };
  // Progress lines say nothing about a failure; keep the rest of the solver's last words.
  const said = run.stderrTail
    .split('\n')
    .filter((line) => !/ best \d/.test(line))
    .join(' | ');
  let output: z.infer<typeof outputSchema>;
  try {
    output = outputSchema.parse(JSON.parse(run.stdout));
  } catch {
    return { ...base, error: `exit ${run.code}, no valid JSON on stdout: ${said}` };
  }
  const problems: string[] = [];
  try {
    const check = checkPlan(createProblem(instance.input), planFromNodeRoutes(instance, output.routes));
    problems.push(...check.violations.map((v) => formatViolation(v, (l) => `node ${instance.nodeIds[l]}`)));
    if (check.cost !== output.cost) problems.push(`reported cost ${output.cost}, recomputed ${check.cost}`);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (problems.length > 0) return { ...base, error: problems.slice(0, 3).join('; ') };
  if (run.code !== 0) return { ...base, error: `exit ${run.code}: ${said}` };
  return {
    ...base,
    cost: output.cost,
    elapsedMs: output.elapsedMs,
    routes: output.routes.length,
    gapPercent: bks === undefined ? undefined : (100 * (output.cost - bks)) / bks,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const names = selectInstances(options.instances);
  const bksParsed = bksSchema.safeParse(JSON.parse(readFileSync(path.join(DIR, 'bks.json'), 'utf8')));
  if (!bksParsed.success) fail(`bks.json: ${bksParsed.error.issues[0]?.message ?? 'invalid'}`, 1);
  const { source: _source, convention: _convention, ...bks } = bksParsed.data;
  for (const name of names) loadInstance(name); // malformed files fail here, before any solving

  const cpus = os.cpus();
  console.log(
    `# routing benchmark: ${names.length} CVRPLIB instances, seed ${options.seed}, parallel ${options.parallel}\n` +
      `# ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, Node ${process.version}; ` +
      `gap = 100·(cost − BKS)/BKS, n = clients, seconds = solver time reported by the CLI`,
  );

  const all: RunResult[] = [];
  for (const timeLimit of options['time-limits']) {
    const jobs = names.map((name) => async () => {
      const r = await benchOne(name, timeLimit, options.seed, bks[name] as number | undefined);
      const status = r.error === undefined ? `${r.cost} (${r.gapPercent?.toFixed(2) ?? '—'} %)` : 'FAILED';
      console.error(`bench:routing: ${timeLimit} s ${name}: ${status}`);
      return r;
    });
    const results = await runAll(jobs, options.parallel);
    all.push(...results);
    printTable(timeLimit, results);
  }

  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify({ options, machine: { cpu: cpus[0]?.model, cores: cpus.length, node: process.version }, results: all }, null, 2)}\n`,
    );
    console.log(`\nraw results: ${options.json}`);
  }
  const args = [
    `--time-limits ${options['time-limits'].join(',')}`,
    ...(options.instances ? [`--instances '${options.instances}'`] : []),
    `--seed ${options.seed}`,
    `--parallel ${options.parallel}`,
  ];
  console.log(`\nreproduce: npm run bench:routing -- ${args.join(' ')}`);
  process.exitCode = all.some((r) => r.error !== undefined) ? 1 : 0;
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
