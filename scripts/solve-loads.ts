/**
 * Plans one scenario file's flexible loads and prints exactly one JSON object on stdout:
 *
 *   {"objective": 33674268.9, "households": [{"id", "loads": [{"id", "kw": […]}], "battery"?, "pvUsedKw"}],
 *    "elapsedMs": 612, "lowerBound", "gapPercent", "status", "peakKw", "overloads", "unmanaged", …}
 *
 * The file is validated by the domain's zod schema (every issue names its field); a load that cannot
 * fit its window is refused with the household, load and slot range; a transformer limit that cannot
 * be met still yields the least-overload plan, flagged (`status: "overloaded"`, `overloads`), with a
 * warning on stderr. A thin adapter: read → parse → scheduleLoads (which checks its plan) → print.
 */
import { readFileSync } from 'node:fs';
import { DomainError, issuesFromZod, loadScenarioSchema } from '@village/domain';
import { scheduleLoads } from '@village/solver';
import { z } from 'zod';
import { createCli } from './lib/cli.ts';

const HELP = `Usage: npm run -s solve:loads -- <scenario.json> [options]

Plans every household's flexible loads, battery and solar for the least village cost with the
transformer within its limit, and prints the plan as one JSON object on stdout.

Options:
  --time-limit <seconds>  wall-clock budget (default 10); the best checked plan found by then
  --seed <n>              tie-breaking seed (default 1); same seed → same plan
  --help                  show this help

Exit codes: 0 planned (also when the limit cannot be met: see "status" and "overloads"),
1 the file is unreadable, invalid, or a load cannot fit its window, 2 bad command line.
`;

const cli = createCli('solve-loads');
const optionsSchema = z.object({
  scenario: z.string().min(1),
  'time-limit': z.coerce.number().positive().max(86_400),
  seed: z.coerce.number().int().min(0),
});

const { values, positionals } = cli.readArgs(
  { 'time-limit': { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  HELP,
  true,
);
if (positionals.length !== 1)
  cli.fail(`expected exactly one scenario file, got ${positionals.length} (see --help)`, 2);
const options = cli.validOrExit(
  optionsSchema.safeParse({
    scenario: positionals[0],
    'time-limit': values['time-limit'] ?? 10,
    seed: values.seed ?? 1,
  }),
  (option) => (option === 'scenario' ? 'scenario' : `option --${option}`),
);

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(options.scenario, 'utf8'));
} catch (error) {
  cli.fail(`cannot read ${options.scenario}: ${error instanceof Error ? error.message : String(error)}`, 1);
}
const parsed = loadScenarioSchema.safeParse(raw);
const scenario = parsed.success ? parsed.data : cli.fail(describeIssues(parsed.error.issues), 1);

function describeIssues(zodIssues: Parameters<typeof issuesFromZod>[0]): string {
  const issues = issuesFromZod(zodIssues);
  const shown = issues.slice(0, 10).map((issue) => `  ${issue.field}: ${issue.message}`);
  const more = issues.length > 10 ? [`  … and ${issues.length - 10} more`] : [];
  return [`invalid scenario ${options.scenario}:`, ...shown, ...more].join('\n');
}

try {
  const plan = scheduleLoads(scenario, { timeLimitMs: options['time-limit'] * 1000, seed: options.seed });
  if (plan.status === 'overloaded') {
    const ranges = plan.overloads.map(
      (o) => `slots ${o.fromSlot}–${o.toSlot - 1} ${o.direction} +${o.maxOverKw.toFixed(2)} kW`,
    );
    console.error(
      `solve-loads: the transformer limit cannot be met; least-overload plan: ${ranges.join('; ')}`,
    );
  }
  console.error(
    `solve-loads: ${plan.status}, ${Math.round(plan.objective)} VND (bound ${Math.round(plan.lowerBound)}, gap ${plan.gapPercent.toFixed(4)} %), peak ${plan.peakKw.toFixed(1)} kW vs unmanaged ${plan.unmanaged.peakKw.toFixed(1)} kW, ${plan.elapsedMs.toFixed(0)} ms`,
  );
  process.stdout.write(`${JSON.stringify(plan)}\n`);
} catch (error) {
  if (error instanceof DomainError) {
    const details = error.details.map((d) => `  ${d.field}: ${d.message}`);
    cli.fail([error.message, ...details].join('\n'), 1);
  }
  throw error;
}
