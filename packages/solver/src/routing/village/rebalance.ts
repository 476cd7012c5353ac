import { createRng } from '@village/domain';
import { checkPlan } from '../check/check-plan.ts';
import { initialPenalties } from '../metaheuristic/penalty-manager.ts';
import { createProblem, type ProblemData } from '../model/problem-data.ts';
import { createLocalSearch } from '../search/local-search.ts';
import type { Plan } from '../search/plan.ts';
import type { Deadline } from '../stop/deadline.ts';
import type { BuiltProblem } from './build-problem.ts';
import type { ScheduledRoute } from './insertion-cost.ts';
import { scheduleRoute } from './route-schedule.ts';

/**
 * Balancing once a plan exists (`balance: true`). The search's soft duration limit is the fair day
 * estimated before any plan exists (balance.ts): every bin counted, every vehicle assumed out. It is
 * usually loose — may-bins get dropped, vehicles stay home — and a route below the limit costs no
 * overtime, so nothing evens out a 7-hour and a 4-hour day. With a plan in hand the fair day is known:
 * the crews' actual work divided by the crews out. We make that the soft limit, at the same overtime
 * rate, and run the local search again from the plan: every operator may now move stops from the long
 * days to the short ones wherever the overtime saved pays for the detour — whole trips included
 * (relocate-trip: a full truck takes more bins only with one more unload, which no single-bin move
 * pays for). Each move lowers the total overtime beyond the mean, which is zero only when every day
 * equals it.
 * Repeated while the target moves (it shifts as stops move or may-bins drop), a few rounds at most.
 *
 * The objective the plan is reported under does not change (the problem's own soft limit): balancing
 * may cost a few km. A round is kept only if the independent checker finds its plan feasible and the
 * spread of the working days shrank.
 */
export interface RebalanceOptions {
  seed: number;
  /** Polled inside the local search; a cut round is still checked and kept if it helped. */
  deadline?: Deadline;
  /** Rounds of "new fair day → local search". Default 3. */
  maxRounds?: number;
}

export interface RebalancedRoutes {
  routes: ScheduledRoute[];
  leftOut: number[];
}

/** Same granularity as the search (search-components.ts). */
const GRANULARITY = 20;
/** Penalties for the balancing descent, × the search's starting ones (see the loop). */
const PENALTY_FACTOR = 100;
/** A round must narrow the spread by more than this (minutes) for another round to follow. */
const MIN_GAIN_MINUTES = 1;

/** Minutes of the crew's day beyond the solver route: final unload, drive home, time already worked. */
function dayOverhead(built: BuiltProblem, t: number): number {
  const type = built.fleet[t]!;
  return type.disposalSite.unloadMinutes + type.returnMinutes + (type.startMinutes - type.shiftStartMinutes);
}

/** The working day of each route with stops (minutes), as the crews live it. */
export function workingDays(built: BuiltProblem, routes: readonly ScheduledRoute[]): number[] {
  return routes
    .filter((r) => r.visits.length > 0)
    .map((r) => r.schedule.endTime - r.schedule.startTime + dayOverhead(built, r.vehicleType));
}

export function spreadOf(days: readonly number[]): number {
  return days.length < 2 ? 0 : Math.max(...days) - Math.min(...days);
}

/** The problem with the fair day `fairDay` (minutes) as every type's soft duration limit. */
function withFairDay(built: BuiltProblem, fairDay: number): ProblemData {
  const overtimeUnitCost = built.request.overtimeCostPerHourVnd / 60;
  return createProblem({
    ...built.input,
    vehicleTypes: built.input.vehicleTypes.map((vt, t) => ({
      ...vt,
      softDurationLimit: Math.max(0, fairDay - dayOverhead(built, t)),
      overtimeUnitCost,
    })),
  });
}

export function rebalanceRoutes(
  built: BuiltProblem,
  data: ProblemData,
  routes: readonly ScheduledRoute[],
  leftOut: readonly number[],
  options: RebalanceOptions,
): RebalancedRoutes {
  let best: RebalancedRoutes = { routes: [...routes], leftOut: [...leftOut] };
  let spread = spreadOf(workingDays(built, routes));
  const rng = createRng(options.seed);
  for (let round = 0; round < (options.maxRounds ?? 3); round++) {
    const days = workingDays(built, best.routes);
    if (days.length < 2 || options.deadline?.expired()) break;
    const fairDay = days.reduce((a, b) => a + b, 0) / days.length;
    const balanced = withFairDay(built, fairDay);
    // Violations priced far above any saving, so the descent starts feasible and stays so — but not
    // so far that float noise in loads (1e-12 litres) outweighs the search's move threshold.
    const reference = initialPenalties(balanced);
    const penalties = {
      load: PENALTY_FACTOR * reference.load,
      timeWarp: PENALTY_FACTOR * reference.timeWarp,
    };
    const plan: Plan = {
      routes: best.routes.map((r) => ({ vehicleType: r.vehicleType, visits: [...r.visits] })),
    };
    const improved = createLocalSearch(balanced, { granularity: GRANULARITY }).improve(
      plan,
      penalties,
      rng,
      options.deadline,
    );
    const candidate = checked(data, improved);
    if (!candidate) break;
    const candidateSpread = spreadOf(workingDays(built, candidate.routes));
    if (candidateSpread >= spread) break;
    const gain = spread - candidateSpread;
    best = candidate;
    spread = candidateSpread;
    if (gain <= MIN_GAIN_MINUTES) break;
  }
  return best;
}

/** The plan re-timed from the checker's departures, or undefined when it breaks any rule. */
function checked(data: ProblemData, plan: Plan): RebalancedRoutes | undefined {
  const routes = plan.routes.filter((r) => r.visits.length > 0);
  const check = checkPlan(data, { routes });
  if (check.violations.length > 0) return undefined;
  return {
    routes: check.routes.map((r) => ({
      vehicleType: r.vehicleType,
      visits: r.visits,
      schedule: scheduleRoute(data, r.vehicleType, r.visits, r.startTime),
    })),
    leftOut: check.unassigned,
  };
}
