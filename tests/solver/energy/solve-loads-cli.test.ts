import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LoadScenario, loadPlanSchema } from '@village/domain';
import { generateLoadScenario } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import { expectFeasiblePlan } from '../../support/load-plan-check.ts';

/** The CLI as operators run it: a scenario file in, one JSON plan out, errors that name the field. */
const dir = mkdtempSync(path.join(tmpdir(), 'solve-loads-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/solve-loads.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npm run solve:loads', () => {
  it('prints one checked JSON plan for a generated village', () => {
    const scenario = generateLoadScenario({ households: 30, nonInterruptible: true, seed: 2 });
    const result = run(write('village.json', scenario), '--time-limit', '5');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const plan = loadPlanSchema.parse(JSON.parse(lines[0] ?? ''));
    expectFeasiblePlan(scenario, plan);
    expect(plan.objective).toBeLessThanOrEqual(plan.unmanaged.objective);
    expect(result.stderr).toMatch(/solve-loads: (optimal|feasible)/);
  }, 60_000);

  it('names the bad field of an invalid file', () => {
    const scenario = generateLoadScenario({ households: 3, nonInterruptible: false, seed: 2 });
    const broken = structuredClone(scenario) as LoadScenario;
    broken.households[1]?.baseKw.pop();
    const result = run(write('broken.json', broken));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/households\.1\.baseKw: must have 96 values/);
  }, 60_000);

  it('refuses a load that cannot fit its window, naming household, load and slots', () => {
    const scenario: LoadScenario = {
      slotMinutes: 15,
      slots: 8,
      importPrice: new Array(8).fill(2000),
      transformerKw: 10,
      households: [
        {
          id: 'H9',
          baseKw: new Array(8).fill(0.5),
          loads: [{ id: 'ev', interruptible: true, kw: 2, energyKwh: 3, earliest: 4, latest: 8 }],
        },
      ],
    };
    const result = run(write('tight.json', scenario));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /households\.0\.loads\.0\.energyKwh: household H9, load ev: 3 kWh cannot fit in slots 4–7/,
    );
  }, 60_000);

  it('rejects a file that is not JSON', () => {
    const result = run(write('garbage.json', '{ not json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read .*garbage\.json/);
  }, 60_000);
});
