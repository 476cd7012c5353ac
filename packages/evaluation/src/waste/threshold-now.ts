import { routeChosenBins } from './route-bins.ts';
import type { WastePolicy } from './waste-policy.ts';

/**
 * The sensor baseline without forecasting: collect every bin whose latest reading is at or above
 * `thresholdPercent` (70 % by default) when the morning plan is made. It reacts to what is full now
 * and cannot see what will overflow before tomorrow's run.
 */
export function createThresholdNowPolicy(thresholdPercent = 70): WastePolicy {
  return {
    name: 'thresholdNow',
    plan: (context) =>
      routeChosenBins(
        context,
        context.dataset.bins.filter(
          (bin) => (context.world.latestReading(bin.id)?.fillPercent ?? 0) >= thresholdPercent,
        ),
      ),
  };
}
