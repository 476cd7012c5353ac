import type { VillageDataset } from '@village/domain';
import { addDays, localDateOf, localInstantMs, localMidnightMs } from '../local-day.ts';
import type { MonthOptions, Progress } from '../month-options.ts';
import { createFixedSchedulePolicy } from './fixed-schedule.ts';
import { createOptimizedWastePolicy } from './optimized-waste.ts';
import { createThresholdNowPolicy } from './threshold-now.ts';
import { addForcedTrips, addPlan, emptyTally, type WasteTally } from './waste-metrics.ts';
import type { WastePolicy, WastePolicyName } from './waste-policy.ts';
import { createWasteWorld, type HourOutcome, type WasteWorld } from './waste-world.ts';

/**
 * The waste month: one world per policy from the same seed. Warm-up days run the fixed round in
 * every world (one plan, followed everywhere, so the worlds stay identical and the forecaster gets
 * history); then each morning at 05:00 each policy plans from its own world's telemetry and its
 * crews follow the routes. Overflow is counted hourly from the first measured plan for `days` × 24 h.
 */

/** Plans are made when the service's scheduler runs them (default 05:00 village time). */
const PLAN_MINUTE = 5 * 60;

export type WasteMonthResult = Record<WastePolicyName, WasteTally>;

interface Lane {
  policy: WastePolicy;
  world: WasteWorld;
  tally: WasteTally;
  /** Bins emptied per local date, to catch same-day repeats. */
  emptiedOn: Map<string, Set<string>>;
}

export function runWasteMonth(
  dataset: VillageDataset,
  options: MonthOptions,
  progress: Progress,
): WasteMonthResult {
  const { seed, days, startDate } = options;
  const { warmupDays, routingTimeLimitMs } = options.waste;
  const firstDay = addDays(startDate, -warmupDays);
  const startMs = localMidnightMs(firstDay);
  const measureFromMs = localInstantMs(startDate, PLAN_MINUTE);
  const measureToMs = localInstantMs(addDays(startDate, days), PLAN_MINUTE);
  // The warm-up is today's round as crews run it; the measured fixed lane may be given another N.
  const warmup = createFixedSchedulePolicy(dataset);
  const fixed = createFixedSchedulePolicy(dataset, { everyDays: options.waste.fixedEveryDays });
  const lanes: Lane[] = [createOptimizedWastePolicy(), fixed, createThresholdNowPolicy()].map((policy) => ({
    policy,
    world: createWasteWorld(dataset, seed, startMs),
    tally: emptyTally(),
    emptiedOn: new Map(),
  }));

  const account = (lane: Lane, hour: HourOutcome) => {
    if (hour.atMs <= measureFromMs || hour.atMs > measureToMs) return;
    lane.tally.metrics.overflowBinHours += hour.overflowingBins;
    const today = lane.tally.extra.daily.at(-1);
    if (today) today.overflowBinHours += hour.overflowingBins;
    addForcedTrips(lane.tally, hour.forcedTrips);
    for (const collection of hour.collections) {
      lane.tally.extra.collectionsMade++;
      lane.tally.extra.litresCollected += collection.litres;
      const date = localDateOf(collection.atMs);
      const emptied = lane.emptiedOn.get(date) ?? new Set<string>();
      if (emptied.has(collection.binId)) lane.tally.extra.sameDayRepeats++;
      emptied.add(collection.binId);
      lane.emptiedOn.set(date, emptied);
    }
  };
  const advance = (lane: Lane, toMs: number) => {
    while (lane.world.nowMs() < toMs) account(lane, lane.world.stepHour());
  };

  for (let d = 0; d < warmupDays + days; d++) {
    const date = addDays(firstDay, d);
    const nowMs = localInstantMs(date, PLAN_MINUTE);
    for (const lane of lanes) advance(lane, nowMs);
    const base = { dataset, date, nowMs, routingTimeLimitMs, seed };
    if (d < warmupDays) {
      // All worlds are still identical: plan once, follow everywhere.
      const [first] = lanes;
      if (!first) break;
      const { result } = warmup.plan({ ...base, world: first.world });
      for (const lane of lanes) lane.world.follow(result);
      progress(`waste warm-up ${date}: fixed round, ${result.routes.length} trucks`);
      continue;
    }
    const said: string[] = [];
    for (const lane of lanes) {
      const started = performance.now();
      const plan = lane.policy.plan({ ...base, world: lane.world });
      addPlan(lane.tally, date, plan, performance.now() - started);
      lane.world.follow(plan.result);
      const today = lane.tally.extra.daily.at(-1);
      said.push(`${lane.policy.name} ${today?.binsCollected ?? 0} bins ${Math.round(today?.km ?? 0)} km`);
    }
    progress(`waste ${date}: ${said.join(', ')}`);
  }
  for (const lane of lanes) advance(lane, measureToMs);

  const result = {} as WasteMonthResult;
  for (const lane of lanes) result[lane.policy.name] = lane.tally;
  return result;
}
