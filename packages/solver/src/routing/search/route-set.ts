import type { Plan } from './plan.ts';
import { Route } from './route.ts';
import { mayVisit, type SearchData } from './search-data.ts';

/**
 * The search's solution: the routes, where every client is, and the vehicle accounting.
 *
 * Fleets can be huge (CVRPLIB's "unlimited" fleet is numAvailable = numClients), so empty routes are
 * not materialised per vehicle: at most one designated empty route per type is offered to the
 * operators, created (or recycled from routes emptied by the search) when the type still has an
 * unused vehicle. Route objects and their typed arrays are reused across `load` calls.
 */
export class RouteSet {
  readonly routes: Route[] = [];
  /** Route index of each client location, −1 when unvisited (depots: −1). */
  readonly routeOf: Int32Array;
  /** Position of each client in its route. */
  readonly posOf: Int32Array;
  /** Non-empty routes per vehicle type. */
  readonly used: Int32Array;
  /** Move counter: bumped on every applied move (drives "modified since last tested"). */
  numUpdates = 0;
  private readonly counted: number[] = [];
  private readonly designated: Int32Array;
  private readonly loadedPerType: Int32Array;
  private readonly data: SearchData;

  constructor(data: SearchData) {
    this.data = data;
    this.routeOf = new Int32Array(data.n).fill(-1);
    this.posOf = new Int32Array(data.n);
    this.used = new Int32Array(data.problem.numVehicleTypes);
    this.designated = new Int32Array(data.problem.numVehicleTypes).fill(-1);
    this.loadedPerType = new Int32Array(data.problem.numVehicleTypes);
  }

  /**
   * Loads a plan. Visits the search cannot represent are dropped and their clients left unvisited
   * (the local search re-inserts required ones): unknown locations, repeated clients, clients of a
   * disallowed vehicle type and depots that are not reload depots of the type. Routes left without
   * clients are dropped, and so are the smallest routes of a type that uses more vehicles than it
   * has (their clients become unvisited), so the search always works within the fleet.
   */
  load(plan: Plan): void {
    const data = this.data;
    const { numDepots, n, problem } = data;
    this.routeOf.fill(-1);
    this.used.fill(0);
    this.designated.fill(-1);
    this.numUpdates = 0;
    const loaded = this.loadedPerType;
    loaded.fill(0);
    let r = 0;
    for (const planned of byDecreasingSize(plan)) {
      const t = planned.vehicleType;
      if (!Number.isInteger(t) || t < 0 || t >= problem.numVehicleTypes) continue;
      // Beyond the fleet: the largest routes are kept, the others' clients go back to the pool.
      if (loaded[t]! >= problem.numAvailable[t]!) continue;
      const route = this.routeAt(r, t);
      route.type = t;
      route.reserve(planned.visits.length);
      let size = 0;
      let clients = 0;
      for (const l of planned.visits) {
        if (!Number.isInteger(l) || l < 0 || l >= n || !mayVisit(data, t, l)) continue;
        if (l >= numDepots) {
          if (this.routeOf[l] !== -1) continue;
          this.routeOf[l] = r;
          clients++;
        }
        route.nodes[++size] = l;
      }
      // Routes without clients (nothing, or reload visits only) are not worth a vehicle.
      if (clients === 0) continue;
      route.size = size;
      loaded[t]!++;
      r++;
    }
    for (let k = r; k < this.routes.length; k++) this.routes[k]!.size = 0;
    for (let k = 0; k < this.routes.length; k++) {
      const route = this.routes[k]!;
      route.update();
      route.lastModified = 0;
      this.counted[k] = route.size > 0 ? 1 : 0;
      if (route.size > 0) this.used[route.type]!++;
      this.indexPositions(route);
    }
  }

  /** The non-empty routes as a plain plan, in route order. */
  export(): Plan {
    const routes: Plan['routes'] = [];
    for (const route of this.routes) {
      if (route.size === 0) continue;
      routes.push({ vehicleType: route.type, visits: Array.from(route.nodes.subarray(1, route.size + 1)) });
    }
    return { routes };
  }

  /**
   * An empty route of type `t` for moves that open a new vehicle, or undefined when all vehicles of
   * the type are in use.
   */
  emptyRoute(t: number): Route | undefined {
    if (this.used[t]! >= this.data.problem.numAvailable[t]!) return undefined;
    const d = this.designated[t]!;
    if (d >= 0 && this.routes[d]!.size === 0 && this.routes[d]!.type === t) return this.routes[d];
    let found = -1;
    for (let k = 0; k < this.routes.length && found < 0; k++) {
      if (this.routes[k]!.size === 0 && !this.isDesignated(k)) found = k;
    }
    if (found < 0) found = this.routes.length;
    const route = this.routeAt(found, t);
    if (route.type !== t) {
      route.type = t;
      route.update();
    }
    this.designated[t] = found;
    return route;
  }

  /** Recomputes a changed route's caches, positions and the fleet accounting. */
  update(route: Route): void {
    route.update();
    route.lastModified = this.numUpdates;
    const nowUsed = route.size > 0 ? 1 : 0;
    const k = route.idx;
    if (nowUsed !== this.counted[k]) {
      this.used[route.type]! += nowUsed - this.counted[k]!;
      this.counted[k] = nowUsed;
    }
    this.indexPositions(route);
  }

  /** Marks a client as no longer visited (the caller removed it from its route). */
  unassign(client: number): void {
    this.routeOf[client] = -1;
  }

  /** Penalised cost of all routes (prizes and missing clients excluded). */
  routesCost(): number {
    let total = 0;
    for (const route of this.routes) total += route.cost;
    return total;
  }

  private indexPositions(route: Route): void {
    const nodes = route.nodes;
    const numDepots = this.data.numDepots;
    for (let p = 1; p <= route.size; p++) {
      const x = nodes[p]!;
      if (x >= numDepots) {
        this.routeOf[x] = route.idx;
        this.posOf[x] = p;
      }
    }
  }

  private isDesignated(k: number): boolean {
    for (let t = 0; t < this.designated.length; t++) if (this.designated[t] === k) return true;
    return false;
  }

  private routeAt(k: number, t: number): Route {
    while (this.routes.length <= k) {
      this.routes.push(new Route(this.data, this.routes.length, t));
      this.counted.push(0);
    }
    return this.routes[k]!;
  }
}

/** The plan's routes, longest first (ties in plan order): which routes survive a fleet limit. */
function byDecreasingSize(plan: Plan): Plan['routes'] {
  const routes = plan.routes;
  for (let k = 1; k < routes.length; k++) {
    if (routes[k]!.visits.length > routes[k - 1]!.visits.length) {
      return routes
        .map((route, index) => ({ route, index }))
        .sort((a, b) => b.route.visits.length - a.route.visits.length || a.index - b.index)
        .map((e) => e.route);
    }
  }
  return routes;
}
