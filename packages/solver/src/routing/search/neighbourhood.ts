import type { ProblemData } from '../model/problem-data.ts';

/**
 * Granular neighbourhoods (Toth & Vigo 2003; HGS, PyVRP): the search only tries moves that bring a
 * client next to one of its `granularity` most related clients, which cuts the O(n²) move space to
 * O(n·g) with little loss of quality.
 *
 * Relatedness (smaller = closer), as in PyVRP: the cheapest edge cost i → j over vehicle types,
 * plus the waiting forced when j opens long after i closes (weighted `weightWaitTime`) and the time
 * warp forced when j closes before i can be served and left (weighted `weightTimeWarp`); then
 * symmetrised, proximity(i, j) = min(p(i, j), p(j, i)), because moves use the pair both ways.
 * Clients that no single vehicle type may serve together are never neighbours.
 */
export interface NeighbourhoodOptions {
  granularity?: number;
  weightWaitTime?: number;
  weightTimeWarp?: number;
  /** Also make v a neighbour of u whenever u is one of v's (HGS does); lists then differ in length. */
  symmetric?: boolean;
}

/** Neighbour lists in CSR form: `neighbours[offsets[l] .. offsets[l + 1])`, closest first; depots have none. */
export interface Neighbourhood {
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
}

export function computeNeighbourhood(
  problem: ProblemData,
  options: NeighbourhoodOptions = {},
): Neighbourhood {
  const { numDepots: D, numLocations: n, numClients: C } = problem;
  const g = Math.max(0, Math.min(options.granularity ?? 40, C - 1));
  const wWait = options.weightWaitTime ?? 0.2;
  const wWarp = options.weightTimeWarp ?? 1;
  const { distance, duration, serviceDuration: service, twEarly, twLate, allowedTypesMask: mask } = problem;

  let cDist = Number.POSITIVE_INFINITY;
  let cDur = Number.POSITIVE_INFINITY;
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    cDist = Math.min(cDist, problem.unitDistanceCost[t]!);
    cDur = Math.min(cDur, problem.unitDurationCost[t]!);
  }
  // Fixed-cost-only problems still need a notion of closeness: fall back to distance.
  if (!(cDist + cDur > 0)) cDist = 1;

  const oneWay = (i: number, j: number): number => {
    const dij = duration[i * n + j]!;
    const wait = twEarly[j]! - dij - service[i]! - twLate[i]!;
    const warp = twEarly[i]! + service[i]! + dij - twLate[j]!;
    return (
      cDist * distance[i * n + j]! +
      cDur * dij +
      (wait > 0 ? wWait * wait : 0) +
      (warp > 0 ? wWarp * warp : 0)
    );
  };

  const value = new Float64Array(C);
  const index = new Int32Array(C);
  const chosen = new Int32Array(C * g);
  const counts = new Int32Array(n);
  for (let i = D; i < n; i++) {
    let size = 0;
    for (let j = D; j < n; j++) {
      if (j === i || (mask[i]! & mask[j]!) === 0) continue;
      value[j - D] = Math.min(oneWay(i, j), oneWay(j, i));
      index[size++] = j - D;
    }
    const k = Math.min(g, size);
    selectSmallest(index, size, k, value);
    const top = index.subarray(0, k);
    top.sort((a, b) => value[a]! - value[b]! || a - b);
    for (let r = 0; r < k; r++) chosen[(i - D) * g + r] = top[r]! + D;
    counts[i] = k;
  }

  if (!options.symmetric) return toCsr(n, D, g, chosen, counts, undefined);
  // Union with the reverse relation; extra entries go after the proper neighbours.
  const extra: number[][] = Array.from({ length: n }, () => []);
  for (let i = D; i < n; i++) {
    for (let r = 0; r < counts[i]!; r++) {
      const j = chosen[(i - D) * g + r]!;
      let found = false;
      for (let s = 0; s < counts[j]!; s++) if (chosen[(j - D) * g + s] === i) found = true;
      if (!found) extra[j]!.push(i);
    }
  }
  return toCsr(n, D, g, chosen, counts, extra);
}

function toCsr(
  n: number,
  D: number,
  g: number,
  chosen: Int32Array,
  counts: Int32Array,
  extra: number[][] | undefined,
): Neighbourhood {
  const offsets = new Int32Array(n + 1);
  for (let l = 0; l < n; l++) offsets[l + 1] = offsets[l]! + counts[l]! + (extra?.[l]?.length ?? 0);
  const neighbours = new Int32Array(offsets[n]!);
  for (let l = D; l < n; l++) {
    let at = offsets[l]!;
    for (let r = 0; r < counts[l]!; r++) neighbours[at++] = chosen[(l - D) * g + r]!;
    for (const j of extra?.[l] ?? []) neighbours[at++] = j;
  }
  return { offsets, neighbours };
}

/**
 * Quickselect (Hoare partition, median-of-three): moves the k smallest `value[index[·]]` (ties by
 * index) into `index[0..k)`, in O(size) expected time and without allocation.
 */
function selectSmallest(index: Int32Array, size: number, k: number, value: Float64Array): void {
  if (k <= 0 || k >= size) return;
  const less = (a: number, b: number): boolean => value[a]! < value[b]! || (value[a] === value[b] && a < b);
  let lo = 0;
  let hi = size - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot guards against sorted inputs.
    let a = index[lo]!;
    let b = index[mid]!;
    let c = index[hi]!;
    if (less(b, a)) [a, b] = [b, a];
    if (less(c, b)) [b, c] = [c, b];
    if (less(b, a)) [a, b] = [b, a];
    const pivot = b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (less(index[i]!, pivot)) i++;
      while (less(pivot, index[j]!)) j--;
      if (i <= j) {
        const tmp = index[i]!;
        index[i++] = index[j]!;
        index[j--] = tmp;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
