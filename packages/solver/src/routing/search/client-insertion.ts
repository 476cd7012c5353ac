import type { OptionalClients } from '../operators/optional-clients.ts';
import type { DeadlinePoll } from './deadline-poll.ts';
import type { Route } from './route.ts';
import type { RouteSet } from './route-set.ts';

/**
 * Where the local search would insert an unvisited client: the cheapest position next to one of its
 * granular neighbours (before or after it) or in an empty route of each type; for a required client
 * with no routed neighbour, every position of every route. The result sits in fields (`delta`,
 * `route`, `position`), so a search over hundreds of unvisited may-bins allocates nothing.
 */
export class ClientInsertion {
  delta = Number.POSITIVE_INFINITY;
  route: Route | undefined;
  position = 0;
  private readonly routes: RouteSet;
  private readonly offsets: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly typeOrder: Int32Array;
  private readonly optional: OptionalClients;
  private readonly poll: DeadlinePoll;

  constructor(
    routes: RouteSet,
    hood: { offsets: Int32Array; neighbours: Int32Array; typeOrder: Int32Array },
    optional: OptionalClients,
    poll: DeadlinePoll,
  ) {
    this.routes = routes;
    this.offsets = hood.offsets;
    this.neighbours = hood.neighbours;
    this.typeOrder = hood.typeOrder;
    this.optional = optional;
    this.poll = poll;
  }

  /** Finds u's cheapest insertion; `route` stays undefined when there is none. */
  search(u: number, required: boolean): void {
    const routes = this.routes;
    this.delta = Number.POSITIVE_INFINITY;
    this.route = undefined;
    this.poll.spend(1);
    for (let k = this.offsets[u]!; k < this.offsets[u + 1]!; k++) {
      const v = this.neighbours[k]!;
      const rv = routes.routeOf[v]!;
      if (rv < 0) continue;
      const V = routes.routes[rv]!;
      this.consider(u, V, routes.posOf[v]!);
      this.consider(u, V, routes.posOf[v]! - 1);
    }
    for (let k = 0; k < this.typeOrder.length; k++) {
      const E = routes.emptyRoute(this.typeOrder[k]!);
      if (E) this.consider(u, E, 0);
    }
    if (this.route || !required) return;
    // No neighbour is routed and no vehicle is free: fall back to every position of every route.
    for (const V of routes.routes) {
      this.poll.spend(1 + (V.size >>> 3));
      for (let j = 0; j <= V.size && V.size > 0; j++) this.consider(u, V, j);
    }
  }

  private consider(u: number, V: Route, j: number): void {
    const delta = this.optional.evaluateInsert(u, V, j);
    if (delta < this.delta) {
      this.delta = delta;
      this.route = V;
      this.position = j;
    }
  }
}
