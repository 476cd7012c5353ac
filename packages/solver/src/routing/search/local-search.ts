import type { Rng } from '@village/domain';
import type { ProblemData } from '../model/problem-data.ts';
import { Exchange } from '../operators/exchange.ts';
import { createOperatorContext, type NodeOperator } from '../operators/operator.ts';
import { OptionalClients } from '../operators/optional-clients.ts';
import { createOrOpt } from '../operators/or-opt.ts';
import { ReloadPlacement } from '../operators/reload-depot.ts';
import { createRelocate } from '../operators/relocate.ts';
import { RelocateTrip } from '../operators/relocate-trip.ts';
import { RelocateWithReload } from '../operators/relocate-with-reload.ts';
import { createSwap } from '../operators/swap.ts';
import { SwapStar } from '../operators/swap-star.ts';
import { TwoOpt } from '../operators/two-opt.ts';
import { TwoOptStar } from '../operators/two-opt-star.ts';
import type { Deadline } from '../stop/deadline.ts';
import { ClientInsertion } from './client-insertion.ts';
import { DeadlinePoll } from './deadline-poll.ts';
import { computeNeighbourhood, type NeighbourhoodOptions } from './neighbourhood.ts';
import type { LocalSearchEngine, Penalties, Plan } from './plan.ts';
import type { Route } from './route.ts';
import { RouteSet } from './route-set.ts';
import { createSearchData } from './search-data.ts';
import { type SearchOrder, shuffleSearchOrder } from './search-order.ts';
import { SwapStarPairs } from './swap-star-pairs.ts';

/** A move must gain more than this to be applied (guards against cycling on float noise). */
const EPS = 1e-7;
const DEFAULT_SWAP_STAR_DEPTH = 20;

export interface LocalSearchOptions extends NeighbourhoodOptions {
  /** Run SWAP* between overlapping routes (default true). */
  swapStar?: boolean;
  /**
   * SWAP* considers two routes when a client of one has one of its `swapStarDepth` nearest
   * neighbours in the other (default 20).
   */
  swapStarDepth?: number;
}

/**
 * The local search (HGS "education"): first-improvement descent over granular neighbourhoods.
 *
 * Each loop visits the clients in random order; for client u and each neighbour v it tries the
 * node operators (relocate, or-opt, swap, exchange(2,1)/(2,2), 2-opt, 2-opt*) on (u, v) — and on
 * (u, V's start depot) when v opens its route — applying the first improving move. A pair is only
 * re-evaluated when one of the two routes changed since u was last examined (HGS/PyVRP's
 * "whenLastModified" rule), which makes every loop after the first cheap. An unvisited client (a
 * may-bin left out) is offered its cheapest granular insertion (client-insertion.ts). From the second
 * loop on, moves into one empty route per vehicle type are also tried. Then SWAP* — and, with reloads,
 * relocating a whole trip either way — runs between route pairs that share granular neighbours. The descent ends when a loop applies no move — or when the
 * deadline passes: a work counter (one unit per evaluated (u, v) pair, more for a SWAP* route pair)
 * looks at it every few hundred units, and the plan as it stands is returned.
 */
export class LocalSearch implements LocalSearchEngine {
  private readonly data;
  private readonly ctx;
  private readonly routes: RouteSet;
  private readonly offsets: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly proximityOrder: Int32Array;
  private readonly order: Int32Array;
  private readonly lastTested: Int32Array;
  private readonly nodeOps: NodeOperator[];
  private readonly depotOps: NodeOperator[];
  private readonly emptyOps: NodeOperator[];
  private readonly optional: OptionalClients;
  private readonly reload: ReloadPlacement | undefined;
  private readonly swapStar: SwapStar | undefined;
  private readonly relocateTrip: RelocateTrip | undefined;
  private readonly pairs: SwapStarPairs;
  private readonly typeOrder: Int32Array;
  private readonly searchOrder: SearchOrder;
  private readonly routeMove = (U: Route, V: Route): void => this.tryRouteMove(U, V);
  private readonly poll = new DeadlinePoll();
  private readonly insertion: ClientInsertion;

  constructor(problem: ProblemData, options: LocalSearchOptions = {}) {
    this.data = createSearchData(problem);
    this.ctx = createOperatorContext(this.data);
    this.routes = new RouteSet(this.data);
    const hood = computeNeighbourhood(problem, options);
    this.offsets = hood.offsets;
    this.proximityOrder = hood.neighbours;
    this.neighbours = hood.neighbours.slice();
    this.order = new Int32Array(problem.numClients);
    for (let k = 0; k < problem.numClients; k++) this.order[k] = problem.numDepots + k;
    this.lastTested = new Int32Array(problem.numLocations);
    const ctx = this.ctx;
    const relocate = createRelocate(ctx);
    const orOpt2 = createOrOpt(ctx, 2);
    const orOpt3 = createOrOpt(ctx, 3);
    const orOpt2r = createOrOpt(ctx, 2, { reversed: true });
    const twoOpt = new TwoOpt(ctx);
    const twoOptStar = new TwoOptStar(ctx);
    this.nodeOps = [
      relocate,
      orOpt2,
      orOpt2r,
      orOpt3,
      createSwap(ctx),
      new Exchange(ctx, 2, 1),
      new Exchange(ctx, 2, 2),
      twoOpt,
      twoOptStar,
    ];
    this.depotOps = [relocate, orOpt2, orOpt2r, orOpt3, twoOpt, twoOptStar];
    this.emptyOps = [relocate, orOpt2, orOpt2r, orOpt3, twoOptStar];
    if (this.data.hasReloads) {
      const withReload = new RelocateWithReload(ctx);
      this.nodeOps.push(withReload);
      this.depotOps.push(withReload);
      this.reload = new ReloadPlacement(ctx);
      this.relocateTrip = new RelocateTrip(ctx);
    }
    this.optional = new OptionalClients(ctx);
    if (options.swapStar !== false) this.swapStar = new SwapStar(ctx);
    this.pairs = new SwapStarPairs(
      this.routes,
      this.offsets,
      this.neighbours,
      options.swapStarDepth ?? DEFAULT_SWAP_STAR_DEPTH,
    );
    this.typeOrder = Int32Array.from({ length: problem.numVehicleTypes }, (_, t) => t);
    this.insertion = new ClientInsertion(
      this.routes,
      { offsets: this.offsets, neighbours: this.neighbours, typeOrder: this.typeOrder },
      this.optional,
      this.poll,
    );
    this.searchOrder = {
      clients: this.order,
      neighbours: this.neighbours,
      proximity: this.proximityOrder,
      offsets: this.offsets,
      types: this.typeOrder,
    };
  }

  improve(plan: Plan, penalties: Penalties, rng: Rng, deadline?: Deadline): Plan {
    this.data.costs.setPenalties(penalties);
    this.routes.load(plan);
    shuffleSearchOrder(this.searchOrder, this.data.numDepots, rng);
    this.lastTested.fill(-1);
    this.pairs.reset();
    const poll = this.poll;
    poll.start(deadline);
    for (let loop = 0; ; loop++) {
      const before = this.routes.numUpdates;
      for (let k = 0; k < this.order.length && !poll.expired; k++) this.visitClient(this.order[k]!, loop);
      if ((this.swapStar || this.relocateTrip) && !poll.expired)
        this.pairs.forEachCandidate(loop, this.routeMove);
      // Cheap, and it only removes overload: worth doing even when time is up.
      if (this.reload) this.placeReloads();
      if (poll.expired || this.routes.numUpdates === before) break;
    }
    return this.routes.export();
  }

  private visitClient(u: number, loop: number): void {
    const routes = this.routes;
    if (routes.routeOf[u] === -1) {
      this.insertClient(u);
      return;
    }
    const lastTested = this.lastTested[u]!;
    this.lastTested[u] = routes.numUpdates;
    if (this.data.problem.required[u] === 0) {
      const U = routes.routes[routes.routeOf[u]!]!;
      if (this.optional.evaluateRemove(U, routes.posOf[u]!) < -EPS) {
        this.optional.applyRemove(U, routes.posOf[u]!);
        routes.unassign(u);
        this.commit(U, U);
        return;
      }
    }
    if (this.reload) this.dropAdjacentReloads(u);
    const nb = this.neighbours;
    for (let k = this.offsets[u]!; k < this.offsets[u + 1]!; k++) {
      const v = nb[k]!;
      const rv = routes.routeOf[v]!;
      if (rv < 0) continue;
      const U = routes.routes[routes.routeOf[u]!]!;
      const V = routes.routes[rv]!;
      if (loop > 0 && U.lastModified <= lastTested && V.lastModified <= lastTested) continue;
      if (this.poll.spend(1)) return;
      if (this.tryNodeMove(this.nodeOps, u, V, routes.posOf[v]!)) continue;
      if (routes.posOf[v] === 1) this.tryNodeMove(this.depotOps, u, V, 0);
    }
    if (loop === 0) return;
    // Opening a vehicle: not in the first loop, which would otherwise use too many routes (HGS).
    for (let k = 0; k < this.typeOrder.length; k++) {
      const E = routes.emptyRoute(this.typeOrder[k]!);
      if (E && this.tryNodeMove(this.emptyOps, u, E, 0)) break;
    }
  }

  private tryNodeMove(ops: NodeOperator[], u: number, V: Route, j: number): boolean {
    const routes = this.routes;
    const U = routes.routes[routes.routeOf[u]!]!;
    const i = routes.posOf[u]!;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k]!;
      if (op.evaluate(U, i, V, j) < -EPS) {
        op.apply(U, i, V, j);
        this.commit(U, V);
        return true;
      }
    }
    return false;
  }

  private tryRouteMove(U: Route, V: Route): void {
    // SWAP* costs O(|U|·|V|): about one unit per 32 client pairs.
    if (this.poll.spend(1 + ((U.size * V.size) >>> 5))) return;
    const swap = this.swapStar;
    if (swap && swap.evaluate(U, V) < -EPS) {
      swap.apply(U, V);
      this.commit(U, V);
      return;
    }
    const trip = this.relocateTrip;
    if (!trip) return;
    if (trip.evaluate(U, V) < -EPS) {
      trip.apply(U, V);
      this.commit(U, V);
    } else if (trip.evaluate(V, U) < -EPS) {
      trip.apply(V, U);
      this.commit(V, U);
    }
  }

  private commit(U: Route, V: Route): void {
    const routes = this.routes;
    routes.numUpdates++;
    routes.update(U);
    if (V !== U) routes.update(V);
    // A route left with reload visits only still costs a vehicle: send it home.
    if (U.numClients === 0 && U.size > 0) this.clear(U);
    if (V.numClients === 0 && V.size > 0) this.clear(V);
  }

  private clear(R: Route): void {
    R.size = 0;
    this.routes.update(R);
  }

  /** Inserts an unvisited client at its cheapest granular position (required ones always). */
  private insertClient(u: number): void {
    const insertion = this.insertion;
    const required = this.data.problem.required[u] === 1;
    insertion.search(u, required);
    const target = insertion.route;
    if (target && (required || insertion.delta < -EPS)) {
      this.optional.applyInsert(u, target, insertion.position);
      this.commit(target, target);
    }
  }

  /** Drops a reload depot next to u when that does not cost anything (PyVRP does the same). */
  private dropAdjacentReloads(u: number): void {
    const routes = this.routes;
    const reload = this.reload!;
    for (let offset = 1; offset >= -1; offset -= 2) {
      const U = routes.routes[routes.routeOf[u]!]!;
      const p = routes.posOf[u]! + offset;
      if (reload.evaluateRemove(U, p) <= EPS) {
        reload.applyRemove(U, p);
        this.commit(U, U);
      }
    }
  }

  private placeReloads(): void {
    const reload = this.reload!;
    for (const R of this.routes.routes) {
      if (R.excessLoad <= 0 || R.size === 0) continue;
      if (reload.evaluateInsert(R) < -EPS) {
        reload.applyInsert(R);
        this.commit(R, R);
      }
    }
  }
}

/** The local search behind the metaheuristic's `LocalSearchEngine` interface. */
export function createLocalSearch(problem: ProblemData, options: LocalSearchOptions = {}): LocalSearchEngine {
  return new LocalSearch(problem, options);
}
