/**
 * Ingestion benchmark: sustained messages/s from MQTT publish to stored reading, with duplicates and
 * bad messages mixed in, then the latency of GET /api/bins/{binId} under concurrent load.
 *
 *   npm run bench:ingest -- [--messages 20000] [--devices 200] [--http-requests 4000] [--http-concurrency 32] [--runs 3]
 *
 * A publish counts as done when its QoS 1 PUBACK arrives; the local broker acknowledges only after
 * the batch holding the message has been written to the database, so PUBACK time = stored time.
 * The village runs in its own process (as with `npm start`); this process only generates load.
 * BENCH_PROFILE=<dir> writes a CPU profile of the village process there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { telemetryTopic, toZonedIso } from '@village/domain';
import { generateDemoVillage } from '@village/simulation';
import mqtt from 'mqtt';
import { z } from 'zod';
import { median, percentile, round } from '../lib/stats.ts';

const optionsSchema = z.object({
  messages: z.coerce.number().int().positive().default(20_000),
  devices: z.coerce.number().int().positive().default(200),
  'duplicate-share': z.coerce.number().min(0).max(0.9).default(0.1),
  'bad-share': z.coerce.number().min(0).max(0.9).default(0.05),
  'http-requests': z.coerce.number().int().positive().default(4_000),
  'http-concurrency': z.coerce.number().int().positive().default(32),
  runs: z.coerce.number().int().positive().default(3),
});

const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(optionsSchema.shape).map((k) => [k, { type: 'string' as const }])),
});
const parsed = optionsSchema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const opts = parsed.data;

const dataset = generateDemoVillage({ seed: 1 });
const villageId = dataset.village.id;
const bins = dataset.bins.slice(0, Math.ceil(opts.devices / 2));
const meters = dataset.meters.filter((m) => m.kind !== 'transformer').slice(0, opts.devices - bins.length);

interface VillageProcess {
  child: ChildProcess;
  apiUrl: string;
  mqttUrl: string;
  credentials: Record<string, string>;
  tokens: { crew: string };
}

async function startVillageProcess(): Promise<VillageProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      '--import',
      'tsx',
      'scripts/bench/village-process.ts',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return { child, ...JSON.parse(line) };
}

async function brokerStats(
  village: VillageProcess,
): Promise<{ messagesDelivered: number; batchesDelivered: number }> {
  village.child.send('stats');
  const [message] = (await once(village.child, 'message')) as [
    { stats: { messagesDelivered: number; batchesDelivered: number } },
  ];
  return message.stats;
}

async function stopVillageProcess(village: VillageProcess) {
  village.child.kill('SIGTERM');
  await once(village.child, 'exit');
}

async function ingestRun(run: number, village: VillageProcess) {
  const devices = [
    ...bins.map((b) => ({ id: b.id, kind: 'bin' as const })),
    ...meters.map((m) => ({ id: m.id, kind: 'meter' as const })),
  ];
  const clients = await Promise.all(
    devices.map((d) =>
      mqtt.connectAsync(village.mqttUrl, {
        clientId: d.id,
        username: d.id,
        password: village.credentials[d.id] ?? '',
        reconnectPeriod: 0,
      }),
    ),
  );
  const perDevice = Math.ceil(opts.messages / devices.length);
  const startMs = Date.now() - perDevice * 60_000;
  const latencies: number[] = [];
  const kinds = { valid: 0, duplicate: 0, bad: 0 };
  const before = await brokerStats(village);
  const began = performance.now();
  await Promise.all(
    devices.map(async (device, d) => {
      const client = clients[d] as mqtt.MqttClient;
      const topic = telemetryTopic({ villageId, deviceKind: device.kind, deviceId: device.id });
      const sends: Promise<unknown>[] = [];
      for (let i = 0; i < perDevice; i++) {
        const roll = ((i * 7919 + d * 104729 + run * 31) % 1000) / 1000;
        let payload: string;
        if (roll < opts['bad-share']) {
          payload =
            i % 2 === 0 ? '{"broken":' : JSON.stringify({ messageId: `bad-${run}-${i}`, ts: 'yesterday' });
          kinds.bad++;
        } else {
          // Duplicates repeat an earlier message of the same device exactly, as a redelivery would.
          const seq = roll < opts['bad-share'] + opts['duplicate-share'] && i > 0 ? i - 1 : i;
          if (seq !== i) kinds.duplicate++;
          else kinds.valid++;
          const ts = toZonedIso(startMs + seq * 60_000);
          payload = JSON.stringify(
            device.kind === 'bin'
              ? { messageId: `${device.id}-${run}-${seq}`, ts, fillPercent: (seq % 100) + 0.5 }
              : { messageId: `${device.id}-${run}-${seq}`, ts, kwhTotal: 1000 + seq * 0.1, kw: 0.6 },
          );
        }
        const sentAt = performance.now();
        sends.push(
          client
            .publishAsync(topic, payload, { qos: 1 })
            .then(() => latencies.push(performance.now() - sentAt)),
        );
      }
      await Promise.all(sends);
    }),
  );
  const elapsedMs = performance.now() - began;
  await Promise.all(clients.map((c) => c.endAsync()));
  const total = kinds.valid + kinds.duplicate + kinds.bad;
  const after = await brokerStats(village);
  const delivered = after.messagesDelivered - before.messagesDelivered;
  if (delivered < total) throw new Error(`only ${delivered}/${total} messages reached ingest`);
  return {
    total,
    kinds,
    elapsedMs,
    msgPerSec: total / (elapsedMs / 1000),
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
    batches: after.batchesDelivered - before.batchesDelivered,
  };
}

async function httpRun(apiUrl: string, token: string) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: opts['http-concurrency'] }, async () => {
      for (let i = next++; i < opts['http-requests']; i = next++) {
        const bin = bins[i % bins.length];
        const t0 = performance.now();
        const res = await fetch(`${apiUrl}/api/bins/${bin?.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  return {
    requests: latencies.length,
    failures,
    rps: latencies.length / ((performance.now() - began) / 1000),
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
  };
}

const ingestResults = [];
const httpResults = [];
for (let run = 1; run <= opts.runs; run++) {
  const village = await startVillageProcess();
  const r = await ingestRun(run, village);
  const h = await httpRun(village.apiUrl, village.tokens.crew);
  await stopVillageProcess(village);
  console.error(
    `run ${run}: ${r.total} msgs (${r.kinds.valid} valid, ${r.kinds.duplicate} duplicates, ${r.kinds.bad} bad) ` +
      `in ${round(r.elapsedMs)} ms = ${round(r.msgPerSec)} msg/s, publish→stored p50 ${round(r.p50Ms)} ms p99 ${round(r.p99Ms)} ms, ` +
      `${r.batches} batches; GET /api/bins/{id}: ${h.requests} req (${h.failures} non-200) ${round(h.rps)} req/s p50 ${round(h.p50Ms, 2)} ms p99 ${round(h.p99Ms, 2)} ms`,
  );
  if (h.failures > 0) throw new Error(`${h.failures} HTTP requests failed`);
  ingestResults.push(r);
  httpResults.push(h);
}

const cmd = `npm run bench:ingest -- --messages ${opts.messages} --devices ${opts.devices} --http-requests ${opts['http-requests']} --http-concurrency ${opts['http-concurrency']} --runs ${opts.runs}`;
console.log(
  `\nIngest benchmark (${opts.runs} runs, medians) — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}`,
);
console.log(
  `  messages per run        ${ingestResults[0]?.total} from ${opts.devices} MQTT clients (${round(opts['duplicate-share'] * 100)} % duplicates, ${round(opts['bad-share'] * 100)} % bad)`,
);
console.log(
  `  sustained throughput    ${round(median(ingestResults.map((r) => r.msgPerSec)), 0)} msg/s (publish → PUBACK after store)`,
);
console.log(
  `  publish→stored latency  p50 ${round(median(ingestResults.map((r) => r.p50Ms)))} ms, p99 ${round(median(ingestResults.map((r) => r.p99Ms)))} ms`,
);
console.log(
  `  GET /api/bins/{binId}   ${opts['http-concurrency']} concurrent clients: ${round(median(httpResults.map((h) => h.rps)), 0)} req/s, p50 ${round(median(httpResults.map((h) => h.p50Ms)), 2)} ms, p99 ${round(median(httpResults.map((h) => h.p99Ms)), 2)} ms`,
);
console.log(`  reproduce: ${cmd}`);
