import type { Plan } from '../search/plan.ts';
import type { CvrplibInstance } from './cvrplib.ts';

/**
 * Routes in the instance file's own node ids (what the CLI prints and the benchmark reads) ↔ plans
 * over location indices. Only the translation is checked here (ids that do not exist, the depot
 * inside a route); coverage and feasibility are the checker's job.
 */
export class NodeRoutesError extends RangeError {
  readonly route: number;
  readonly position: number;
  constructor(route: number, position: number, message: string) {
    super(`routes[${route}][${position}]: ${message}`);
    this.name = 'NodeRoutesError';
    this.route = route;
    this.position = position;
  }
}

export function planFromNodeRoutes(instance: CvrplibInstance, routes: readonly (readonly number[])[]): Plan {
  const locationOf = new Map(instance.nodeIds.map((id, l) => [id, l]));
  return {
    routes: routes.map((route, r) => ({
      vehicleType: 0,
      visits: route.map((id, position) => {
        const l = locationOf.get(id);
        if (l === undefined) throw new NodeRoutesError(r, position, `node ${id} is not in the instance`);
        if (l === 0) throw new NodeRoutesError(r, position, `node ${id} is the depot (routes exclude it)`);
        return l;
      }),
    })),
  };
}

export function nodeRoutesFromPlan(instance: CvrplibInstance, plan: Plan): number[][] {
  return plan.routes.map((route, r) =>
    route.visits.map((l, position) => {
      const id = l > 0 ? instance.nodeIds[l] : undefined;
      if (id === undefined) throw new NodeRoutesError(r, position, `location ${l} is not a client`);
      return id;
    }),
  );
}
