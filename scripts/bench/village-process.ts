/**
 * The local village as its own process, for benchmarks: a client load generator in the same process
 * would steal the CPU it is measuring. Prints one JSON line (urls, credentials, tokens) when ready and
 * runs until SIGTERM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDemoVillage } from '@village/simulation';
import { startLocalVillage } from '../local-village.ts';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-village-'));
const village = await startLocalVillage({
  dataDir,
  dataset: generateDemoVillage({ seed: 1 }),
  httpPort: 0,
  mqttPort: 0,
  inMemory: true,
  quiet: true,
});
process.stdout.write(
  `${JSON.stringify({ apiUrl: village.apiUrl, mqttUrl: village.mqttUrl, credentials: village.credentials, tokens: village.tokens })}\n`,
);
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: village.broker.stats });
});
process.on('SIGTERM', async () => {
  await village.stop();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
});
