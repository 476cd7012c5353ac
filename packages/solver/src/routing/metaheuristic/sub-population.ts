import type { Rng } from '@village/domain';
import type { Individual } from './individual.ts';

export interface SubPopulationParams {
  /** μ: size after survivor selection. */
  minSize: number;
  /** λ: survivor selection runs once the subpopulation reaches μ + λ. */
  generationSize: number;
  /** Best individuals protected by the biased fitness weighting. */
  numElite: number;
  /** Closest individuals averaged for the diversity contribution. */
  numClose: number;
}

/**
 * One subpopulation (feasible or infeasible) of the hybrid genetic search (Vidal et al. 2012, 2022),
 * kept sorted by penalised cost. Survivor selection removes, one at a time, the individual with the
 * worst biased fitness — cost rank plus diversity rank weighted by (1 − nbElite / size) — and clones
 * first, so the population stays both good and spread out.
 */
export class SubPopulation {
  readonly items: Individual[] = [];
  private readonly params: SubPopulationParams;
  private readonly firstClient: number;
  /** Scratch for the diversity ranking (no allocation per call). */
  private readonly order: number[] = [];
  private readonly diversity: number[] = [];

  constructor(params: SubPopulationParams, firstClient: number) {
    this.params = params;
    this.firstClient = firstClient;
  }

  get size(): number {
    return this.items.length;
  }

  add(individual: Individual): void {
    for (const other of this.items) individual.link(other, individual.distanceTo(other, this.firstClient));
    // Stable for ties: a newcomer goes after members of equal cost.
    let place = this.items.length;
    while (place > 0 && this.items[place - 1]!.penalisedCost > individual.penalisedCost) place--;
    this.items.splice(place, 0, individual);
    const { minSize, generationSize } = this.params;
    if (this.items.length > minSize + generationSize) {
      while (this.items.length > minSize) this.removeWorst();
    }
  }

  /** Re-sorts after the penalised costs changed (penalty update); insertion sort, the order barely moves. */
  resort(): void {
    const items = this.items;
    for (let i = 1; i < items.length; i++) {
      const x = items[i]!;
      let j = i - 1;
      while (j >= 0 && items[j]!.penalisedCost > x.penalisedCost) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = x;
    }
  }

  /** Sets each member's `biasedFitness` from its cost rank (its index) and diversity rank. */
  updateBiasedFitness(): void {
    const items = this.items;
    const n = items.length;
    if (n === 0) return;
    if (n === 1) {
      items[0]!.biasedFitness = 0;
      return;
    }
    const { numClose, numElite } = this.params;
    const order = this.order;
    const diversity = this.diversity;
    order.length = n;
    diversity.length = n;
    for (let i = 0; i < n; i++) {
      order[i] = i;
      diversity[i] = items[i]!.averageDistanceToClosest(numClose);
    }
    // Most diverse first; ties keep cost order, so results do not depend on the sort's stability.
    order.sort((a, b) => diversity[b]! - diversity[a]! || a - b);
    const eliteWeight = n <= numElite ? 0 : 1 - numElite / n;
    for (let rank = 0; rank < n; rank++) {
      const i = order[rank]!;
      const costRank = i / (n - 1);
      const diversityRank = rank / (n - 1);
      items[i]!.biasedFitness = costRank + eliteWeight * diversityRank;
    }
  }

  /** Removes the clone (distance 0 to another member) with the worst fitness, else the worst overall. */
  private removeWorst(): void {
    this.updateBiasedFitness();
    const items = this.items;
    let worst = -1;
    let worstIsClone = false;
    let worstFitness = Number.NEGATIVE_INFINITY;
    // The best individual (index 0) is never removed.
    for (let i = 1; i < items.length; i++) {
      const item = items[i]!;
      const isClone = item.closestDistance() < 1e-9;
      if ((isClone && !worstIsClone) || (isClone === worstIsClone && item.biasedFitness > worstFitness)) {
        worst = i;
        worstIsClone = isClone;
        worstFitness = item.biasedFitness;
      }
    }
    if (worst < 0) return;
    this.remove(worst);
  }

  private remove(index: number): void {
    const [gone] = this.items.splice(index, 1);
    if (!gone) return;
    for (const other of this.items) other.unlink(gone);
    gone.clearLinks();
  }

  randomMember(rng: Rng): Individual | undefined {
    return this.items.length === 0 ? undefined : this.items[rng.int(this.items.length)];
  }

  clear(): void {
    for (const item of this.items) item.clearLinks();
    this.items.length = 0;
  }
}
