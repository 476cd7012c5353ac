import { DEFAULT_PENALTY_PARAMS, type PenaltyParams } from './penalty-manager.ts';
import type { SubPopulationParams } from './sub-population.ts';

export type CrossoverKind = 'auto' | 'ordered' | 'selective-route-exchange';

export interface HgsParams extends SubPopulationParams {
  /** Random plans educated at the start (and after each restart); HGS uses 4μ. */
  initialPopulationSize: number;
  /**
   * Stop building the initial population once this share of a budgeted stopping criterion (time or
   * iterations) is used: on short limits the generational loop, not random restarts, should get the time.
   */
  initialBudgetShare: number;
  /** Probability of re-running the local search with boosted penalties on an infeasible offspring. */
  repairProbability: number;
  /** Restart the population after this many iterations without improving the restart's best. */
  restartAfterNoImprovement: number;
  /** 'auto': OX + Split mixed with SREX where the problem is a giant-tour problem, SREX otherwise. */
  crossover: CrossoverKind;
  /** Under 'auto' on giant-tour problems: share of offspring bred by OX (the rest by SREX). */
  orderedCrossoverShare: number;
  penalty: PenaltyParams;
}

/**
 * HGS-CVRP (Vidal 2022) defaults, except the population: HGS's μ = 25, λ = 40 are sized for the tens of
 * thousands of generations its C++ local search affords; ours runs a few hundred to a few thousand in
 * the same time, and a smaller population (μ = 12, λ = 20, 4μ initial individuals) converges to better
 * plans within that budget (measured on X instances n = 101…502 at 5 s and 30 s: mean gap 0.73 % vs
 * 0.95 % and 0.50 % vs 0.62 %). On CVRP-like problems 30 % of offspring come from OX + Split and the
 * rest from SREX (n = 101…502 at 5 s: 0.62 % vs 0.82 % OX alone, 0.70 % SREX alone; n = 256, 401, 701
 * at 30 s: 0.85 % vs 1.12 % and 0.96 %). Such figures move with the local search; re-measure after it
 * changes.
 * Penalty target and update period made no measurable difference (0.43 vs 0.2/0.65; 100 vs 30/50).
 */
export const DEFAULT_HGS_PARAMS: HgsParams = {
  minSize: 12,
  generationSize: 20,
  numElite: 4,
  numClose: 5,
  initialPopulationSize: 48,
  initialBudgetShare: 0.15,
  repairProbability: 0.5,
  restartAfterNoImprovement: 20_000,
  crossover: 'auto',
  orderedCrossoverShare: 0.3,
  penalty: DEFAULT_PENALTY_PARAMS,
};

export function hgsParams(overrides: Partial<HgsParams> = {}): HgsParams {
  return {
    ...DEFAULT_HGS_PARAMS,
    ...overrides,
    penalty: { ...DEFAULT_HGS_PARAMS.penalty, ...overrides.penalty },
  };
}
