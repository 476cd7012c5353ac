/**
 * Solves one CVRPLIB instance and prints exactly one JSON object on stdout:
 *
 *   {"cost": 784, "routes": [[22, 32, 20, …], …], "elapsedMs": 10012}
 *
 * Node ids are the file's own, the depot excluded. The cost is not the solver's word: the independent
 * checker recomputes it from the routes, and any violation (or disagreement with the solver's own
 * cost) makes the exit code 1. Progress goes to stderr. A thin adapter: parse → solve → check → map.
 * The benchmark (scripts/bench/routing.ts) runs this in a child process per solve.
 */

import { readFileSync } from 'node:fs';
import {
  checkPlan,
  createProblem,
  formatViolation,
  nodeRoutesFromPlan,
  parseCvrplib,
  solve,
} from '@village/solver';
import { z } from 'zod';
import { type Cli, createCli } from './lib/cli.ts';

const HELP = `Usage: npm run -s solve:vrp -- <instance.vrp> [options]

Solves a CVRPLIB instance (TSPLIB format, EUC_2D, rounded distances, unlimited fleet) and prints
{"cost": <integer>, "routes": [[<node id>, …], …], "elapsedMs": <number>} on stdout. Node ids are
as numbered in the file, depot excluded. Progress (best cost over time) goes to stderr.

Options:
  --time-limit <seconds>  wall-clock limit of the search (default 10)
  --seed <n>              random seed, an integer ≥ 0 (default 1); same seed and limit → same search
  --help                  show this help

Exit codes: 0 solved and checked, 1 the instance is malformed or the independent checker rejects
the solution, 2 bad command line.
`;

const optionsSchema = z.object({
  instance: z.string().min(1),
  'time-limit': z.coerce.number().positive().max(86_400),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
});

const cli: Cli = createCli('solve-vrp');
const fail: Cli['fail'] = cli.fail;

const ARGS = {
  options: {
    'time-limit': { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: true,
} as const;

function parseOptions(): z.infer<typeof optionsSchema> {
  const { values, positionals } = cli.readArgs(ARGS.options, HELP, true);
  if (positionals.length !== 1) {
    fail(`expected exactly one instance file, got ${positionals.length} (see --help)`, 2);
  }
  const result = optionsSchema.safeParse({
    instance: positionals[0],
    'time-limit': values['time-limit'] ?? 10,
    seed: values.seed ?? 1,
  });
  return cli.validOrExit(result, (option) => (option === 'instance' ? 'instance' : `option --${option}`));
}

function main(): void {
  const options = parseOptions();
  let text: string;
  try {
    text = readFileSync(options.instance, 'utf8');
  } catch (error) {
    fail(`cannot read instance ${options.instance}: ${error instanceof Error ? error.message : error}`, 2);
  }
  let instance: ReturnType<typeof parseCvrplib>;
  try {
    instance = parseCvrplib(text);
  } catch (error) {
    fail(`${options.instance}: ${error instanceof Error ? error.message : error}`, 1);
  }
  const problem = createProblem(instance.input);
  console.error(
    `solve-vrp: ${instance.name || options.instance}, ${problem.numClients} clients, capacity ${instance.capacity}, ` +
      `time limit ${options['time-limit']} s, seed ${options.seed}`,
  );

  // stdout carries exactly one JSON object: anything the solver logs goes to stderr instead.
  console.log = console.error;
  console.info = console.error;

  const started = performance.now();
  const result = solve(problem, {
    seed: options.seed,
    timeLimitMs: options['time-limit'] * 1000,
    onProgress: (p) =>
      console.error(
        `solve-vrp: ${(p.elapsedMs / 1000).toFixed(2).padStart(8)} s  best ${p.bestCost}  (iteration ${p.iteration})`,
      ),
  });
  const elapsedMs = performance.now() - started;

  // Empty routes are vehicles left at the depot; CVRPLIB solutions do not list them.
  const plan = {
    routes: result.routes
      .filter((r) => r.visits.length > 0)
      .map((r) => ({ vehicleType: r.vehicleType, visits: [...r.visits] })),
  };
  const check = checkPlan(problem, plan);
  const cost = Math.abs(check.cost - Math.round(check.cost)) < 1e-6 ? Math.round(check.cost) : check.cost;
  process.stdout.write(
    `${JSON.stringify({ cost, routes: nodeRoutesFromPlan(instance, plan), elapsedMs: Math.round(elapsedMs) })}\n`,
  );

  let ok = true;
  for (const v of check.violations) {
    console.error(`solve-vrp: VIOLATION ${formatViolation(v, (l) => `node ${instance.nodeIds[l]}`)}`);
    ok = false;
  }
  if (Math.abs(result.cost - check.cost) > 1e-6 * Math.max(1, Math.abs(check.cost))) {
    console.error(`solve-vrp: the solver reports cost ${result.cost}, the independent checker ${check.cost}`);
    ok = false;
  }
  console.error(
    `solve-vrp: ${ok ? 'checked' : 'REJECTED'}: cost ${cost}, ${plan.routes.length} routes, ` +
      `${(elapsedMs / 1000).toFixed(2)} s`,
  );
  process.exitCode = ok ? 0 : 1;
}

try {
  main();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 1);
}
