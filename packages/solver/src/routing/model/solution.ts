/**
 * What the solver returns. A route is the ordered locations a vehicle visits between leaving its
 * start depot and arriving at its end depot (both excluded); reload depots inside `visits` split it
 * into trips (the vehicle unloads there and continues).
 */
export interface RouteResult {
  vehicleType: number;
  visits: number[];
  /** Departure from the start depot and arrival at the end depot, in duration-matrix time units. */
  startTime: number;
  endTime: number;
  distance: number;
  /** endTime − startTime, waiting included. */
  duration: number;
  /** Arrival time at each visit (same indexing as `visits`), for ETAs. */
  arrival: number[];
  /** Load on board after each visit, dimension 0..K-1: `loadAfter[i * K + d]`. */
  loadAfter: number[];
  /** fixed + distance + duration (+ overtime) cost of this route. */
  cost: number;
}

export interface SolveResult {
  routes: RouteResult[];
  /** Client locations not visited (optional ones left out; required ones only if infeasible). */
  unassigned: number[];
  /** Sum of route costs plus prizes of unvisited optional clients. */
  cost: number;
  /** Every hard constraint holds (checked independently before returning). */
  feasible: boolean;
  stats: SolveStats;
}

export interface ProgressPoint {
  elapsedMs: number;
  iteration: number;
  /** Cost of the best feasible solution so far. */
  bestCost: number;
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  /** Best-cost improvements over time. */
  progress: ProgressPoint[];
}
