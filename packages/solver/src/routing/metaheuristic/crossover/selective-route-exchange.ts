import type { Rng } from '@village/domain';
import type { ProblemData } from '../../model/problem-data.ts';
import type { Evaluation, Penalties, Plan, PlannedRoute } from '../../search/plan.ts';
import { nearestClients } from './client-neighbours.ts';
import type { Crossover } from './crossover.ts';
import { InsertionRepair } from './insertion-repair.ts';

const NEIGHBOURS = 10;

/**
 * Selective route exchange (SREX; Nagata & Kobayashi 2010, as in PyVRP): replace a group of adjacent
 * routes of the first parent by a group of routes of the second that covers mostly the same clients.
 * Works for every constraint type (routes keep their internal order), so it is the crossover for time
 * windows, reloads, heterogeneous fleets and optional clients.
 *
 * PyVRP groups routes by polar angle; we have no coordinates, so the first parent's group grows from a
 * random route by adding the route with most nearest-neighbour links into the group, and the second
 * parent contributes the routes overlapping the group most. Two offspring are built — (1) the second
 * parent's routes whole, their other clients removed from the kept routes; (2) the kept routes whole,
 * the second parent's routes restricted to the group's clients — the group's clients placed by neither
 * are reinserted greedily, and the cheaper offspring under the current penalties wins.
 */
export class SelectiveRouteExchange implements Crossover {
  private readonly problem: ProblemData;
  private readonly evaluate: (plan: Plan, penalties: Penalties) => Evaluation;
  private readonly repair: InsertionRepair;
  private readonly neighbours: { k: number; list: Int32Array };
  private readonly routeOfA: Int32Array;
  private readonly inA: Uint8Array;
  private readonly inB: Uint8Array;
  private links = new Float64Array(0);
  private selected = new Uint8Array(0);
  private readonly used: Int32Array;

  constructor(problem: ProblemData, evaluate: (plan: Plan, penalties: Penalties) => Evaluation) {
    this.problem = problem;
    this.evaluate = evaluate;
    this.repair = new InsertionRepair(problem);
    this.neighbours = nearestClients(problem, NEIGHBOURS);
    this.routeOfA = new Int32Array(problem.numLocations);
    this.inA = new Uint8Array(problem.numLocations);
    this.inB = new Uint8Array(problem.numLocations);
    this.used = new Int32Array(problem.numVehicleTypes);
  }

  cross(first: Plan, second: Plan, penalties: Penalties, rng: Rng): Plan {
    const A = first.routes;
    const B = second.routes;
    if (A.length === 0 || B.length === 0) return copyPlan(A.length === 0 ? second : first);
    const moved = 1 + rng.int(Math.min(A.length, B.length));
    const selectedA = this.groupInFirst(A, moved, rng);
    const selectedB = this.bestOverlapInSecond(B, moved);
    const D = this.problem.numDepots;
    const { inA, inB } = this; // inA was filled by bestOverlapInSecond
    inB.fill(0);
    for (const r of selectedB) for (const l of B[r]!.visits) if (l >= D) inB[l] = 1;
    const onlyInB = (l: number) => l >= D && inB[l] === 1 && inA[l] === 0;
    const unplanned: number[] = [];
    for (const r of selectedA) for (const l of A[r]!.visits) if (l >= D && inB[l] === 0) unplanned.push(l);

    const keptA = A.filter((_, r) => !selectedA.includes(r));
    const movedB = selectedB.map((r) => B[r]!);
    // Offspring 1: B's routes whole; offspring 2: A's kept routes whole.
    const one = this.assemble(
      keptA.map((route) => filtered(route, (l) => !onlyInB(l), D)),
      movedB.map((route) => ({ vehicleType: route.vehicleType, visits: [...route.visits] })),
      unplanned,
      penalties,
    );
    const two = this.assemble(
      keptA.map((route) => ({ vehicleType: route.vehicleType, visits: [...route.visits] })),
      movedB.map((route) => filtered(route, (l) => !onlyInB(l), D)),
      unplanned,
      penalties,
    );
    const costOne = this.evaluate(one, penalties).penalisedCost;
    const costTwo = this.evaluate(two, penalties).penalisedCost;
    return costTwo < costOne ? two : one;
  }

  /** `moved` routes of A: a random seed route, then repeatedly the route with most links into the group. */
  private groupInFirst(A: readonly PlannedRoute[], moved: number, rng: Rng): number[] {
    const D = this.problem.numDepots;
    const routeOf = this.routeOfA;
    routeOf.fill(-1);
    A.forEach((route, r) => {
      for (const l of route.visits) if (l >= D) routeOf[l] = r;
    });
    if (this.links.length < A.length) {
      this.links = new Float64Array(A.length);
      this.selected = new Uint8Array(A.length);
    }
    const links = this.links;
    const selected = this.selected;
    links.fill(0, 0, A.length);
    selected.fill(0, 0, A.length);
    const { k, list } = this.neighbours;
    const group: number[] = [];
    let next = rng.int(A.length);
    while (group.length < moved) {
      group.push(next);
      selected[next] = 1;
      for (const l of A[next]!.visits) {
        if (l < D) continue;
        const base = (l - D) * k;
        for (let i = 0; i < k; i++) {
          const r = routeOf[list[base + i]!]!;
          // Nearer neighbours weigh more, so a route touching the group closely beats one merely nearby.
          if (r >= 0 && !selected[r]) links[r]! += k - i;
        }
      }
      if (group.length === moved) break;
      let best = -1;
      for (let r = 0; r < A.length; r++) {
        if (!selected[r] && (best < 0 || links[r]! > links[best]!)) best = r;
      }
      if (links[best]! === 0) {
        // Nothing borders the group: continue from a random route not yet taken.
        let skip = rng.int(A.length - group.length);
        for (let r = 0; r < A.length; r++) {
          if (selected[r]) continue;
          if (skip-- === 0) {
            best = r;
            break;
          }
        }
      }
      next = best;
    }
    return group;
  }

  /** The `moved` routes of B with most clients in A's group (ties: fewer clients outside it). */
  private bestOverlapInSecond(B: readonly PlannedRoute[], moved: number): number[] {
    const D = this.problem.numDepots;
    const inA = this.inA;
    inA.fill(0);
    // groupInFirst left the group's routes marked in `selected`; rebuild the client marks from it.
    const selectedA = this.selected;
    for (let l = D; l < this.problem.numLocations; l++) {
      const r = this.routeOfA[l]!;
      if (r >= 0 && selectedA[r]) inA[l] = 1;
    }
    const score = B.map((route, r) => {
      let inside = 0;
      let outside = 0;
      for (const l of route.visits) {
        if (l < D) continue;
        if (inA[l]) inside++;
        else outside++;
      }
      return { r, inside, outside };
    });
    score.sort((a, b) => b.inside - a.inside || a.outside - b.outside || a.r - b.r);
    return score.slice(0, moved).map((s) => s.r);
  }

  /**
   * Joins kept and moved routes: vehicle types of moved routes are kept where the fleet allows, else
   * switched to a free type allowed for all their clients, else the route is dissolved and its clients
   * reinserted. Then the unplanned clients are inserted greedily.
   */
  private assemble(
    kept: PlannedRoute[],
    moved: PlannedRoute[],
    unplanned: readonly number[],
    penalties: Penalties,
  ): Plan {
    const p = this.problem;
    const used = this.used;
    used.fill(0);
    const routes = kept.filter((route) => route.visits.length > 0);
    for (const route of routes) used[route.vehicleType]!++;
    const toInsert = [...unplanned];
    for (const route of moved) {
      if (route.visits.length === 0) continue;
      const t = this.typeFor(route);
      if (t < 0) {
        for (const l of route.visits) if (l >= p.numDepots) toInsert.push(l);
        continue;
      }
      if (t !== route.vehicleType) dropReloadsNotAllowed(p, route, t);
      route.vehicleType = t;
      used[t]!++;
      routes.push(route);
    }
    this.repair.insert(routes, toInsert, penalties);
    return { routes };
  }

  private typeFor(route: PlannedRoute): number {
    const p = this.problem;
    const used = this.used;
    if (used[route.vehicleType]! < p.numAvailable[route.vehicleType]!) return route.vehicleType;
    let mask = 0xffffffff;
    for (const l of route.visits) if (l >= p.numDepots) mask &= p.allowedTypesMask[l]!;
    for (let t = 0; t < p.numVehicleTypes; t++) {
      if ((mask >>> t) & 1 && used[t]! < p.numAvailable[t]!) return t;
    }
    return -1;
  }
}

/** A copy of `route` keeping the clients `keep` accepts; reload depots left dangling are dropped. */
function filtered(route: PlannedRoute, keep: (l: number) => boolean, numDepots: number): PlannedRoute {
  const visits: number[] = [];
  for (const l of route.visits) {
    if (l < numDepots) {
      // A reload first, last or right after another one serves no trip.
      if (visits.length > 0 && visits[visits.length - 1]! >= numDepots) visits.push(l);
    } else if (keep(l)) {
      visits.push(l);
    }
  }
  while (visits.length > 0 && visits[visits.length - 1]! < numDepots) visits.pop();
  return { vehicleType: route.vehicleType, visits };
}

/** Removes reload depots the new vehicle type may not use (its trips merge; penalties price the load). */
function dropReloadsNotAllowed(problem: ProblemData, route: PlannedRoute, t: number): void {
  const allowed = new Set(
    problem.reloadDepots.subarray(problem.reloadOffsets[t]!, problem.reloadOffsets[t + 1]!),
  );
  route.visits = route.visits.filter((l) => l >= problem.numDepots || allowed.has(l));
}

function copyPlan(plan: Plan): Plan {
  return { routes: plan.routes.map((r) => ({ vehicleType: r.vehicleType, visits: [...r.visits] })) };
}
