import type { ProblemData } from '../model/problem-data.ts';
import { computeNeighbourhood } from '../search/neighbourhood.ts';
import type { Plan } from '../search/plan.ts';
import { createSearchData } from '../search/search-data.ts';
import { DurationSegment } from '../search/segments/duration-segment.ts';
import { insertionPlan } from './insertion.ts';

/** Above this many clients only granular-neighbour pairs are considered (O(n·g) savings, not O(n²)). */
const ALL_PAIRS_CLIENTS = 300;

/**
 * Clarke & Wright (1964) parallel savings for CVRP-like problems: start with one route per required
 * client and repeatedly join the end of one route to the start of another, in decreasing order of
 * saving s(i, j) = d(i, depot) + d(depot, j) − d(i, j), whenever the joined route stays feasible —
 * capacity in every dimension, time windows, shift and maximum duration (O(1) per test with
 * duration segments). Routes keep their orientation, so it is valid for asymmetric and
 * time-windowed data too.
 *
 * All routes use one vehicle type: the type that may serve every required client with the largest
 * capacity (first dimension first). When no such type exists, or the fleet of that type is too
 * small, or reloads are needed, the problem is not CVRP-like and the plan falls back to
 * `insertionPlan`. Optional clients are left to the local search.
 */
export function savingsPlan(problem: ProblemData): Plan {
  const { numDepots: D, numLocations: n, numLoadDims: K } = problem;
  const t = savingsType(problem);
  if (t < 0) return insertionPlan(problem);
  const data = createSearchData(problem);
  const { distance: dist, duration, demand, capacity, serviceDuration: service, twEarly, twLate } = problem;
  const start = problem.startDepot[t]!;
  const end = problem.endDepot[t]!;

  // Route bookkeeping, indexed by the client that heads the route.
  const next = new Int32Array(n).fill(-1);
  const head = new Int32Array(n).fill(-1); // route head of each client
  const tail = new Int32Array(n).fill(-1); // route tail (valid at heads)
  const load = new Float64Array(n * K);
  const segD = new Float64Array(n);
  const segTW = new Float64Array(n);
  const segE = new Float64Array(n);
  const segL = new Float64Array(n);
  const clients: number[] = [];
  for (let l = D; l < n; l++) {
    if (problem.required[l] !== 1) continue;
    clients.push(l);
    head[l] = l;
    tail[l] = l;
    for (let d = 0; d < K; d++) load[l * K + d] = demand[l * K + d]!;
    segD[l] = service[l]!;
    segE[l] = twEarly[l]!;
    segL[l] = twLate[l]!;
  }

  const pairs = candidatePairs(problem, clients);
  const saving = new Float64Array(pairs.length / 2);
  for (let k = 0; k < saving.length; k++) {
    const i = pairs[2 * k]!;
    const j = pairs[2 * k + 1]!;
    saving[k] = dist[i * n + end]! + dist[start * n + j]! - dist[i * n + j]!;
  }
  const order = Int32Array.from({ length: saving.length }, (_, k) => k);
  order.sort((a, b) => saving[b]! - saving[a]! || a - b);

  const seg = new DurationSegment();
  const depots = data.depots;
  const costs = data.costs;
  for (const k of order) {
    if (!(saving[k]! > 0)) break;
    const i = pairs[2 * k]!;
    const j = pairs[2 * k + 1]!;
    const hi = head[i]!;
    const hj = head[j]!;
    if (hi === hj || tail[hi] !== i || hj !== j) continue;
    let fits = true;
    for (let d = 0; d < K; d++)
      if (load[hi * K + d]! + load[hj * K + d]! > capacity[t * K + d]!) fits = false;
    if (!fits) continue;
    if (data.usesDuration) {
      // start ⊕ route(hi) ⊕ route(hj) ⊕ end must have no time warp.
      seg.set(0, depots.startWarp[t]!, depots.startEarly[t]!, depots.startLate[t]!);
      seg.append(duration[start * n + hi]!, segD[hi]!, segTW[hi]!, segE[hi]!, segL[hi]!);
      seg.append(duration[i * n + j]!, segD[hj]!, segTW[hj]!, segE[hj]!, segL[hj]!);
      seg.append(
        duration[tail[hj]! * n + end]!,
        0,
        depots.endWarp[t]!,
        depots.endEarly[t]!,
        depots.endLate[t]!,
      );
      if (costs.totalTimeWarp(t, seg.duration, seg.timeWarp) > 0) continue;
      seg.set(segD[hi]!, segTW[hi]!, segE[hi]!, segL[hi]!);
      seg.append(duration[i * n + j]!, segD[hj]!, segTW[hj]!, segE[hj]!, segL[hj]!);
      segD[hi] = seg.duration;
      segTW[hi] = seg.timeWarp;
      segE[hi] = seg.twEarly;
      segL[hi] = seg.twLate;
    }
    for (let d = 0; d < K; d++) load[hi * K + d] = load[hi * K + d]! + load[hj * K + d]!;
    next[i] = j;
    tail[hi] = tail[hj]!;
    for (let x = j; x !== -1; x = next[x]!) head[x] = hi;
  }

  const routes: Plan['routes'] = [];
  for (const c of clients) {
    if (head[c] !== c) continue;
    const visits: number[] = [];
    for (let x = c; x !== -1; x = next[x]!) visits.push(x);
    routes.push({ vehicleType: t, visits });
  }
  if (routes.length > problem.numAvailable[t]!) return insertionPlan(problem);
  return { routes };
}

/** The single vehicle type savings can use, or −1 when the problem is not CVRP-like. */
function savingsType(problem: ProblemData): number {
  const K = problem.numLoadDims;
  let best = -1;
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    if (problem.maxReloads[t]! > 0 && problem.reloadOffsets[t + 1]! > problem.reloadOffsets[t]!) return -1;
    let servesAll = true;
    for (let l = problem.numDepots; l < problem.numLocations; l++) {
      if (problem.required[l] === 1 && ((problem.allowedTypesMask[l]! >>> t) & 1) === 0) servesAll = false;
    }
    if (!servesAll || problem.numAvailable[t]! === 0) continue;
    if (best < 0 || problem.capacity[t * K]! > problem.capacity[best * K]!) best = t;
  }
  return best;
}

/** Ordered pairs (i, j): all of them for small instances, else each client with its neighbours. */
function candidatePairs(problem: ProblemData, clients: number[]): Int32Array {
  if (clients.length <= ALL_PAIRS_CLIENTS) {
    const out = new Int32Array(clients.length * (clients.length - 1) * 2);
    let at = 0;
    for (const i of clients) {
      for (const j of clients) {
        if (i === j) continue;
        out[at++] = i;
        out[at++] = j;
      }
    }
    return out;
  }
  const hood = computeNeighbourhood(problem, { granularity: 40 });
  const out: number[] = [];
  for (const i of clients) {
    for (let k = hood.offsets[i]!; k < hood.offsets[i + 1]!; k++) {
      const j = hood.neighbours[k]!;
      if (problem.required[j] !== 1) continue;
      out.push(i, j, j, i);
    }
  }
  return Int32Array.from(out);
}
