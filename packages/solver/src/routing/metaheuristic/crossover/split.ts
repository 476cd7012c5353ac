import type { ProblemData } from '../../model/problem-data.ts';
import type { Penalties, Plan } from '../../search/plan.ts';

/**
 * True when a plan is fully described by the order of its clients (a "giant tour"), so that OX + Split
 * applies: one vehicle type, no reloads, every client required and allowed, no client time window that
 * can bind (route time is then a sum, and route cost depends only on which clients it serves in order).
 */
export function isGiantTourProblem(problem: ProblemData): boolean {
  if (problem.numVehicleTypes !== 1 || problem.numAvailable[0]! < 1) return false;
  if (problem.reloadOffsets[1]! > problem.reloadOffsets[0]!) return false;
  const start = problem.startDepot[0]!;
  const departure = Math.max(problem.shiftEarly[0]!, problem.twEarly[start]!);
  if (departure > problem.twLate[start]!) return false;
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    if (problem.required[l] !== 1 || (problem.allowedTypesMask[l]! & 1) === 0) return false;
    if (problem.twEarly[l]! > departure || problem.twLate[l] !== Number.POSITIVE_INFINITY) return false;
  }
  return true;
}

/**
 * Optimal split of a giant tour into routes (Prins 2004; Vidal 2016 for the penalised form), for the
 * problems `isGiantTourProblem` accepts. Route cost is the exact objective plus penalties for excess
 * load and time (shift end, maximum duration), so the split itself trades an overloaded route against
 * an extra one the way the local search will.
 *
 * Bellman over the tour, each route extended while its load stays within 1.5× capacity (HGS's bound:
 * heavier routes are never worth their penalty), O(n·route length). If that uses more vehicles than
 * exist, a fleet-limited DP over route counts follows, O(vehicles·n·route length). Buffers are reused.
 */
export class Split {
  private readonly problem: ProblemData;
  private potential = new Float64Array(0);
  private predecessor = new Int32Array(0);
  private layered = new Float64Array(0);
  private layeredPred = new Int32Array(0);
  /** `costs[k]`: penalised cost of the route tour[i..i+k], filled by `routeCosts`. */
  private costs = new Float64Array(0);
  private readonly load: Float64Array;

  constructor(problem: ProblemData) {
    this.problem = problem;
    this.load = new Float64Array(problem.numLoadDims);
  }

  split(tour: Int32Array, length: number, penalties: Penalties): Plan {
    if (length === 0) return { routes: [] };
    this.ensure(length + 1);
    const pot = this.potential;
    const pred = this.predecessor;
    pot.fill(Number.POSITIVE_INFINITY, 0, length + 1);
    pot[0] = 0;
    for (let i = 0; i < length; i++) {
      const base = pot[i]!;
      if (base === Number.POSITIVE_INFINITY) continue;
      const count = this.routeCosts(tour, length, i, penalties, true);
      for (let k = 0; k < count; k++) {
        const j = i + k + 1;
        const value = base + this.costs[k]!;
        if (value < pot[j]!) {
          pot[j] = value;
          pred[j] = i;
        }
      }
    }
    let routes = 0;
    for (let j = length; j > 0; j = pred[j]!) routes++;
    const available = this.problem.numAvailable[0]!;
    if (routes <= available) return this.extract(tour, length, pred);
    return this.limitedSplit(tour, length, penalties, available) ?? this.extract(tour, length, pred);
  }

  /** Fleet-limited split; undefined if even unbounded routes cannot cover the tour (cannot happen for m ≥ 1). */
  private limitedSplit(tour: Int32Array, length: number, penalties: Penalties, m: number): Plan | undefined {
    const width = length + 1;
    if (this.layered.length < (m + 1) * width) {
      this.layered = new Float64Array((m + 1) * width);
      this.layeredPred = new Int32Array((m + 1) * width);
    }
    const pot = this.layered;
    const pred = this.layeredPred;
    for (const bounded of [true, false]) {
      pot.fill(Number.POSITIVE_INFINITY, 0, (m + 1) * width);
      pot[0] = 0;
      for (let k = 0; k < m; k++) {
        for (let i = k; i < length; i++) {
          const base = pot[k * width + i]!;
          if (base === Number.POSITIVE_INFINITY) continue;
          const count = this.routeCosts(tour, length, i, penalties, bounded);
          for (let q = 0; q < count; q++) {
            const at = (k + 1) * width + i + q + 1;
            const value = base + this.costs[q]!;
            if (value < pot[at]!) {
              pot[at] = value;
              pred[at] = i;
            }
          }
        }
      }
      let bestK = -1;
      for (let k = 1; k <= m; k++) {
        if (pot[k * width + length]! < (bestK < 0 ? Number.POSITIVE_INFINITY : pot[bestK * width + length]!))
          bestK = k;
      }
      if (bestK < 0) continue;
      const starts: number[] = [];
      for (let k = bestK, j = length; k > 0; k--) {
        starts.push(pred[k * width + j]!);
        j = pred[k * width + j]!;
      }
      starts.reverse();
      starts.push(length);
      const routes = [];
      for (let r = 0; r + 1 < starts.length; r++) {
        routes.push({ vehicleType: 0, visits: Array.from(tour.subarray(starts[r]!, starts[r + 1]!)) });
      }
      return { routes };
    }
    return undefined;
  }

  /**
   * Fills `costs[k]` with the cost of the route serving tour[i..i+k] for k = 0, 1, … while worth
   * considering (within the load bound when `bounded`); returns how many were filled.
   */
  private routeCosts(
    tour: Int32Array,
    length: number,
    i: number,
    penalties: Penalties,
    bounded: boolean,
  ): number {
    const costs = this.costs;
    const p = this.problem;
    const { numLocations: n, numLoadDims: K, distance, duration, demand, serviceDuration } = p;
    const start = p.startDepot[0]!;
    const end = p.endDepot[0]!;
    const cap = p.capacity;
    const unitDist = p.unitDistanceCost[0]!;
    const unitDur = p.unitDurationCost[0]!;
    const fixed = p.fixedCost[0]!;
    const departure = Math.max(p.shiftEarly[0]!, p.twEarly[start]!);
    const latestEnd = Math.min(p.shiftLate[0]!, p.twLate[end]!);
    const maxDuration = p.maxDuration[0]!;
    const softLimit = p.softDurationLimit[0]!;
    const overtimeCost = p.overtimeUnitCost[0]!;
    const load = this.load;
    for (let d = 0; d < K; d++) load[d] = p.initialLoad[d]!;

    let dist = 0;
    let dur = 0;
    let prev = start;
    for (let j = i; j < length; j++) {
      const c = tour[j]!;
      dist += distance[prev * n + c]!;
      dur += duration[prev * n + c]! + serviceDuration[c]!;
      let excess = 0;
      let tooHeavy = false;
      for (let d = 0; d < K; d++) {
        load[d] = load[d]! + demand[c * K + d]!;
        const over = load[d]! - cap[d]!;
        if (over > 0) {
          excess += over;
          if (load[d]! > 1.5 * cap[d]!) tooHeavy = true;
        }
      }
      if (bounded && tooHeavy && j > i) return j - i;
      const totalDur = dur + duration[c * n + end]!;
      const warp = Math.max(0, departure + totalDur - latestEnd) + Math.max(0, totalDur - maxDuration);
      const cost =
        fixed +
        unitDist * (dist + distance[c * n + end]!) +
        unitDur * totalDur +
        (totalDur > softLimit ? overtimeCost * (totalDur - softLimit) : 0) +
        penalties.load * excess +
        penalties.timeWarp * warp;
      costs[j - i] = cost;
      prev = c;
    }
    return length - i;
  }

  private extract(tour: Int32Array, length: number, pred: Int32Array): Plan {
    const cuts: number[] = [];
    for (let j = length; j > 0; j = pred[j]!) cuts.push(j);
    cuts.push(0);
    cuts.reverse();
    const routes = [];
    for (let r = 0; r + 1 < cuts.length; r++) {
      routes.push({ vehicleType: 0, visits: Array.from(tour.subarray(cuts[r]!, cuts[r + 1]!)) });
    }
    return { routes };
  }

  private ensure(size: number): void {
    if (this.potential.length >= size) return;
    this.potential = new Float64Array(size);
    this.predecessor = new Int32Array(size);
    this.costs = new Float64Array(size);
  }
}
