/**
 * Runs one solve of the village benchmark in its own process (village-routing-solve.ts) and checks the
 * plan it prints independently (village-routing-check.ts) before it counts.
 */
import path from 'node:path';
import { type CollectionPlanResult, expectedLoad, parseCollectionRequest } from '@village/solver';
import { z } from 'zod';
import { REPO_ROOT, runScript } from '../lib/run-script.ts';
import { checkVillagePlan } from './village-routing-check.ts';
import { benchInstance, instanceName } from './village-routing-instance.ts';
import type { VillageRun } from './village-routing-report.ts';

const SOLVER_SCRIPT = path.join(REPO_ROOT, 'scripts', 'bench', 'village-routing-solve.ts');

const outputSchema = z.object({
  wallMs: z.number(),
  firstFeasibleMs: z.number().nullable(),
  plan: z.custom<CollectionPlanResult>((x) => typeof x === 'object' && x !== null && 'routes' in x),
});

function runSolver(bins: number, seed: number, timeLimit: number, solverSeed: number, balance: boolean) {
  const args = ['--bins', bins, '--instance', seed, '--time-limit', timeLimit, '--seed', solverSeed];
  if (balance) args.push('--balance');
  // A solve that overruns its limit this much is hung, not slow.
  return runScript(SOLVER_SCRIPT, args.map(String), timeLimit * 2000 + 60_000);
}

/** must / bins / expected litres: changes whenever the generated day does. */
export function fingerprint(bins: number, seed: number): string {
  const request = parseCollectionRequest(benchInstance(bins, seed));
  const musts = request.bins.filter((b) => b.mustCollect).length;
  const litres = request.bins.reduce((s, b) => s + expectedLoad(b).litres, 0);
  return `${musts}/${request.bins.length}/${Math.round(litres)}`;
}

export async function benchOne(
  phase: VillageRun['phase'],
  bins: number,
  seed: number,
  timeLimit: number,
  solverSeed: number,
  balance = false,
): Promise<VillageRun> {
  const base = { phase, instance: instanceName(bins, seed), bins, seed, solverSeed, timeLimit };
  const run = await runSolver(bins, seed, timeLimit, solverSeed, balance);
  let output: z.infer<typeof outputSchema>;
  try {
    output = outputSchema.parse(JSON.parse(run.stdout));
  } catch {
    return { ...base, wallMs: 0, error: `exit ${run.code}, no valid JSON: ${run.stderr.slice(-500)}` };
  }
  const checked = checkVillagePlan(bins, seed, balance, output.plan);
  const done = { ...base, wallMs: output.wallMs, firstFeasibleMs: output.firstFeasibleMs };
  if (checked.problems.length > 0) return { ...done, error: checked.problems.slice(0, 3).join('; ') };
  return {
    ...done,
    objectiveVnd: checked.objectiveVnd,
    routes: checked.routes,
    binsCollected: checked.binsCollected,
    spreadMinutes: checked.spreadMinutes,
  };
}

export function logged(run: VillageRun): VillageRun {
  const what = run.error === undefined ? `${Math.round(run.objectiveVnd ?? 0)} VND` : `FAILED: ${run.error}`;
  console.error(`bench:village: ${run.instance} ${run.timeLimit} s (seed ${run.solverSeed}): ${what}`);
  return run;
}
