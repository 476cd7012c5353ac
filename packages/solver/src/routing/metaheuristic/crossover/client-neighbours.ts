import type { ProblemData } from '../../model/problem-data.ts';

/**
 * The `k` nearest other clients of each client, by the symmetrised distance d(i,j) + d(j,i):
 * `list[(c − numDepots) * k + i]`, nearest first. SREX uses it to find routes that border each other
 * without coordinates. Built once per solve, O(n² · k).
 */
export function nearestClients(problem: ProblemData, k: number): { k: number; list: Int32Array } {
  const { numDepots: D, numLocations: n, numClients: C, distance } = problem;
  const size = Math.min(k, Math.max(0, C - 1));
  const list = new Int32Array(C * size);
  const best = new Float64Array(size);
  for (let i = D; i < n; i++) {
    const base = (i - D) * size;
    let count = 0;
    for (let j = D; j < n; j++) {
      if (j === i) continue;
      const d = distance[i * n + j]! + distance[j * n + i]!;
      if (count === size && d >= best[size - 1]!) continue;
      // Insertion into the sorted prefix; ties keep the lower index first (deterministic).
      let pos = count < size ? count++ : size - 1;
      while (pos > 0 && best[pos - 1]! > d) {
        best[pos] = best[pos - 1]!;
        list[base + pos] = list[base + pos - 1]!;
        pos--;
      }
      best[pos] = d;
      list[base + pos] = j;
    }
  }
  return { k: size, list };
}
