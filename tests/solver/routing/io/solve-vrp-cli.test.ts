import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import { parseCvrplib } from '../../../../packages/solver/src/routing/io/cvrplib.ts';
import { planFromNodeRoutes } from '../../../../packages/solver/src/routing/io/node-routes.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';

/** The CLI as the benchmark runs it: a child process, JSON on stdout, progress on stderr. */
const INSTANCE = '/work/shared/bench/cvrplib/P-n16-k8.vrp';
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/solve-vrp.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../../../..'),
    encoding: 'utf8',
    timeout: 60_000,
  });

const outputSchema = z.strictObject({
  cost: z.number().int(),
  routes: z.array(z.array(z.number().int())),
  elapsedMs: z.number().nonnegative(),
});

describe('npm run solve:vrp', () => {
  it('prints one JSON object whose cost the checker recomputes from the node ids', () => {
    const result = run(INSTANCE, '--time-limit', '1', '--seed', '3');
    expect(result.stderr).toMatch(/P-n16-k8/);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const output = outputSchema.parse(JSON.parse(lines[0]!));

    const instance = parseCvrplib(readFileSync(INSTANCE, 'utf8'));
    // Node ids as in the file: clients are 2..16, each exactly once, never the depot (1).
    expect(output.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 2));
    const check = checkPlan(createProblem(instance.input), planFromNodeRoutes(instance, output.routes));
    expect(check.violations).toEqual([]);
    expect(output.cost).toBe(check.cost);
    expect(output.cost).toBeGreaterThanOrEqual(450); // the proven optimum
    expect(output.elapsedMs).toBeLessThan(5_000);
  });

  it('rejects bad options with exit code 2 and names the option', () => {
    const bad = run(INSTANCE, '--time-limit', 'soon');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--time-limit/);
    expect(run(INSTANCE, '--seed', '1.5').stderr).toMatch(/--seed/);
    expect(run(INSTANCE, '--fast').status).toBe(2);
    expect(run().status).toBe(2);
    expect(run('/nonexistent.vrp').stderr).toMatch(/cannot read instance \/nonexistent\.vrp/);
  });

  it('explains itself with --help', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--time-limit <seconds>/);
  });
});
