import { defaultOperatorSettings, toZonedIso } from '@village/domain';
import { planWasteDay } from '@village/planning';
import type { WastePolicy } from './waste-policy.ts';

/**
 * The service's own morning decision, called exactly as the service calls it (with the settings of
 * a village whose operator kept the defaults): forecasts from the telemetry history and the crews'
 * reports, must/may/never selection, routing.
 */
export function createOptimizedWastePolicy(): WastePolicy {
  const { thresholdPercent, nearlyEmptyPercent, scheduleFallbackDays, truckLoadMarginPercent } =
    defaultOperatorSettings();
  return {
    name: 'optimized',
    plan: (context) => {
      const { result, selections } = planWasteDay({
        dataset: context.dataset,
        date: context.date,
        nowMs: context.nowMs,
        readings: context.world.readings,
        collectedAtMs: context.world.collectedAtMs,
        settings: { thresholdPercent, nearlyEmptyPercent, scheduleFallbackDays, truckLoadMarginPercent },
        timeLimitMs: context.routingTimeLimitMs,
        seed: context.seed,
        planId: `sim-waste-${context.date}`,
        createdAt: toZonedIso(context.nowMs),
      });
      const count = (decision: string) => selections.filter((s) => s.decision === decision).length;
      return { result, offered: { must: count('must'), may: count('may') } };
    },
  };
}
