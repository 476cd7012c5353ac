/**
 * Load summaries with reload depots (multi-trip routes). Demands are pickups (waste collected), so
 * within a trip the load only grows and a trip's excess is `max(0, load − capacity)` per dimension
 * at its end; an allowed reload depot ends the trip and the load restarts from zero. A visit
 * sequence is then summarised per dimension by
 *   head   — load collected before its first reload (the part that joins the trip on its left),
 *   excess — the summed excess of the trips it closes internally (a scalar: excess is additive),
 *   tail   — load collected after its last reload (joins the trip on its right),
 * and concatenating A ⊕ B closes one trip: excess += Σ_d max(0, A.tail_d + B.head_d − cap_d).
 * Without reloads head = tail = the sequence's total load and excess = 0 — plain CVRP.
 *
 * Routes store prefix summaries as (open trip load, closed excess) and suffix summaries as
 * (first trip load, excess of the later trips); `RouteProposal` keeps the open trip of the route
 * being assembled. Internal excess depends on the capacity, so a summary computed for one vehicle
 * type is only reused for another when it contains no reload (see `RouteProposal.finishSuffix`).
 */

/** Σ_d max(0, load[at + d] − capacity[capAt + d]): the excess of a trip as it closes. */
export function tripExcess(
  load: Float64Array,
  at: number,
  capacity: Float64Array,
  capAt: number,
  K: number,
): number {
  let excess = 0;
  for (let d = 0; d < K; d++) {
    const over = load[at + d]! - capacity[capAt + d]!;
    if (over > 0) excess += over;
  }
  return excess;
}

/** Excess of a trip whose load is `a[aAt..] + b[bAt..]` (an open trip joined with a suffix's head). */
export function joinedTripExcess(
  a: Float64Array,
  aAt: number,
  b: Float64Array,
  bAt: number,
  capacity: Float64Array,
  capAt: number,
  K: number,
): number {
  let excess = 0;
  for (let d = 0; d < K; d++) {
    const over = a[aAt + d]! + b[bAt + d]! - capacity[capAt + d]!;
    if (over > 0) excess += over;
  }
  return excess;
}
