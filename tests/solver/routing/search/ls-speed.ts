/**
 * Local-search speed probe (not a test): full descents from random plans on a CVRPLIB instance.
 *
 *   npx tsx tests/solver/routing/search/ls-speed.ts [instance.vrp] [descents]
 *
 * Default instance: ../shared/bench/cvrplib/X-n1001-k43.vrp. Prints CPU time per descent (the first
 * includes JIT warm-up) and the resulting cost. Bundling first (esbuild) avoids tsx's loader overhead:
 *   npx esbuild tests/solver/routing/search/ls-speed.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/ls-speed.mjs && node /tmp/ls-speed.mjs
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../../../../packages/domain/src/random.ts';
import { randomPlan } from '../../../../packages/solver/src/routing/construction/random-plan.ts';
import { parseCvrplib } from '../../../../packages/solver/src/routing/io/cvrplib.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { evaluatePlan } from '../../../../packages/solver/src/routing/search/evaluate-plan.ts';
import { createLocalSearch } from '../../../../packages/solver/src/routing/search/local-search.ts';

const file = process.argv[2] ?? '../shared/bench/cvrplib/X-n1001-k43.vrp';
const descents = Number(process.argv[3] ?? 6);
const problem = createProblem(parseCvrplib(readFileSync(file, 'utf8')).input);
const penalties = { load: 100, timeWarp: 100 };

let started = performance.now();
const ls = createLocalSearch(problem);
console.log(`${file}: ${problem.numClients} clients, setup ${(performance.now() - started).toFixed(0)} ms`);
const times: number[] = [];
for (let seed = 1; seed <= descents; seed++) {
  const rng = createRng(seed);
  const plan = randomPlan(problem, rng);
  const cpu = process.cpuUsage();
  started = performance.now();
  const out = ls.improve(plan, penalties, rng);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  times.push(ms);
  const e = evaluatePlan(problem, out, penalties);
  console.log(
    `descent ${seed}: ${ms.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall), cost ${e.cost}, ${out.routes.length} routes, feasible ${e.feasible}`,
  );
}
const warm = times.slice(1).sort((a, b) => a - b);
if (warm.length > 0)
  console.log(`median after warm-up: ${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms CPU`);
