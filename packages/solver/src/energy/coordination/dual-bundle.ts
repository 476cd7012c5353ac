import type { CompiledHousehold } from '../model/compiled-scenario.ts';
import { type Clock, wallClock } from './clock.ts';
import { type Cut, solveCuttingPlaneMaster } from './cutting-plane-master.ts';
import type { VillageState } from './village-state.ts';

export interface DualOptions {
  /** Clock value at which to stop (checked between evaluations). */
  deadline: number;
  /** The clock `deadline` is read on (default performance.now). */
  now?: Clock;
  /** Stop when the model promises less than this relative improvement. */
  tolerance: number;
  /** Price of one kWh over the transformer limit (VND/kWh): caps the multipliers, so an impossible limit still yields the least-overload plan. */
  overloadPrice: number;
  maxIterations: number;
  onResolved?: (household: CompiledHousehold) => void;
  /** Progress: called after every dual evaluation. */
  onIteration?: (progress: {
    iteration: number;
    lowerBound: number;
    dimensions: number;
    radius: number;
  }) => void;
}

export interface DualResult {
  /** Best Lagrangian value found: a lower bound on the optimal cost (with overload priced). */
  lowerBound: number;
  iterations: number;
}

/** One dual dimension: the multiplier of a transformer row (import limit +1, reverse-flow limit −1). */
interface Dimension {
  slot: number;
  direction: 1 | -1;
}

/**
 * Maximises the Lagrangian dual of the transformer rows with a trust-region cutting-plane (bundle)
 * method. Only rows that have ever been violated become dimensions, so the master stays tiny. Each
 * evaluation re-solves just the households whose flexible span the price change touches. Leaves the
 * state at the best multipliers found (the stability centre), ready for primal recovery.
 */
export function maximizeDual(state: VillageState, options: DualOptions): DualResult {
  const { slots, hours, transformerKw, importLimitKw } = state.scenario;
  const limitOf = (dim: Dimension) =>
    dim.direction === 1 ? (importLimitKw[dim.slot] ?? transformerKw) : transformerKw;
  const dims: Dimension[] = [];
  const dimIndex = new Map<number, number>();
  const cutData: { constant: number; aggregate: Float64Array }[] = [];
  const watch = () => {
    for (let t = 0; t < slots; t++) {
      const net = state.aggregateKw[t] ?? 0;
      for (const direction of [1, -1] as const) {
        const key = direction * (t + 1);
        const limit = direction === 1 ? (importLimitKw[t] ?? transformerKw) : transformerKw;
        if (direction * net > limit + 1e-9 && !dimIndex.has(key)) {
          dimIndex.set(key, dims.length);
          dims.push({ slot: t, direction });
        }
      }
    }
  };
  const record = () => cutData.push({ constant: state.totalCost(), aggregate: state.aggregateKw.slice() });
  const lagrangian = (z: readonly number[]) => {
    let sum = 0;
    dims.forEach((dim, j) => {
      sum += (z[j] ?? 0) * limitOf(dim);
    });
    return state.pricedCost() - hours * sum;
  };
  const lambdaOf = (z: readonly number[]) => {
    const lambda = new Float64Array(slots);
    dims.forEach((dim, j) => {
      lambda[dim.slot] = (lambda[dim.slot] ?? 0) + dim.direction * (z[j] ?? 0);
    });
    return lambda;
  };
  const cutAt = (k: number): Cut => {
    const data = cutData[k];
    if (!data) throw new Error(`no cut #${k}`);
    const slopes = dims.map(
      (dim) => hours * (dim.direction * (data.aggregate[dim.slot] ?? 0) - limitOf(dim)),
    );
    return { constant: data.constant, slopes };
  };

  record();
  watch();
  let center: number[] = dims.map(() => 0);
  let centerValue = lagrangian(center);
  let best = centerValue;
  if (dims.length === 0) return { lowerBound: best, iterations: 0 };
  let radius = initialRadius(state);
  let iterations = 0;
  const now = options.now ?? wallClock;
  // How long the last evaluation took: one that would end past the deadline is not started (each
  // re-solves up to every household, ~0.1 ms apiece, and cannot stop half-way).
  let evaluationMs = 0;
  while (iterations < options.maxIterations) {
    const evaluationStart = now();
    if (evaluationStart + evaluationMs >= options.deadline) break;
    iterations++;
    while (center.length < dims.length) center.push(0);
    const lower = center.map((z) => Math.max(0, z - radius));
    const upper = center.map((z) => Math.min(options.overloadPrice, z + radius));
    const cuts = cutData.map((_, k) => cutAt(k));
    const master = solveCuttingPlaneMaster(cuts, center, lower, upper, centerValue, {
      shouldStop: () => now() >= options.deadline,
    });
    if (!master) break;
    const predicted = Math.min(...cuts.map((cut) => cut.constant + dot(cut.slopes, master.point)));
    if (predicted - centerValue <= options.tolerance * Math.max(1, Math.abs(centerValue))) {
      if (radius >= options.overloadPrice) break;
      // The model is flat inside the box: either optimal, or the box is too small to see better.
      if (master.point.every((z, j) => z > (lower[j] ?? 0) + 1e-9 && z < (upper[j] ?? 0) - 1e-9)) break;
      radius *= 4;
      continue;
    }
    state.setLambda(lambdaOf(master.point), options.onResolved);
    evaluationMs = now() - evaluationStart;
    const value = lagrangian(master.point);
    record();
    watch();
    if (value > best) best = value;
    options.onIteration?.({ iteration: iterations, lowerBound: best, dimensions: dims.length, radius });
    if (value - centerValue >= 0.1 * (predicted - centerValue)) {
      if (value - centerValue >= 0.5 * (predicted - centerValue)) radius *= 2;
      center = master.point;
      centerValue = value;
    } else {
      radius = Math.max(radius * 0.5, 1);
    }
  }
  while (center.length < dims.length) center.push(0);
  state.setLambda(lambdaOf(center), options.onResolved);
  return { lowerBound: best, iterations };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += (a[j] ?? 0) * (b[j] ?? 0);
  return sum;
}

/** A first step of about the spread of prices: multipliers live on the scale of price differences. */
function initialRadius(state: VillageState): number {
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (const household of state.scenario.households) {
    for (const price of household.importPrice) {
      if (price < low) low = price;
      if (price > high) high = price;
    }
  }
  return Math.max(100, (high - Math.min(low, high)) / 2);
}
