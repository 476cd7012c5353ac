import type { Rng } from '@village/domain';
import type { ProblemData } from '../../model/problem-data.ts';
import type { Penalties, Plan } from '../../search/plan.ts';
import type { Crossover } from './crossover.ts';
import { Split } from './split.ts';

/**
 * HGS-CVRP's crossover: ordered crossover (OX) on the parents' giant tours, then an optimal Split into
 * routes. Only valid where `isGiantTourProblem` holds (every client required, one vehicle type, no
 * reloads or binding time windows). A random cyclic segment of the first parent's tour is kept in
 * place; the remaining clients follow in the second parent's order, starting after the segment.
 */
export class OrderedCrossover implements Crossover {
  private readonly problem: ProblemData;
  private readonly split: Split;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly child: Int32Array;
  private readonly taken: Uint8Array;
  private chained: Uint8Array;

  constructor(problem: ProblemData) {
    this.problem = problem;
    this.split = new Split(problem);
    this.first = new Int32Array(problem.numClients);
    this.second = new Int32Array(problem.numClients);
    this.child = new Int32Array(problem.numClients);
    this.taken = new Uint8Array(problem.numLocations);
    this.chained = new Uint8Array(problem.numClients + 1);
  }

  cross(first: Plan, second: Plan, penalties: Penalties, rng: Rng): Plan {
    const n = this.problem.numClients;
    const lengthA = this.giantTour(first, this.first);
    const lengthB = this.giantTour(second, this.second);
    // Parents always serve every client here; anything else is a caller error we survive by splitting
    // the first parent's own tour.
    if (lengthA !== n || lengthB !== n || n < 2) return this.split.split(this.first, lengthA, penalties);

    const start = rng.int(n);
    let end = rng.int(n - 1);
    if (end >= start) end++;
    const taken = this.taken;
    taken.fill(0);
    const child = this.child;
    let j = start;
    for (;;) {
      const c = this.first[j]!;
      child[j] = c;
      taken[c] = 1;
      if (j === end) break;
      j = (j + 1) % n;
    }
    let write = (end + 1) % n;
    for (let i = 1; i <= n; i++) {
      const c = this.second[(end + i) % n]!;
      if (taken[c]) continue;
      child[write] = c;
      write = (write + 1) % n;
    }
    return this.split.split(child, n, penalties);
  }

  /**
   * Concatenates the clients of `plan`'s routes into `out` (returns the count). HGS orders routes by
   * polar angle so that neighbouring routes sit next to each other in the tour — the OX segment then
   * covers one region and Split can cut across route boundaries usefully. We have no coordinates, so
   * we chain routes greedily instead: next comes the route whose first client is nearest to the
   * current route's last one. O(routes²), small next to the local search.
   */
  private giantTour(plan: Plan, out: Int32Array): number {
    const { numDepots: D, numLocations: n, distance } = this.problem;
    const routes = plan.routes;
    const R = routes.length;
    if (this.chained.length < R) this.chained = new Uint8Array(R);
    const chained = this.chained;
    chained.fill(0, 0, R);
    let length = 0;
    let current = 0;
    for (let k = 0; k < R; k++) {
      chained[current] = 1;
      const visits = routes[current]!.visits;
      let last = -1;
      for (const l of visits) {
        if (l >= D && length < out.length) {
          out[length++] = l;
          last = l;
        }
      }
      let next = -1;
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < R; r++) {
        if (chained[r]) continue;
        const head = routes[r]!.visits[0];
        const d = last >= 0 && head !== undefined ? distance[last * n + head]! : 0;
        if (d < best) {
          best = d;
          next = r;
        }
      }
      if (next < 0) break;
      current = next;
    }
    return length;
  }
}
