import type { ProblemData } from '../model/problem-data.ts';
import type { Penalties } from './plan.ts';

/**
 * Prices a route from its summary (distance, duration, time warp, excess load) under the current
 * penalties. The same formula is used by move evaluation, the route caches and `evaluatePlan`, so a
 * move's predicted delta is exactly the change of the plan's penalised cost.
 *
 *   cost      = fixed (if the route visits anything) + unitDistance·distance + unitDuration·duration
 *               + overtimeUnit·max(0, duration − softDurationLimit)
 *   penalised = cost + penalties.load·excessLoad + penalties.timeWarp·(timeWarp + max(0, duration − maxDuration))
 *
 * `duration` is the Vidal et al. (2013) segment duration: travel + service + waiting (time warped
 * away is still counted), which equals end − start for every time-feasible route.
 */
export class CostEvaluator {
  loadPenalty = 1;
  timeWarpPenalty = 1;
  /**
   * False when no time window, shift, duration limit or duration cost exists (CVRPLIB): duration
   * cannot change any cost, so the search skips all time-segment arithmetic.
   */
  readonly usesDuration: boolean;
  readonly hasReloads: boolean;
  readonly hasOptional: boolean;
  private readonly fixed: Float64Array;
  private readonly unitDistance: Float64Array;
  private readonly unitDuration: Float64Array;
  private readonly softLimit: Float64Array;
  private readonly overtime: Float64Array;
  private readonly maxDuration: Float64Array;

  constructor(problem: ProblemData, penalties?: Penalties) {
    this.fixed = problem.fixedCost;
    this.unitDistance = problem.unitDistanceCost;
    this.unitDuration = problem.unitDurationCost;
    this.softLimit = problem.softDurationLimit;
    this.overtime = problem.overtimeUnitCost;
    this.maxDuration = problem.maxDuration;
    this.usesDuration = problemUsesDuration(problem);
    let reloads = false;
    for (let t = 0; t < problem.numVehicleTypes; t++) {
      if (problem.maxReloads[t]! > 0 && problem.reloadOffsets[t + 1]! > problem.reloadOffsets[t]!)
        reloads = true;
    }
    this.hasReloads = reloads;
    let optional = false;
    for (let l = problem.numDepots; l < problem.numLocations; l++)
      if (problem.required[l] === 0) optional = true;
    this.hasOptional = optional;
    if (penalties) this.setPenalties(penalties);
  }

  setPenalties(penalties: Penalties): void {
    this.loadPenalty = penalties.load;
    this.timeWarpPenalty = penalties.timeWarp;
  }

  /** Unpenalised cost of a route of type `t`; zero when it visits nothing (the vehicle stays home). */
  routeCost(t: number, numVisits: number, distance: number, duration: number): number {
    if (numVisits === 0) return 0;
    const over = duration - this.softLimit[t]!;
    return (
      this.fixed[t]! +
      this.unitDistance[t]! * distance +
      this.unitDuration[t]! * duration +
      (over > 0 ? this.overtime[t]! * over : 0)
    );
  }

  /** Time warp including the maximum-duration excess (both are priced by `penalties.timeWarp`). */
  totalTimeWarp(t: number, duration: number, timeWarp: number): number {
    const excess = duration - this.maxDuration[t]!;
    return excess > 0 ? timeWarp + excess : timeWarp;
  }

  /** `timeWarp` is the total one (see `totalTimeWarp`). */
  penalisedRouteCost(
    t: number,
    numVisits: number,
    distance: number,
    duration: number,
    timeWarp: number,
    excessLoad: number,
  ): number {
    if (numVisits === 0) return 0;
    return (
      this.routeCost(t, numVisits, distance, duration) +
      this.loadPenalty * excessLoad +
      this.timeWarpPenalty * timeWarp
    );
  }

  /**
   * A lower bound of a route's penalised cost knowing only its distance: every other term is ≥ 0.
   * Operators compare it first, so most non-improving moves never touch duration or load data.
   */
  lowerBound(t: number, numVisits: number, distance: number): number {
    return numVisits === 0 ? 0 : this.fixed[t]! + this.unitDistance[t]! * distance;
  }

  unitDistanceCost(t: number): number {
    return this.unitDistance[t]!;
  }
}

/** Whether any time window, shift end, duration limit or duration-dependent cost can bind. */
export function problemUsesDuration(problem: ProblemData): boolean {
  for (let t = 0; t < problem.numVehicleTypes; t++) {
    if (problem.unitDurationCost[t]! > 0) return true;
    if (Number.isFinite(problem.maxDuration[t]!)) return true;
    if (Number.isFinite(problem.shiftLate[t]!)) return true;
    if (problem.overtimeUnitCost[t]! > 0 && Number.isFinite(problem.softDurationLimit[t]!)) return true;
  }
  for (let l = 0; l < problem.numLocations; l++) if (Number.isFinite(problem.twLate[l]!)) return true;
  return false;
}
