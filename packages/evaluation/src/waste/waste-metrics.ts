import type { PolicyPlan } from './waste-policy.ts';

/** The figures per policy over the measured days. */
export interface WasteMetrics {
  km: number;
  truckHours: number;
  binsCollected: number;
  overflowBinHours: number;
}

/** Extra figures: for reading the result, and for the tests' consistency checks. */
export interface WasteExtra {
  /**
   * What the routes cost by the fleet's own rates (fixed cost per truck out, per km, per hour), VND,
   * plus the km of the unplanned disposal trips.
   */
  costVnd: number;
  /** Bins offered to the router as must-collect and as may-collect (worth a detour), summed over the days. */
  offeredMust: number;
  offeredMay: number;
  /** Must-collect bins the router could not fit (they stay in the street until the next plan). */
  mustLeftOut: number;
  /** Bin emptyings the simulated crews actually made: equals `binsCollected`. */
  collectionsMade: number;
  /**
   * Waste the crews took away, litres (waste beside an overflowing bin is not loaded): a policy that
   * lets bins overflow hauls less and drives less for it, so km per m³ hauled is the fair comparison.
   */
  litresCollected: number;
  /** Bins emptied twice on one local day (a plan that re-collects what a crew just emptied). */
  sameDayRepeats: number;
  /**
   * Disposal trips crews had to add because their truck was full before the plan expected (bins
   * held more than planned), and their km; both are included in `km` and `truckHours`.
   */
  forcedDisposalTrips: number;
  forcedKm: number;
  /** Time spent planning (forecast + selection + routing), ms. */
  planningMs: number;
  daily: { date: string; km: number; binsCollected: number; overflowBinHours: number }[];
}

export interface WasteTally {
  metrics: WasteMetrics;
  extra: WasteExtra;
}

export function emptyTally(): WasteTally {
  return {
    metrics: { km: 0, truckHours: 0, binsCollected: 0, overflowBinHours: 0 },
    extra: {
      costVnd: 0,
      offeredMust: 0,
      offeredMay: 0,
      mustLeftOut: 0,
      collectionsMade: 0,
      litresCollected: 0,
      sameDayRepeats: 0,
      forcedDisposalTrips: 0,
      forcedKm: 0,
      planningMs: 0,
      daily: [],
    },
  };
}

/** Adds one day's plan: distances, durations and stops straight from the router's routes. */
export function addPlan(tally: WasteTally, date: string, plan: PolicyPlan, planningMs: number): void {
  const { result } = plan;
  tally.extra.offeredMust += plan.offered.must;
  tally.extra.offeredMay += plan.offered.may;
  const km = result.routes.reduce((sum, route) => sum + route.distanceKm, 0);
  const bins = result.routes.reduce(
    (sum, route) => sum + route.stops.filter((stop) => stop.kind === 'bin').length,
    0,
  );
  tally.metrics.km += km;
  tally.metrics.truckHours += result.routes.reduce((sum, route) => sum + route.durationMinutes, 0) / 60;
  tally.metrics.binsCollected += bins;
  tally.extra.costVnd += result.routes.reduce((sum, route) => sum + route.costVnd, 0);
  tally.extra.mustLeftOut += result.unassigned.filter((u) => u.mustCollect).length;
  tally.extra.planningMs += planningMs;
  tally.extra.daily.push({ date, km, binsCollected: bins, overflowBinHours: 0 });
}

/** Adds the unplanned disposal trips crews made in an hour of the measured period. */
export function addForcedTrips(
  tally: WasteTally,
  trips: { count: number; km: number; minutes: number; costVnd: number },
): void {
  if (trips.count === 0) return;
  tally.metrics.km += trips.km;
  tally.metrics.truckHours += trips.minutes / 60;
  tally.extra.forcedDisposalTrips += trips.count;
  tally.extra.forcedKm += trips.km;
  tally.extra.costVnd += trips.costVnd;
  const today = tally.extra.daily.at(-1);
  if (today) today.km += trips.km;
}

/** Rounds for printing: km and hours to 0.1, money to the dong. */
export function roundedTally(tally: WasteTally): WasteTally {
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    metrics: {
      km: r1(tally.metrics.km),
      truckHours: r1(tally.metrics.truckHours),
      binsCollected: tally.metrics.binsCollected,
      overflowBinHours: tally.metrics.overflowBinHours,
    },
    extra: {
      ...tally.extra,
      costVnd: Math.round(tally.extra.costVnd),
      forcedKm: r1(tally.extra.forcedKm),
      litresCollected: Math.round(tally.extra.litresCollected),
      planningMs: Math.round(tally.extra.planningMs),
      daily: tally.extra.daily.map((d) => ({ ...d, km: r1(d.km) })),
    },
  };
}
