import type { FlexibleLoad, FlexibleLoadKind } from '@village/domain';
import { minutesOfDay } from '@village/domain';
import { isRainySeason, localDayIndex, localMidnightMs, MINUTE_MS } from './local-time.ts';
import { unitNoise } from './noise.ts';

/**
 * When flexible loads run WITHOUT a plan: people switch them on as soon as the window opens (after a
 * personal delay), and interruptible loads then run flat out until done. This "naive" behaviour is
 * what creates the evening peak the energy planner is meant to flatten.
 */

/** Chance that a load is used at all on a given day. Irrigation follows the season. */
function dailyUseProbability(kind: FlexibleLoadKind, dayStartMs: number): number {
  switch (kind) {
    case 'irrigation-pump':
      return isRainySeason(dayStartMs) ? 0.35 : 0.85;
    case 'e-motorbike-charger':
      return 0.85;
    case 'ev-charger':
      return 0.5;
    case 'water-heater':
      return 0.9;
    case 'rice-husk-dryer':
      return 0.5;
  }
}

/** How late after the window opens people typically switch on, in minutes. */
const MAX_START_DELAY_MINUTES: Record<FlexibleLoadKind, number> = {
  'irrigation-pump': 30,
  'e-motorbike-charger': 90,
  'ev-charger': 90,
  'water-heater': 60,
  'rice-husk-dryer': 60,
};

export interface NaiveRun {
  startMs: number;
  endMs: number;
  kw: number;
}

/**
 * The run that starts on local day `dayIndex`, if the load is used that day. Interruptible loads need
 * 70–110 % of their nominal energy (batteries are not always empty, fields not always dry).
 */
export function naiveRunOnDay(
  load: FlexibleLoad,
  loadKey: number,
  seed: number,
  dayIndex: number,
): NaiveRun | null {
  const dayStartMs = localMidnightMs(dayIndex);
  if (unitNoise(seed, loadKey, dayIndex, 1) >= dailyUseProbability(load.kind, dayStartMs)) return null;
  const delayMinutes = Math.floor(unitNoise(seed, loadKey, dayIndex, 2) * MAX_START_DELAY_MINUTES[load.kind]);
  const startMs = dayStartMs + (minutesOfDay(load.earliest) + delayMinutes) * MINUTE_MS;
  const minutes = load.interruptible
    ? ((load.energyKwh * (0.7 + 0.4 * unitNoise(seed, loadKey, dayIndex, 3))) / load.kw) * 60
    : load.durationMinutes;
  return { startMs, endMs: startMs + minutes * MINUTE_MS, kw: load.kw };
}

/** A load with its noise key and a small memo of its naive runs by day (they are pure, so caching is safe). */
export interface ScheduledLoad {
  load: FlexibleLoad;
  key: number;
  runs: Map<number, NaiveRun | null>;
}

function runOn(scheduled: ScheduledLoad, seed: number, day: number): NaiveRun | null {
  let run = scheduled.runs.get(day);
  if (run === undefined) {
    run = naiveRunOnDay(scheduled.load, scheduled.key, seed, day);
    // Simulations move forward: a few days of memo is all that is ever reused.
    if (scheduled.runs.size >= 4) scheduled.runs.clear();
    scheduled.runs.set(day, run);
  }
  return run;
}

/** Power drawn by a load at an instant under naive use. Runs may cross midnight, so yesterday's run is checked too. */
export function naiveLoadKw(scheduled: ScheduledLoad, seed: number, epochMs: number): number {
  const today = localDayIndex(epochMs);
  for (const day of [today, today - 1]) {
    const run = runOn(scheduled, seed, day);
    if (run && epochMs >= run.startMs && epochMs < run.endMs) return run.kw;
  }
  return 0;
}
