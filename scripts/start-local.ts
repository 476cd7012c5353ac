/**
 * `npm start`: the whole local village on one machine — database, MQTT broker, API and simulated
 * devices — from the same handlers that run in AWS. A thin adapter: parse the environment, compose,
 * print where everything listens, shut down cleanly on Ctrl-C.
 */
import path from 'node:path';
import { generateDemoVillage, runSimulator, type SimulatorHandle } from '@village/simulation';
import { z } from 'zod';
import { startLocalVillage } from './local-village.ts';

const port = z.coerce.number().int().min(1).max(65_535);
const envSchema = z.object({
  PORT: port.default(3000),
  MQTT_PORT: port.default(1883),
  DATA_DIR: z.string().min(1).default('.data'),
  SIM_SPEED: z.coerce.number().positive().max(1_000_000).default(60),
  SIMULATE: z.enum(['true', 'false']).default('true'),
  SEED: z.coerce.number().int().default(1),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`Invalid ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
const dataDir = path.resolve(env.DATA_DIR);
const t0 = performance.now();

const dataset = generateDemoVillage({ seed: env.SEED });
const village = await startLocalVillage({
  dataDir,
  dataset,
  httpPort: env.PORT,
  mqttPort: env.MQTT_PORT,
  schedulePlans: true,
});

let simulator: SimulatorHandle | undefined;
if (env.SIMULATE === 'true') {
  simulator = runSimulator({
    dataset,
    brokerUrl: village.mqttUrl,
    credentials: village.credentials,
    startMs: Date.now(),
    speed: env.SIM_SPEED,
    seed: env.SEED,
    onProgress: (p) => {
      if (p.deviceKind === 'bin') {
        const total = p.total;
        console.log(
          `[simulator] ${p.simTime} published ${total.published} (failed ${total.failed})` +
            (p.collectedBins ? `, ${p.collectedBins} bins collected` : ''),
        );
      }
    },
  });
}

const ms = Math.round(performance.now() - t0);
console.log(`
Làng thông minh — local village "${dataset.village.name}" is up (${ms} ms)
  API        ${village.apiUrl.replace('127.0.0.1', 'localhost')}   (GET /health, /api/openapi.json)
  MQTT       ${village.mqttUrl.replace('127.0.0.1', 'localhost')}   (client id = username = device id)
  Database   dynalite ${village.dynamoDbEndpoint}, files in ${path.join(dataDir, 'dynamodb')}
  Devices    ${dataset.bins.length} bins, ${dataset.meters.length} meters; secrets in ${path.join(dataDir, 'device-credentials.json')}
  Simulator  ${simulator ? `running at ${env.SIM_SPEED}× real time` : 'off (SIMULATE=false)'}

Demo tokens (also in ${path.join(dataDir, 'demo-tokens.json')}):
  operator   ${village.tokens.operator}
  crew       ${village.tokens.crew}
  household  ${village.tokens.household}

Try: curl -H "authorization: Bearer <operator token>" ${village.apiUrl.replace('127.0.0.1', 'localhost')}/api/bins
Ctrl-C to stop.
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  const force = setTimeout(() => {
    console.error('shutdown took longer than 10 s; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  await simulator?.stop();
  await village.stop();
  console.log('stopped cleanly; data kept in', dataDir);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
