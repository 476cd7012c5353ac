import type { ProblemData } from '../model/problem-data.ts';
import type { Penalties } from '../search/plan.ts';

export interface PenaltyParams {
  /** Share of local-search outputs that should be feasible (per constraint family). */
  targetFeasible: number;
  /** No change while the observed share is within ± this of the target. */
  tolerance: number;
  /** Multipliers applied when too few / too many outputs are feasible. */
  increase: number;
  decrease: number;
  /** Registrations between two updates (each update looks only at the window since the last). */
  updateEvery: number;
  /** Multiplier of the penalties for the repair attempt of an infeasible offspring. */
  repairBooster: number;
  /** Bounds relative to the initial penalties, for safety against runaway growth or collapse. */
  minFactor: number;
  maxFactor: number;
}

export const DEFAULT_PENALTY_PARAMS: PenaltyParams = {
  targetFeasible: 0.43,
  tolerance: 0.05,
  increase: 1.2,
  decrease: 0.85,
  updateEvery: 100,
  repairBooster: 10,
  minFactor: 0.01,
  maxFactor: 10_000,
};

/**
 * Adapts the load and time-warp penalties so that about `targetFeasible` of the local-search outputs
 * are feasible (HGS; PyVRP's PenaltyManager). Too high a penalty confines the search to the feasible
 * region and its narrow passages; too low a penalty lets it drift into plans it cannot repair. Each
 * family is steered by its own feasibility rate, so a slack constraint cannot hide a tight one.
 */
export class PenaltyManager {
  private readonly params: PenaltyParams;
  private readonly min: Penalties;
  private readonly max: Penalties;
  private penalties: Penalties;
  private loadFeasible = 0;
  private timeFeasible = 0;
  private registered = 0;

  constructor(initial: Penalties, params: PenaltyParams = DEFAULT_PENALTY_PARAMS) {
    this.params = params;
    this.penalties = { ...initial };
    this.min = { load: initial.load * params.minFactor, timeWarp: initial.timeWarp * params.minFactor };
    this.max = { load: initial.load * params.maxFactor, timeWarp: initial.timeWarp * params.maxFactor };
  }

  get current(): Penalties {
    return this.penalties;
  }

  /** The stronger penalties used to push an infeasible offspring back into feasibility. */
  get boosted(): Penalties {
    const b = this.params.repairBooster;
    return { load: this.penalties.load * b, timeWarp: this.penalties.timeWarp * b };
  }

  /**
   * Records whether one local-search output respected capacities and times. Returns true when this
   * registration triggered an update (the caller must then re-rank penalised individuals).
   */
  register(loadFeasible: boolean, timeFeasible: boolean): boolean {
    if (loadFeasible) this.loadFeasible++;
    if (timeFeasible) this.timeFeasible++;
    this.registered++;
    if (this.registered < this.params.updateEvery) return false;
    const n = this.registered;
    this.penalties = {
      load: this.adjust(this.penalties.load, this.loadFeasible / n, this.min.load, this.max.load),
      timeWarp: this.adjust(
        this.penalties.timeWarp,
        this.timeFeasible / n,
        this.min.timeWarp,
        this.max.timeWarp,
      ),
    };
    this.loadFeasible = 0;
    this.timeFeasible = 0;
    this.registered = 0;
    return true;
  }

  private adjust(penalty: number, feasibleShare: number, min: number, max: number): number {
    const { targetFeasible, tolerance, increase, decrease } = this.params;
    if (feasibleShare < targetFeasible - tolerance) return Math.min(max, penalty * increase);
    if (feasibleShare > targetFeasible + tolerance) return Math.max(min, penalty * decrease);
    return penalty;
  }
}

/**
 * Starting penalties on the problem's own scale (HGS: largest distance / largest demand): one unit of
 * excess load costs about as much as the longest edge, one unit of time warp about as much as the
 * cost of driving for that long. The manager then tunes them within a few hundred iterations.
 */
export function initialPenalties(problem: ProblemData): Penalties {
  const { numLocations: n, numLoadDims: K, distance, duration, demand } = problem;
  let distUnit = 0;
  let durUnit = 0;
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    distUnit = Math.max(distUnit, problem.unitDistanceCost[t]!);
    durUnit = Math.max(durUnit, problem.unitDurationCost[t]!);
  }
  let maxCost = 0;
  let maxDuration = 0;
  for (let i = 0; i < n * n; i++) {
    maxCost = Math.max(maxCost, distUnit * distance[i]! + durUnit * duration[i]!);
    maxDuration = Math.max(maxDuration, duration[i]!);
  }
  let maxDemand = 0;
  for (let i = problem.numDepots * K; i < n * K; i++) maxDemand = Math.max(maxDemand, demand[i]!);
  const clamp = (x: number) => (Number.isFinite(x) && x > 0 ? Math.min(1000, Math.max(1e-3, x)) : 1);
  return {
    load: maxDemand > 0 ? clamp(maxCost / maxDemand) : 1,
    timeWarp: maxDuration > 0 ? clamp(maxCost / maxDuration) : 1,
  };
}
