import { createRng, type Rng } from '../../../../packages/domain/src/random.ts';
import {
  createProblem,
  type ProblemData,
} from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type {
  ClientInput,
  DepotInput,
  ProblemInput,
  VehicleTypeInput,
} from '../../../../packages/solver/src/routing/model/problem-input.ts';
import type { Plan } from '../../../../packages/solver/src/routing/search/plan.ts';

export interface RandomProblemSpec {
  clients: number;
  depots?: number;
  /** Load dimensions (default 2). */
  dims?: number;
  vehicleTypes?: number;
  timeWindows?: boolean;
  optional?: boolean;
  reloads?: boolean;
  restrictedTypes?: boolean;
  /** Duration-related costs and limits (overtime, max duration, shifts). */
  durationCosts?: boolean;
  /** Round distances to integers (CVRPLIB style). */
  integer?: boolean;
  /** Vehicles per type (default 3). */
  numAvailable?: number;
  /** Capacity per dimension (default ~ a third of total demand, so several routes are needed). */
  capacity?: number;
}

/**
 * Random instances exercising every feature the search supports: several depots, heterogeneous
 * vehicle types (capacities, depots, shifts, costs, soft and hard duration limits), 2-D loads,
 * time windows, optional clients with prizes, allowed-type restrictions and reload depots.
 * Coordinates are random floats, so proximities have no ties.
 */
export function randomProblemInput(seed: number, spec: RandomProblemSpec): ProblemInput {
  const rng = createRng(seed);
  const D = spec.depots ?? 2;
  const K = spec.dims ?? 2;
  const T = spec.vehicleTypes ?? 2;
  const n = D + spec.clients;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let l = 0; l < n; l++) {
    xs.push(rng.range(0, 100));
    ys.push(rng.range(0, 100));
  }
  const distance = xs.map((x, i) =>
    xs.map((x2, j) => {
      const d = Math.hypot(x - x2, ys[i]! - ys[j]!);
      return spec.integer ? Math.round(d) : d;
    }),
  );
  const horizon = 1000;
  const depots: DepotInput[] = Array.from({ length: D }, () => ({
    twEarly: 0,
    twLate: spec.timeWindows ? horizon : undefined,
    serviceDuration: spec.reloads ? rng.range(0, 10) : 0,
  }));
  let totalDemand = 0;
  const clients: ClientInput[] = Array.from({ length: spec.clients }, () => {
    const demand = Array.from({ length: K }, () => Math.floor(rng.range(1, 20)));
    totalDemand += demand[0]!;
    const client: ClientInput = { demand, serviceDuration: Math.floor(rng.range(0, 10)) };
    if (spec.timeWindows) {
      const early = rng.range(0, horizon - 200);
      client.twEarly = early;
      client.twLate = early + rng.range(30, 300);
    }
    if (spec.optional && rng.next() < 0.3) {
      client.required = false;
      client.prize = rng.range(0, 80);
    }
    if (spec.restrictedTypes && T > 1 && rng.next() < 0.3) client.allowedVehicleTypes = [rng.int(T)];
    return client;
  });
  const capacity = spec.capacity ?? Math.max(20, Math.ceil(totalDemand / 3));
  const vehicleTypes: VehicleTypeInput[] = Array.from({ length: T }, (_, t) => {
    const type: VehicleTypeInput = {
      numAvailable: spec.numAvailable ?? 3,
      capacity: Array.from({ length: K }, () => Math.round(capacity * rng.range(0.6, 1.2))),
      startDepot: t % D,
      endDepot: (t + (spec.depots ?? 2) - 1) % D,
      fixedCost: rng.range(0, 50),
      unitDistanceCost: rng.range(0.5, 2),
    };
    if (spec.durationCosts) {
      type.unitDurationCost = rng.range(0, 0.5);
      type.twEarly = rng.range(0, 50);
      type.twLate = horizon + rng.range(0, 200);
      type.maxDuration = rng.range(300, 900);
      type.softDurationLimit = rng.range(150, 400);
      type.overtimeUnitCost = rng.range(0, 2);
    }
    if (spec.reloads) {
      type.reloadDepots = t === 0 ? [0, D - 1] : [D - 1];
      type.maxReloads = 1 + rng.int(3);
      type.initialLoad = Array.from({ length: K }, () => Math.floor(rng.range(0, 5)));
    }
    return type;
  });
  return { numLoadDimensions: K, depots, clients, vehicleTypes, distance };
}

export function randomProblem(seed: number, spec: RandomProblemSpec): ProblemData {
  return createProblem(randomProblemInput(seed, spec));
}

/**
 * A random plan that uses the problem's features: random routes of random (allowed) types with
 * random reload visits, some clients left out (optional ones more often).
 */
export function randomTestPlan(
  problem: ProblemData,
  rng: Rng,
  options: { dropRequired?: boolean } = {},
): Plan {
  const T = problem.numVehicleTypes;
  const routes: Plan['routes'] = [];
  const slots: { type: number; visits: number[] }[] = [];
  for (let t = 0; t < T; t++) {
    const count = Math.min(problem.numAvailable[t]!, 1 + rng.int(3));
    for (let k = 0; k < count; k++) slots.push({ type: t, visits: [] });
  }
  for (let l = problem.numDepots; l < problem.numLocations; l++) {
    const skip = problem.required[l] === 1 ? (options.dropRequired ? 0.05 : 0) : 0.4;
    if (rng.next() < skip) continue;
    const allowed = slots.filter((s) => ((problem.allowedTypesMask[l]! >>> s.type) & 1) === 1);
    if (allowed.length === 0) continue;
    const slot = rng.pick(allowed);
    slot.visits.splice(rng.int(slot.visits.length + 1), 0, l);
  }
  for (const slot of slots) {
    const t = slot.type;
    const reloads: number[] = [];
    for (let r = problem.reloadOffsets[t]!; r < problem.reloadOffsets[t + 1]!; r++)
      reloads.push(problem.reloadDepots[r]!);
    const max = problem.maxReloads[t]!;
    if (reloads.length > 0 && max > 0) {
      const count = rng.int(max + 1);
      for (let k = 0; k < count; k++)
        slot.visits.splice(rng.int(slot.visits.length + 1), 0, rng.pick(reloads));
    }
    if (slot.visits.length > 0) routes.push({ vehicleType: t, visits: slot.visits });
  }
  return { routes };
}
