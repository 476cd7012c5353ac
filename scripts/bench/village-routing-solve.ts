/**
 * One solve of the village routing benchmark, in its own process (village-routing.ts spawns it):
 * builds the day, runs `planCollectionRoutes` with the time limit and prints exactly one JSON line on
 * stdout — the plan, the wall time of the whole pipeline and when the search first held a feasible plan.
 *
 *   npx tsx scripts/bench/village-routing-solve.ts --bins 500 --instance 1 --time-limit 2 [--seed 1] [--balance]
 */
import { planCollectionRoutes } from '@village/solver';
import { z } from 'zod';
import { type Cli, createCli } from '../lib/cli.ts';
import { benchInstance } from './village-routing-instance.ts';

const HELP = `Usage: npx tsx scripts/bench/village-routing-solve.ts --bins <n> --instance <seed> --time-limit <s> [--seed <n>] [--balance]

Plans one generated village day and prints {wallMs, firstFeasibleMs, progress, plan} as one JSON line.
`;

const optionsSchema = z.object({
  bins: z.coerce.number().int().min(1).max(5_000),
  instance: z.coerce.number().int().min(0),
  'time-limit': z.coerce.number().positive().max(3_600),
  seed: z.coerce.number().int().min(0),
});

const cli: Cli = createCli('village-routing-solve');

function main(): void {
  const { values } = cli.readArgs(
    {
      bins: { type: 'string' },
      instance: { type: 'string' },
      'time-limit': { type: 'string' },
      seed: { type: 'string' },
      balance: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP,
  );
  const options = cli.validOrExit(
    optionsSchema.safeParse({
      bins: values.bins,
      instance: values.instance,
      'time-limit': values['time-limit'],
      seed: values.seed ?? 1,
    }),
  );
  const input = benchInstance(options.bins, options.instance, values.balance === true);
  // stdout carries exactly one JSON object.
  console.log = console.error;
  const progress: [number, number][] = [];
  const started = performance.now();
  const plan = planCollectionRoutes(input, {
    timeLimitMs: options['time-limit'] * 1000,
    seed: options.seed,
    onProgress: (p) => progress.push([performance.now() - started, p.bestCost]),
  });
  const wallMs = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ wallMs, firstFeasibleMs: progress[0]?.[0] ?? null, progress, plan })}\n`,
  );
}

try {
  main();
} catch (error) {
  cli.fail(error instanceof Error ? error.message : String(error), 1);
}
