/**
 * Publishes simulated bin and meter telemetry for the demo village to an MQTT broker, each device
 * authenticating as itself. A thin adapter: parse and validate options, load credentials, run the
 * simulator from @village/simulation, print progress until Ctrl-C or --duration.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemoVillage, listDevices, runSimulator } from '@village/simulation';
import { z } from 'zod';
import { type Cli, createCli } from './lib/cli.ts';

const HELP = `Usage: npm run simulate -- [options]

Publishes telemetry for the synthetic Bạch Đằng demo village (bins hourly, meters every 15
simulated minutes), one MQTT identity per device.

Options:
  --broker <url>        MQTT broker URL (default mqtt://localhost:1883)
  --credentials <path>  JSON file {"<deviceId>": "<secret>"} (default $DATA_DIR/device-credentials.json,
                        DATA_DIR defaults to .data)
  --speed <n>           simulated seconds per real second (default $SIM_SPEED or 60)
  --start <iso>         simulated start, e.g. 2026-03-11T05:00:00+07:00 (default: now)
  --seed <n>            demo village seed (default 1; must match the provisioned village)
  --households <n>      number of households (default 1500)
  --bins <n>            number of bins (default 300)
  --duration <seconds>  stop after this many real seconds (default: run until Ctrl-C)
  --help                show this help
`;

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

const optionsSchema = z.object({
  broker: z
    .string()
    .regex(/^(mqtts?|wss?|tcp|tls):\/\/[^\s]+$/, 'must be a broker URL such as mqtt://localhost:1883'),
  credentials: z.string().min(1),
  speed: z.coerce.number().positive().max(1_000_000),
  start: z.iso.datetime({ offset: true }).optional(),
  seed: z.coerce.number().int(),
  households: positiveInt(20_000),
  bins: positiveInt(5_000),
  duration: z.coerce.number().positive().optional(),
});

const credentialsSchema = z.record(z.string(), z.string().min(1));

const cli: Cli = createCli('simulate');
const fail: Cli['fail'] = cli.fail;

function parseOptions(): z.infer<typeof optionsSchema> {
  const { values } = cli.readArgs(
    {
      broker: { type: 'string' },
      credentials: { type: 'string' },
      speed: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      households: { type: 'string' },
      bins: { type: 'string' },
      duration: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP,
  );
  const parsed = optionsSchema.safeParse({
    broker: values.broker ?? 'mqtt://localhost:1883',
    credentials: values.credentials ?? join(process.env.DATA_DIR ?? '.data', 'device-credentials.json'),
    speed: values.speed ?? process.env.SIM_SPEED ?? 60,
    start: values.start,
    seed: values.seed ?? 1,
    households: values.households ?? 1_500,
    bins: values.bins ?? 300,
    duration: values.duration,
  });
  return cli.validOrExit(parsed, (option) =>
    option === 'speed' && values.speed === undefined
      ? 'option --speed (from SIM_SPEED)'
      : `option --${option}`,
  );
}

async function loadCredentials(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    fail(`cannot read credentials file ${path} (provision the devices first, or pass --credentials)`, 1);
  }
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Reported below.
  }
  fail(`credentials file ${path} must be a JSON object {"<deviceId>": "<secret>"}`, 1);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const credentials = await loadCredentials(options.credentials);
  const dataset = generateDemoVillage({
    seed: options.seed,
    households: options.households,
    bins: options.bins,
  });
  const devices = listDevices(dataset);
  const missing = devices.filter((d) => credentials[d.deviceId] === undefined).length;
  if (missing === devices.length) {
    fail(
      `none of the ${devices.length} devices has credentials in ${options.credentials}; wrong --seed/--households/--bins?`,
      1,
    );
  }
  if (missing > 0)
    console.warn(`simulate: ${missing} of ${devices.length} devices have no credentials and will be skipped`);

  const startMs = options.start ? Date.parse(options.start) : Date.now();
  console.log(
    `simulate: ${dataset.bins.length} bins and ${dataset.meters.length} meters of ${dataset.village.name} → ${options.broker}, ` +
      `speed ×${options.speed}${options.duration ? `, for ${options.duration} s` : ', Ctrl-C to stop'}`,
  );
  const handle = runSimulator({
    dataset,
    brokerUrl: options.broker,
    credentials,
    startMs,
    speed: options.speed,
    seed: options.seed,
    onProgress: (p) => {
      const collected = p.collectedBins ? `, ${p.collectedBins} bins collected` : '';
      const error = p.round.failed > 0 && p.lastError ? ` — last error: ${p.lastError}` : '';
      console.log(
        `${p.simTime} ${p.deviceKind === 'bin' ? 'bins  ' : 'meters'} published ${p.round.published}, ` +
          `failed ${p.round.failed}, skipped ${p.round.skipped}${collected} ` +
          `(total ${p.total.published}/${p.total.failed}, ${p.openConnections} connections)${error}`,
      );
    },
  });

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`simulate: stopping (${reason})…`);
    await handle.stop();
  };
  process.once('SIGINT', () => void shutdown('interrupted'));
  process.once('SIGTERM', () => void shutdown('terminated'));
  const timer = options.duration
    ? setTimeout(() => void shutdown('duration reached'), options.duration * 1000)
    : undefined;

  await handle.done;
  clearTimeout(timer);
  const totals = handle.counters();
  console.log(
    `simulate: done — published ${totals.published}, failed ${totals.failed}, skipped ${totals.skipped}`,
  );
  process.exitCode = totals.published === 0 && totals.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`simulate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
