/** The village routing benchmark's tables (see village-routing.ts). */
import { median } from '../lib/stats.ts';

export interface VillageRun {
  phase: 'case' | 'sizes' | 'reference';
  instance: string;
  bins: number;
  seed: number;
  solverSeed: number;
  timeLimit: number;
  wallMs: number;
  firstFeasibleMs?: number | null;
  objectiveVnd?: number;
  routes?: number;
  binsCollected?: number;
  /** Longest minus shortest working day among the routes with bins, minutes. */
  spreadMinutes?: number;
  referenceVnd?: number;
  gapPercent?: number;
  error?: string;
}

const pad = (s: string | number, width: number, left = false) =>
  left ? String(s).padEnd(width) : String(s).padStart(width);
const vnd = (x: number) => Math.round(x).toLocaleString('en-US');
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function failed(runs: readonly VillageRun[]): void {
  for (const r of runs.filter((x) => x.error !== undefined))
    console.log(`FAILED ${r.instance} at ${r.timeLimit} s: ${r.error!.replace(/\s+/g, ' ').slice(0, 300)}`);
}

/** Realistic case: first feasible plan per day, objective per time limit, and the trend over time. */
export function printCase(runs: readonly VillageRun[], timeLimits: readonly number[]): void {
  const instances = [...new Set(runs.map((r) => r.instance))];
  const longest = Math.max(...timeLimits);
  console.log(
    `\n${pad('instance', 18, true)} ${pad('first feasible s', 16)} ${timeLimits.map((t) => pad(`${t} s`, 14)).join(' ')}`,
  );
  for (const name of instances) {
    const own = runs.filter((r) => r.instance === name);
    const first = own.find((r) => r.timeLimit === longest)?.firstFeasibleMs;
    const cells = timeLimits.map((t) => {
      const r = own.find((x) => x.timeLimit === t);
      if (!r || r.error !== undefined || r.objectiveVnd === undefined) return pad('FAILED', 14);
      return pad(`${vnd(r.objectiveVnd)} (${r.routes})`, 14);
    });
    const firstCell = first === undefined || first === null ? '—' : (first / 1000).toFixed(2);
    console.log(`${pad(name, 18, true)} ${pad(firstCell, 16)} ${cells.join(' ')}`);
  }
  const firsts = instances.flatMap((name) => {
    const f = runs.find((r) => r.instance === name && r.timeLimit === longest)?.firstFeasibleMs;
    return typeof f === 'number' ? [f] : [];
  });
  console.log(
    '\nobjective VND = route costs (fixed, km; depot to depot) + value of may-bins left out; (routes)',
  );
  if (firsts.length > 0) {
    console.log(
      `time to the first feasible plan (pipeline start → the search's first feasible plan, ${longest} s runs): ` +
        `median ${(median(firsts) / 1000).toFixed(2)} s, max ${(Math.max(...firsts) / 1000).toFixed(2)} s over ${firsts.length} days`,
    );
  }
  console.log(
    '\ntime limit  checked feasible  mean objective VND  vs best of each day  median wall s  mean day spread min',
  );
  const best = new Map<string, number>();
  for (const r of runs) {
    if (r.objectiveVnd === undefined) continue;
    best.set(r.instance, Math.min(best.get(r.instance) ?? Number.POSITIVE_INFINITY, r.objectiveVnd));
  }
  for (const t of timeLimits) {
    const at = runs.filter((r) => r.timeLimit === t);
    const ok = at.filter((r) => r.error === undefined && r.objectiveVnd !== undefined);
    const rel = ok.map((r) => (100 * (r.objectiveVnd! - best.get(r.instance)!)) / best.get(r.instance)!);
    console.log(
      `${pad(`${t} s`, 10)}  ${pad(`${ok.length}/${at.length}`, 16)}  ${pad(ok.length ? vnd(mean(ok.map((r) => r.objectiveVnd!))) : '—', 18)}  ` +
        `${pad(ok.length ? `+${mean(rel).toFixed(2)} %` : '—', 19)}  ${pad((median(at.map((r) => r.wallMs)) / 1000).toFixed(2), 13)}  ` +
        `${pad(ok.length ? mean(ok.map((r) => r.spreadMinutes ?? 0)).toFixed(0) : '—', 19)}`,
    );
  }
  failed(runs);
}

/** Sizes at one time limit against the stored long-run reference. */
export function printSizes(runs: readonly VillageRun[], referenceNote: string): void {
  console.log(
    `\n${pad('instance', 18, true)} ${pad('bins', 5)} ${pad('objective VND', 14)} ${pad('reference VND', 14)} ${pad('gap %', 7)} ${pad('routes', 6)} ${pad('wall s', 7)}`,
  );
  for (const r of runs) {
    const head = `${pad(r.instance, 18, true)} ${pad(r.bins, 5)}`;
    if (r.error !== undefined || r.objectiveVnd === undefined) {
      console.log(`${head} FAILED`);
      continue;
    }
    const ref = r.referenceVnd === undefined ? '—' : vnd(r.referenceVnd);
    const gap = r.gapPercent === undefined ? '—' : r.gapPercent.toFixed(2);
    console.log(
      `${head} ${pad(vnd(r.objectiveVnd), 14)} ${pad(ref, 14)} ${pad(gap, 7)} ${pad(r.routes ?? '', 6)} ${pad((r.wallMs / 1000).toFixed(2), 7)}`,
    );
  }
  for (const bins of [...new Set(runs.map((r) => r.bins))]) {
    const gaps = runs.filter((r) => r.bins === bins && r.gapPercent !== undefined).map((r) => r.gapPercent!);
    if (gaps.length) console.log(`mean gap, ${bins} bins: ${mean(gaps).toFixed(2)} % (${gaps.length} days)`);
  }
  const all = runs.filter((r) => r.gapPercent !== undefined).map((r) => r.gapPercent!);
  if (all.length) console.log(`mean gap, all sizes: ${mean(all).toFixed(2)} % (${all.length} days)`);
  console.log(referenceNote);
  failed(runs);
}
