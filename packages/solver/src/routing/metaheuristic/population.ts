import type { Rng } from '@village/domain';
import type { Individual } from './individual.ts';
import { SubPopulation, type SubPopulationParams } from './sub-population.ts';

/**
 * Feasible and infeasible individuals live in separate subpopulations (HGS): infeasible ones carry
 * useful structure near the feasibility border, but must not crowd out feasible ones nor be ranked
 * against them by a penalised cost whose penalties keep changing.
 */
export class Population {
  readonly feasible: SubPopulation;
  readonly infeasible: SubPopulation;

  constructor(params: SubPopulationParams, firstClient: number) {
    this.feasible = new SubPopulation(params, firstClient);
    this.infeasible = new SubPopulation(params, firstClient);
  }

  get size(): number {
    return this.feasible.size + this.infeasible.size;
  }

  add(individual: Individual): void {
    (individual.evaluation.feasible ? this.feasible : this.infeasible).add(individual);
  }

  /**
   * Two parents by binary tournament on biased fitness over both subpopulations (fitness is rank-based
   * within each, so the scales are comparable); distinct individuals whenever the population has two
   * (a few redraws, as PyVRP does). Undefined only when the population is empty.
   */
  selectParents(rng: Rng): [Individual, Individual] | undefined {
    if (this.size === 0) return undefined;
    this.feasible.updateBiasedFitness();
    this.infeasible.updateBiasedFitness();
    const first = this.tournament(rng);
    let second = this.tournament(rng);
    for (let tries = 0; second === first && tries < 10 && this.size > 1; tries++)
      second = this.tournament(rng);
    return [first, second];
  }

  private tournament(rng: Rng): Individual {
    const total = this.size;
    const a = this.at(rng.int(total));
    const b = this.at(rng.int(total));
    return b.biasedFitness < a.biasedFitness ? b : a;
  }

  /** Re-ranks the infeasible subpopulation after a penalty change (feasible costs carry no penalty). */
  repenalise(evaluate: (individual: Individual) => void): void {
    for (const individual of this.infeasible.items) evaluate(individual);
    this.infeasible.resort();
  }

  clear(): void {
    this.feasible.clear();
    this.infeasible.clear();
  }

  private at(index: number): Individual {
    const f = this.feasible.size;
    return index < f ? this.feasible.items[index]! : this.infeasible.items[index - f]!;
  }
}
