import { type FlexibleLoad, type LoadSpec, minutesOfDay } from '@village/domain';
import { naiveRunOnDay } from '../devices/flexible-load-schedule.ts';
import { HOUR_MS } from '../devices/local-time.ts';
import { stringKey } from '../devices/noise.ts';
import { type Horizon, windowSlots } from './horizon.ts';

/**
 * An interruptible load never asks for more than this share of what its window can deliver at full
 * power: residents do not ask for a charge the night cannot give, and a window with no slack would be
 * a forced schedule, not a decision.
 */
const MAX_WINDOW_FILL = 0.8;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A household's flexible load as tomorrow's scheduling request, or undefined when it is not used that
 * day. Use and energy come from the same day draw the meter simulator makes (a pump idles on some
 * days; a charger needs 70–110 % of its nominal refill), so scenarios and simulated telemetry agree.
 */
export function scenarioLoad(
  load: FlexibleLoad,
  horizon: Horizon,
  noiseSeed: number,
  withNonInterruptible: boolean,
): LoadSpec | undefined {
  const run = naiveRunOnDay(load, stringKey(load.id), noiseSeed, horizon.dayIndex);
  if (run === null) return undefined;
  const { earliest, latest } = windowSlots(horizon, minutesOfDay(load.earliest), minutesOfDay(load.latest));
  const windowLength = latest - earliest;
  if (windowLength <= 0) return undefined;
  const slotHours = horizon.slotMinutes / 60;
  if (load.interruptible) {
    const wanted = (load.kw * (run.endMs - run.startMs)) / HOUR_MS;
    const energyKwh = round2(Math.min(wanted, MAX_WINDOW_FILL * load.kw * windowLength * slotHours));
    if (energyKwh <= 0) return undefined;
    return { id: load.id, interruptible: true, kw: load.kw, energyKwh, earliest, latest };
  }
  if (!withNonInterruptible) return undefined;
  const durationSlots = Math.ceil(load.durationMinutes / horizon.slotMinutes);
  // The dataset's blocks always fit their windows; a cut window (past the horizon) might not.
  if (durationSlots > windowLength) return undefined;
  return { id: load.id, interruptible: false, kw: load.kw, durationSlots, earliest, latest };
}
