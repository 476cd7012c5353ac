/**
 * The evidence: the demo village through simulated weeks under the service's daily plans and
 * under today's practice. Prints one JSON object with --json (the shape plus `extra`), tables
 * otherwise; progress goes to stderr.
 *
 *   npm run simulate:month -- --seed 1 --days 28 --json
 *
 * The waste and energy halves share nothing but the village, so they run on two worker threads (this
 * same file, started with `workerData`); --sequential keeps them in one thread.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isoDateSchema, type TariffBook, tariffBookSchema } from '@village/domain';
import {
  buildMonthReport,
  demoVillageFor,
  type EnergyPart,
  formatMonthTable,
  type MonthOptions,
  monthOptionsSchema,
  simulateEnergy,
  simulateWaste,
  type WastePart,
} from '@village/evaluation';
import { z } from 'zod';
import { createCli } from './lib/cli.ts';

const HELP = `Usage: npm run -s simulate:month -- [options]

Runs the demo village through simulated days: bins fill and meters follow households, the service
plans each morning (waste, 05:00) and evening (energy, 18:00) from telemetry only, crews and
households follow the plans; the same days under today's practice are the baselines.

Options:
  --seed <n>                    village and simulation seed (default 1)
  --days <n>                    measured days, 1–60 (default 28)
  --json                        print the result as one JSON object (the issue's shape plus "extra")
  --start <YYYY-MM-DD>          first measured day (default 2026-03-16, a dry-season Monday)
  --households <n>              demo village size (default 1,500)
  --bins <n>                    demo village bins (default 300)
  --routing-time-limit <s>      routing budget per waste plan, seconds (default 1.2)
  --fixed-every-days <n>        the fixed round's N for home and public bins (default 2)
  --energy-time-limit <s>       energy scheduler budget per plan, seconds (default 3)
  --energy-horizon-start <HH:MM>  local time each day's energy plan horizon starts (default 12:00)
  --sequential                  run waste and energy in this thread, one after the other
  --help                        show this help

Exit codes: 0 done, 1 the simulation failed, 2 bad command line.
`;

const clockSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):(00|15|30|45)$/, 'must be HH:MM on a quarter hour')
  .transform((clock) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3)));

const flagsSchema = z.object({
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  days: z.coerce.number().int().min(1).max(60),
  start: isoDateSchema.optional(),
  households: z.coerce.number().int().min(1).max(20_000).optional(),
  bins: z.coerce.number().int().min(1).max(5_000).optional(),
  'routing-time-limit': z.coerce.number().positive().max(60),
  'fixed-every-days': z.coerce.number().int().min(1).max(7),
  'energy-time-limit': z.coerce.number().positive().max(60),
  'energy-horizon-start': clockSchema,
});

type Part = { kind: 'waste'; part: WastePart } | { kind: 'energy'; part: EnergyPart };
type WorkerMessage = { type: 'progress'; message: string } | { type: 'done'; result: Part };

function tariffBook(): TariffBook {
  return tariffBookSchema.parse(
    JSON.parse(readFileSync(new URL('../data/tariffs/evn.json', import.meta.url), 'utf8')),
  );
}

function runPart(kind: Part['kind'], options: MonthOptions, progress: (message: string) => void): Part {
  return kind === 'waste'
    ? { kind, part: simulateWaste(options, progress) }
    : { kind, part: simulateEnergy(options, tariffBook(), progress) };
}

if (!isMainThread) {
  const { kind, options } = workerData as { kind: Part['kind']; options: MonthOptions };
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  post({ type: 'done', result: runPart(kind, options, (message) => post({ type: 'progress', message })) });
} else {
  await main();
}

async function main(): Promise<void> {
  const cli = createCli('simulate:month');
  const { values } = cli.readArgs(
    {
      seed: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean' },
      start: { type: 'string' },
      households: { type: 'string' },
      bins: { type: 'string' },
      'routing-time-limit': { type: 'string' },
      'fixed-every-days': { type: 'string' },
      'energy-time-limit': { type: 'string' },
      'energy-horizon-start': { type: 'string' },
      sequential: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP,
  );
  const flags = cli.validOrExit(
    flagsSchema.safeParse({
      seed: values.seed ?? 1,
      days: values.days ?? 28,
      start: values.start,
      households: values.households,
      bins: values.bins,
      'routing-time-limit': values['routing-time-limit'] ?? 1.2,
      'fixed-every-days': values['fixed-every-days'] ?? 2,
      'energy-time-limit': values['energy-time-limit'] ?? 3,
      'energy-horizon-start': values['energy-horizon-start'] ?? '12:00',
    }),
  );
  const options = monthOptionsSchema.parse({
    seed: flags.seed,
    days: flags.days,
    ...(flags.start ? { startDate: flags.start } : {}),
    village: {
      ...(flags.households !== undefined ? { households: flags.households } : {}),
      ...(flags.bins !== undefined ? { bins: flags.bins } : {}),
    },
    waste: {
      routingTimeLimitMs: Math.round(flags['routing-time-limit'] * 1000),
      fixedEveryDays: flags['fixed-every-days'],
    },
    energy: {
      timeLimitMs: Math.round(flags['energy-time-limit'] * 1000),
      horizonStartMinute: flags['energy-horizon-start'],
    },
  });

  const started = performance.now();
  const progress = (message: string) =>
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  let parts: Part[];
  try {
    parts = values.sequential
      ? (['waste', 'energy'] as const).map((kind) => runPart(kind, options, progress))
      : await Promise.all((['waste', 'energy'] as const).map((kind) => inWorker(kind, options, progress)));
  } catch (error) {
    return cli.fail(`the simulation failed: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const waste = parts.find((p): p is Extract<Part, { kind: 'waste' }> => p.kind === 'waste');
  const energy = parts.find((p): p is Extract<Part, { kind: 'energy' }> => p.kind === 'energy');
  if (!waste || !energy) return cli.fail('a half of the simulation returned nothing', 1);
  const report = buildMonthReport(options, demoVillageFor(options), waste.part, energy.part);
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatMonthTable(report)}\n`,
  );
}

function inWorker(
  kind: Part['kind'],
  options: MonthOptions,
  progress: (message: string) => void,
): Promise<Part> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader on Node 20: the worker registers it, then loads this file.
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const self = JSON.stringify(import.meta.url);
    const bootstrap = `import(${tsx}).then(({ tsImport }) => tsImport(${self}, ${self}))`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { kind, options } });
    let result: Part | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.message);
      else result = message.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the ${kind} worker stopped (exit code ${code})`)),
    );
  });
}
