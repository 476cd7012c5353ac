/**
 * Median of the first `count` numbers of `sorted`, already in ascending order (`count` ≥ 1): the
 * middle one, or the mean of the middle two for an even count.
 */
export function sortedMedian(sorted: ArrayLike<number>, count: number): number {
  const mid = count >> 1;
  const upper = sorted[mid] ?? 0;
  return count % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
