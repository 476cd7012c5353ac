/**
 * Small robust statistics for the forecaster. Medians rather than means throughout: one glitched
 * reading or one odd day must not move a bin's estimated fill rate.
 */

/** Scales a median absolute deviation to a standard deviation for normally distributed data. */
export const MAD_TO_SD = 1.4826;

/**
 * Median of the values (NaN for none). Works on a copy (callers keep their order) with quickselect,
 * linear time: Theil–Sen hands it tens of thousands of slopes per bin, for hundreds of bins a day.
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const a = values instanceof Float64Array ? values.slice() : Float64Array.from(values);
  const mid = n >> 1;
  const upper = selectInPlace(a, mid);
  if (n % 2 === 1) return upper;
  // After selection everything left of `mid` is ≤ a[mid]: the lower middle is their maximum.
  let lower = a[0]!;
  for (let i = 1; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** Hoare's quickselect: moves the k-th smallest value to index k (smaller left, larger right). */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * Weighted median: the value where half of the total weight lies on each side (the lower of the
 * two middle values on an exact tie). NaN when the total weight is not positive.
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).filter((i) => (weights[i] ?? 0) > 0);
  const total = order.reduce((sum, i) => sum + weights[i]!, 0);
  if (!(total > 0)) return Number.NaN;
  order.sort((a, b) => values[a]! - values[b]!);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= total / 2) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** Median absolute deviation from the median, scaled to a standard deviation (MAD × 1.4826). */
export function robustSd(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const center = median(values);
  return MAD_TO_SD * median(values.map((v) => Math.abs(v - center)));
}

/**
 * Shrinks an estimate toward a prior, weighting each by its evidence:
 * (n·estimate + k·prior) / (n + k). With no evidence (n = 0) the prior is returned as is; with no
 * prior the estimate is. Returns NaN only when neither is known.
 */
export function shrink(
  estimate: number,
  evidence: number,
  prior: number | undefined,
  priorWeight: number,
): number {
  const hasEstimate = Number.isFinite(estimate) && evidence > 0;
  if (prior === undefined || !Number.isFinite(prior)) return hasEstimate ? estimate : Number.NaN;
  if (!hasEstimate) return prior;
  return (evidence * estimate + priorWeight * prior) / (evidence + priorWeight);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Theil–Sen slope: the median of the slopes between all pairs of points at least `minDx` apart in x.
 * Up to ~29 % of the points can be wrong without moving it. NaN when no pair qualifies. Points must
 * be sorted by x.
 */
export function theilSenSlope(x: ArrayLike<number>, y: ArrayLike<number>, minDx: number): number {
  const slopes: number[] = [];
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = x[j]! - x[i]!;
      if (dx >= minDx && dx > 0) slopes.push((y[j]! - y[i]!) / dx);
    }
  }
  return median(slopes);
}
