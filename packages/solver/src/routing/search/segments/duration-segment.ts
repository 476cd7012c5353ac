import type { ProblemData } from '../../model/problem-data.ts';

/**
 * Time-window segment of Vidal et al. (2013), "A hybrid genetic algorithm with adaptive diversity
 * management…": a visit sequence σ summarised by
 *   duration  D(σ) — travel + service + waiting (time warped away still counts),
 *   timeWarp TW(σ) — the minimal total lateness ("travelling back in time" to meet a window),
 *   twEarly   E(σ) — earliest start of σ with duration D(σ),
 *   twLate    L(σ) — latest start of σ without extra time warp.
 * Two summaries concatenate in O(1) (`append`/`prepend`), which is what makes every move's time
 * feasibility an O(1) question given prefix/suffix summaries of the routes. Waiting is allowed.
 *
 * A mutable object rather than an immutable value: the search merges millions of segments and must
 * not allocate in the hot loop.
 */
export class DurationSegment {
  duration = 0;
  timeWarp = 0;
  twEarly = 0;
  twLate = Number.POSITIVE_INFINITY;

  set(duration: number, timeWarp: number, twEarly: number, twLate: number): void {
    this.duration = duration;
    this.timeWarp = timeWarp;
    this.twEarly = twEarly;
    this.twLate = twLate;
  }

  /** this := this ⊕ (edge of `travel`) ⊕ second. */
  append(travel: number, d2: number, tw2: number, e2: number, l2: number): void {
    const d1 = this.duration;
    const e1 = this.twEarly;
    const l1 = this.twLate;
    // Time from the start of this segment to the start of the second one, before waiting/warping.
    const atSecond = d1 - this.timeWarp + travel;
    const wait = Math.max(e2 - atSecond - l1, 0);
    const warp = Math.max(e1 + atSecond - l2, 0);
    this.duration = d1 + d2 + travel + wait;
    this.timeWarp = this.timeWarp + tw2 + warp;
    this.twEarly = Math.max(e2 - atSecond, e1) - wait;
    this.twLate = Math.min(l2 - atSecond, l1) + warp;
  }

  /** this := first ⊕ (edge of `travel`) ⊕ this — builds suffix summaries from the back. */
  prepend(d1: number, tw1: number, e1: number, l1: number, travel: number): void {
    const d2 = this.duration;
    const e2 = this.twEarly;
    const l2 = this.twLate;
    const atSecond = d1 - tw1 + travel;
    const wait = Math.max(e2 - atSecond - l1, 0);
    const warp = Math.max(e1 + atSecond - l2, 0);
    this.duration = d1 + d2 + travel + wait;
    this.timeWarp = tw1 + this.timeWarp + warp;
    this.twEarly = Math.max(e2 - atSecond, e1) - wait;
    this.twLate = Math.min(l2 - atSecond, l1) + warp;
  }
}

/**
 * Depot summaries per vehicle type. The start depot carries the shift start and the depot's opening
 * hours; the end depot the depot's hours and the shift end. No service is counted at either (the
 * checker's convention). A window that is empty (opens after it must close) is represented as a
 * point window with the gap already counted as time warp, so concatenation stays well defined.
 */
export interface DepotSegments {
  startEarly: Float64Array;
  startLate: Float64Array;
  startWarp: Float64Array;
  endEarly: Float64Array;
  endLate: Float64Array;
  endWarp: Float64Array;
}

export function depotSegments(problem: ProblemData): DepotSegments {
  const T = problem.numVehicleTypes;
  const out: DepotSegments = {
    startEarly: new Float64Array(T),
    startLate: new Float64Array(T),
    startWarp: new Float64Array(T),
    endEarly: new Float64Array(T),
    endLate: new Float64Array(T),
    endWarp: new Float64Array(T),
  };
  for (let t = 0; t < T; t++) {
    const s = problem.startDepot[t]!;
    const e = problem.endDepot[t]!;
    const sE = Math.max(problem.shiftEarly[t]!, problem.twEarly[s]!);
    const sL = problem.twLate[s]!;
    out.startEarly[t] = sE;
    out.startLate[t] = Math.max(sE, sL);
    out.startWarp[t] = Math.max(0, sE - sL);
    const eE = problem.twEarly[e]!;
    const eL = Math.min(problem.twLate[e]!, problem.shiftLate[t]!);
    out.endEarly[t] = eE;
    out.endLate[t] = Math.max(eE, eL);
    out.endWarp[t] = Math.max(0, eE - eL);
  }
  return out;
}
