/** The routing benchmark's tables: one per time limit, with mean gaps per instance family. */
import { round } from '../lib/stats.ts';

export interface RunResult {
  timeLimit: number;
  instance: string;
  clients: number;
  bks: number | undefined;
  cost?: number;
  gapPercent?: number;
  elapsedMs?: number;
  wallMs: number;
  routes?: number;
  error?: string;
}

const pad = (s: string | number, width: number, left = false) =>
  left ? String(s).padEnd(width) : String(s).padStart(width);

export function printTable(timeLimit: number, results: RunResult[]): void {
  console.log(`\n## time limit ${timeLimit} s\n`);
  console.log(
    `${pad('instance', 13, true)} ${pad('n', 5)} ${pad('cost', 8)} ${pad('BKS', 8)} ${pad('gap %', 7)} ${pad('seconds', 8)}`,
  );
  for (const r of results) {
    const head = `${pad(r.instance, 13, true)} ${pad(r.clients, 5)}`;
    if (r.error !== undefined) {
      console.log(`${head} FAILED: ${r.error.replace(/\s+/g, ' ').slice(0, 200)}`);
      continue;
    }
    const gap = r.gapPercent === undefined ? '—' : r.gapPercent.toFixed(2);
    const seconds = ((r.elapsedMs ?? 0) / 1000).toFixed(2);
    console.log(`${head} ${pad(r.cost ?? '', 8)} ${pad(r.bks ?? '—', 8)} ${pad(gap, 7)} ${pad(seconds, 8)}`);
  }
  for (const [label, group] of [
    ['X instances', results.filter((r) => r.instance.startsWith('X-'))],
    ['classics', results.filter((r) => !r.instance.startsWith('X-'))],
  ] as const) {
    if (group.length === 0) continue;
    const gaps = group.flatMap((r) => (r.gapPercent === undefined ? [] : [r.gapPercent]));
    const failed = group.filter((r) => r.error !== undefined).length;
    const mean =
      gaps.length > 0 ? `${round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 2).toFixed(2)} %` : '—';
    console.log(
      `mean gap over ${label}: ${mean} (${gaps.length} of ${group.length} with a checked solution${failed ? `, ${failed} FAILED` : ''})`,
    );
  }
}
