/**
 * Lambda bundle sizes and cold-start init, measured locally:
 *
 *   npm run bench:lambda -- [--runs 9] [--json out.json]
 *
 * Bundles every `functions/<name>/handler.ts` exactly as the CDK stack does (the same esbuild options,
 * from infra/constructs/bundling.ts), then loads each bundle in a fresh Node process, `--runs` times,
 * interleaving the functions, and reports medians:
 *
 * - import: evaluating the bundle (`await import(...)`), what Lambda does in its init phase;
 * - ready: process start → bundle imported (Node's own bootstrap plus import);
 * - first call: the first invocation with an event that needs no network (API: `GET /health`;
 *   ingest: an empty batch), which builds the handler's app, store and SDK client lazily.
 *
 * Figures are from this machine's Node, not Lambda's arm64 Node 24: compare them with each other and
 * over time, and expect Lambda's Init Duration to add the runtime's own start.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { z } from 'zod';
import { esbuildOptions, handlerEntry, projectRoot } from '../../infra/constructs/bundling.ts';
import { type Cli, createCli } from '../lib/cli.ts';
import { median, round } from '../lib/stats.ts';

const HELP = `Usage: npm run bench:lambda -- [options]

Bundles each functions/<name>/handler.ts the way the CDK stack does and measures, in fresh Node
processes, how long loading the bundle and the first invocation take (medians).

Options:
  --runs <n>     fresh processes per function (default 9)
  --json <file>  also write the results as JSON
  --help         show this help
`;

/** Budget of the issue: every bundle under 1 MB. */
export const BUNDLE_BUDGET_BYTES = 1_000_000;

/** A first event per function that exercises initialisation without touching the network. */
const FIRST_EVENTS: Record<string, unknown> = {
  api: {
    version: '2.0',
    routeKey: 'GET /health',
    rawPath: '/health',
    rawQueryString: '',
    headers: { host: 'bench.local' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '1',
      apiId: 'bench',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: {
        method: 'GET',
        path: '/health',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: 'bench',
      routeKey: 'GET /health',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  },
  'ingest-telemetry': { records: [] },
};

/** Runs in the fresh process: import the bundle, then (optionally) one invocation. */
const PROBE = `
const [bundleUrl, eventJson] = process.argv.slice(1);
const t0 = performance.now();
const mod = await import(bundleUrl);
const t1 = performance.now();
let firstCallMs = null;
if (eventJson) {
  await mod.handler(JSON.parse(eventJson), {});
  firstCallMs = performance.now() - t1;
}
process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t1, firstCallMs }));
`;

const probeSchema = z.object({
  importMs: z.number(),
  readyMs: z.number(),
  firstCallMs: z.number().nullable(),
});

export interface BundleReport {
  name: string;
  bytes: number;
  gzipBytes: number;
  largestInputs: { module: string; bytes: number }[];
  importMs: number;
  readyMs: number;
  firstCallMs: number | null;
  runs: number;
}

/** Handler directories under functions/ (shared/ holds no handler). */
export function functionNames(): string[] {
  return readdirSync(path.join(projectRoot, 'functions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(handlerEntry(d.name)))
    .map((d) => d.name)
    .sort();
}

/** Bundles one function as CDK does; returns the output file and esbuild's metafile. */
export async function bundleFunction(
  name: string,
  outDir: string,
): Promise<{ file: string; metafile: Metafile }> {
  const file = path.join(outDir, name, 'index.mjs');
  mkdirSync(path.dirname(file), { recursive: true });
  const { metafile } = await build(esbuildOptions(handlerEntry(name), file));
  if (!metafile) throw new Error(`esbuild gave no metafile for ${name}`);
  return { file, metafile };
}

/** Output bytes per package (or workspace package) — what to trim first. */
export function largestInputs(metafile: Metafile, top = 5): { module: string; bytes: number }[] {
  const output = Object.values(metafile.outputs)[0];
  const byModule = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const parts = input.replace(/^.*node_modules\//, '').split('/');
    const module = input.includes('node_modules/')
      ? parts[0]?.startsWith('@')
        ? `${parts[0]}/${parts[1]}`
        : (parts[0] ?? input)
      : parts.slice(0, 2).join('/');
    byModule.set(module, (byModule.get(module) ?? 0) + bytesInOutput);
  }
  return [...byModule]
    .map(([module, bytes]) => ({ module, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

function probe(file: string, event: unknown): z.infer<typeof probeSchema> {
  const args = ['--input-type=module', '-e', PROBE, `file://${file}`];
  if (event !== undefined) args.push(JSON.stringify(event));
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: 60_000,
    // What the functions read in AWS, and no real credentials: nothing here may reach the network.
    env: {
      PATH: process.env.PATH,
      TABLE_NAME: 'village-bench',
      VILLAGE_ID: 'bach-dang',
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  if (child.status !== 0) throw new Error(`probe of ${file} failed: ${child.stderr || child.error}`);
  return probeSchema.parse(JSON.parse(child.stdout));
}

export async function measureBundles(runs: number, outDir: string): Promise<BundleReport[]> {
  const names = functionNames();
  const bundles = new Map<string, { file: string; metafile: Metafile }>();
  for (const name of names) bundles.set(name, await bundleFunction(name, outDir));
  const samples = new Map(names.map((n) => [n, [] as z.infer<typeof probeSchema>[]]));
  for (let run = 0; run < runs; run++) {
    for (const name of names) samples.get(name)?.push(probe(bundles.get(name)!.file, FIRST_EVENTS[name]));
  }
  return names.map((name) => {
    const { file, metafile } = bundles.get(name)!;
    const s = samples.get(name)!;
    const firstCalls = s.map((x) => x.firstCallMs).filter((x): x is number => x !== null);
    return {
      name,
      bytes: statSync(file).size,
      gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length,
      largestInputs: largestInputs(metafile),
      importMs: round(median(s.map((x) => x.importMs))),
      readyMs: round(median(s.map((x) => x.readyMs))),
      firstCallMs: firstCalls.length > 0 ? round(median(firstCalls)) : null,
      runs,
    };
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function printReport(reports: BundleReport[], command: string): void {
  const rows = [
    ['function', 'bundle', 'gzip', 'budget used', 'import ms', 'ready ms', 'first call ms'],
    ...reports.map((r) => [
      r.name,
      kib(r.bytes),
      kib(r.gzipBytes),
      `${Math.round((100 * r.bytes) / BUNDLE_BUDGET_BYTES)} %`,
      String(r.importMs),
      String(r.readyMs),
      r.firstCallMs === null ? '—' : String(r.firstCallMs),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log();
  for (const r of reports) {
    console.log(`${r.name}: ${r.largestInputs.map((i) => `${i.module} ${kib(i.bytes)}`).join(', ')}`);
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nmedians of ${reports[0]?.runs ?? 0} fresh processes each; node ${process.version} ${process.arch}, ` +
      `${os.cpus().length} × ${cpu}; budget ${BUNDLE_BUDGET_BYTES.toLocaleString('en')} bytes per bundle`,
  );
  console.log(`reproduce: ${command}`);
}

const optionsSchema = z.object({
  runs: z.coerce.number().int().min(1).max(101),
  json: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const cli: Cli = createCli('bench:lambda');
  const { values } = cli.readArgs(
    { runs: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    HELP,
  );
  const options = cli.validOrExit(optionsSchema.safeParse({ runs: values.runs ?? 9, json: values.json }));
  const outDir = path.join(os.tmpdir(), 'village-lambda-bundles');
  const reports = await measureBundles(options.runs, outDir);
  printReport(reports, `npm run bench:lambda -- --runs ${options.runs}`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(reports, null, 2)}\n`);
  const over = reports.filter((r) => r.bytes >= BUNDLE_BUDGET_BYTES);
  if (over.length > 0) cli.fail(`over the 1 MB budget: ${over.map((r) => r.name).join(', ')}`, 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
