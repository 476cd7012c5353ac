/**
 * The village benchmark's independent check of a plan printed by the solving process: rebuild the day
 * from its seed, map the plan's stops back to solver locations and let the checker (check/) judge the
 * routes — capacity per trip, windows, disposal-site hours, shifts, each bin at most once, every must
 * bin collected — then recompute the objective and compare it with what the plan states.
 */
import {
  type BuiltProblem,
  buildProblem,
  type CollectionPlanResult,
  checkPlan,
  createProblem,
  formatViolation,
  parseCollectionRequest,
} from '@village/solver';
import { benchInstance } from './village-routing-instance.ts';

export interface CheckedPlan {
  /** Route costs (fixed, km, crew time, overtime; depot to depot) + value of may-bins left out, VND. */
  objectiveVnd: number;
  routes: number;
  binsCollected: number;
  /** Longest minus shortest working day (depot to depot) over the routes that collect bins. */
  spreadMinutes: number;
  /** Empty when the plan passed every check. */
  problems: string[];
}

const built = new Map<string, BuiltProblem>();

function builtDay(bins: number, seed: number, balance: boolean): BuiltProblem {
  const key = `${bins}/${seed}/${balance}`;
  let day = built.get(key);
  if (!day) {
    day = buildProblem(parseCollectionRequest(benchInstance(bins, seed, balance)));
    built.set(key, day);
  }
  return day;
}

export function checkVillagePlan(
  bins: number,
  seed: number,
  balance: boolean,
  plan: CollectionPlanResult,
): CheckedPlan {
  const day = builtDay(bins, seed, balance);
  const data = createProblem(day.input);
  const problems: string[] = [];
  const location = new Map(day.locations.map((l, i) => [`${l.kind}:${l.id}`, i]));
  const typeOf = new Map(day.fleet.flatMap((t) => t.vehicles.map((v) => [v.id, t.index] as const)));
  const routes: { vehicleType: number; visits: number[] }[] = [];
  // What the solver route does not see: the final unload and the drive home, fixed per vehicle type.
  let tailVnd = 0;
  for (const route of plan.routes) {
    const t = typeOf.get(route.vehicleId);
    if (t === undefined) {
      problems.push(`unknown vehicle ${route.vehicleId}`);
      continue;
    }
    const stops = route.stops.filter((s) => s.status === 'planned' && !s.committed);
    const [first, ...rest] = stops;
    const last = rest.pop();
    if (first?.kind !== 'depot' || last?.kind !== 'depot') {
      problems.push(`${route.vehicleId}: does not start and end at its depot`);
      continue;
    }
    if (rest.length === 0) continue; // stays home
    const final = rest.pop();
    if (final?.kind !== 'disposal') problems.push(`${route.vehicleId}: no final unload before the depot`);
    const visits = rest.map((s) => location.get(`${s.kind}:${s.siteId}`) ?? -1);
    if (visits.includes(-1)) problems.push(`${route.vehicleId}: stops the day does not have`);
    routes.push({ vehicleType: t, visits });
    const type = day.fleet[t]!;
    tailVnd +=
      type.costPerKmVnd * type.returnKm +
      data.unitDurationCost[t]! * (type.disposalSite.unloadMinutes + type.returnMinutes);
  }
  const check = checkPlan(data, { routes });
  problems.push(...check.violations.map((v) => formatViolation(v, (l) => day.locations[l]?.id ?? `#${l}`)));

  // Every bin exactly once: collected, or unassigned (set aside by the pre-checks, or left out).
  const leftOut = new Set(check.unassigned.map((l) => day.locations[l]!.id));
  for (const r of day.rejected) leftOut.add(r.binId);
  const stated = new Set(plan.unassigned.map((u) => u.binId));
  if (stated.size !== leftOut.size || [...stated].some((id) => !leftOut.has(id)))
    problems.push(`unassigned bins stated ${stated.size}, found ${leftOut.size}`);

  const rejectedValue = day.rejected.reduce((s, r) => s + (r.mustCollect ? 0 : r.valueVnd), 0);
  const objectiveVnd = check.cost + tailVnd + rejectedValue;
  const statedVnd = plan.totalCostVnd + plan.missedValueVnd;
  // The plan rounds each route's cost and the missed value to whole VND.
  if (Math.abs(objectiveVnd - statedVnd) > plan.routes.length + 2)
    problems.push(`objective stated ${statedVnd} VND, recomputed ${Math.round(objectiveVnd)} VND`);
  if (!plan.feasible) problems.push('the plan says it is not feasible');
  const days = plan.routes.filter((r) => r.binsCollected > 0).map((r) => r.durationMinutes);
  return {
    objectiveVnd,
    spreadMinutes: days.length > 1 ? Math.max(...days) - Math.min(...days) : 0,
    routes: routes.length,
    binsCollected: routes.reduce((s, r) => s + r.visits.filter((l) => l >= data.numDepots).length, 0),
    problems,
  };
}
