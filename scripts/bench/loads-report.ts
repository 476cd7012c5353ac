import type { BenchRow, Outcome, RunResult } from './loads-result.ts';

/** The benchmark table (Markdown, for docs/benchmarks.md) and the notes below it. */

const result = (outcome: Outcome | undefined): RunResult | undefined =>
  outcome?.ok ? outcome.result : undefined;
const fixed = (x: number | null | undefined, digits: number) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
const vnd = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : Math.round(x).toLocaleString('en-US');

/** How much more our plan costs than `reference`, % of it (negative: ours is cheaper). */
function gapPercent(ours: RunResult | undefined, reference: number | null | undefined): number | undefined {
  if (ours?.objective == null || reference == null || !Number.isFinite(reference)) return undefined;
  return ((ours.objective - reference) / Math.abs(reference)) * 100;
}

export function printLoadsTable(rows: readonly BenchRow[], command: string): void {
  const header = [
    'households (connections)',
    'case',
    'limit kW',
    'ours VND',
    'HiGHS VND',
    'gap %',
    'vs HiGHS bound %',
    'HiGHS MIP gap %',
    'ours ms',
    'HiGHS ms',
    'HiGHS/ours',
    'ours peak MB',
    'HiGHS peak MB',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const notes: string[] = [];
  for (const row of rows) {
    const ours = result(row.ours);
    const highs = result(row.highs);
    const any = ours ?? highs;
    const ratio = ours && highs ? highs.elapsedMs / ours.elapsedMs : undefined;
    lines.push(
      `| ${[
        `${row.households} (${any?.connections ?? '?'})`,
        `${row.case.startsWith('lp') ? 'LP' : `MILP (${any?.blocks ?? '?'} blocks)`}${row.case.endsWith('-tou') ? ', all TOU' : ''}`,
        fixed(any?.transformerKw, 1),
        vnd(ours?.objective),
        vnd(highs?.objective),
        fixed(gapPercent(ours, highs?.objective), 4),
        fixed(gapPercent(ours, highs?.lowerBound), 4),
        fixed(highs?.gapPercent, 2),
        fixed(ours?.elapsedMs, 0),
        fixed(highs?.elapsedMs, 0),
        ratio === undefined ? '—' : `${ratio.toFixed(1)}×`,
        fixed(ours?.peakRssMb, 0),
        fixed(highs?.peakRssMb, 0),
      ].join(' | ')} |`,
    );
    const label = `${row.households} households ${row.case}`;
    for (const [name, outcome] of [
      ['ours', row.ours],
      ['HiGHS', row.highs],
    ] as const) {
      if (!outcome) continue;
      if (!outcome.ok) {
        notes.push(`${label}, ${name}: FAILED — ${outcome.error}`);
        continue;
      }
      const r = outcome.result;
      const status = r.status === 'optimal' ? '' : ` status ${r.status};`;
      const checked =
        r.violations === null
          ? 'not checked'
          : r.violations === 0
            ? 'plan checked'
            : `${r.violations} VIOLATIONS: ${r.firstViolations.join(' | ')}`;
      notes.push(`${label}, ${name}:${status} ${checked}${r.note ? `; ${r.note}` : ''}`);
    }
  }
  console.log(lines.join('\n'));
  console.log('');
  const legend = [
    "gap % = (ours − HiGHS) / HiGHS; vs HiGHS bound % = (ours − HiGHS's proven lower bound) / bound, the worst case;",
    'HiGHS MIP gap % is its own proven gap (it stops at --mip-gap). Times: ours = plan.elapsedMs; HiGHS = building the',
    "model + solving (WebAssembly load excluded). Peak MB = maxRSS of the solve's own process, including ~110 MB of",
    'Node, tsx and scenario generation (the RSS before the solve starts is in --json as rssBeforeSolveMb).',
  ];
  for (const line of legend) console.log(line);
  for (const note of notes) console.log(`- ${note}`);
  console.log('');
  console.log(`Reproduce: ${command}`);
}
