import { type Bin, defaultOperatorSettings } from '@village/domain';
import { withLoadMargin } from '@village/planning';
import { planCollectionRoutes } from '@village/solver';
import type { PolicyPlan, WastePlanningContext } from './waste-policy.ts';

/**
 * Routes a baseline's chosen bins with the same router the service uses: every chosen bin is
 * must-collect, and the truck's expected load is the bin's latest sensor reading (100 % without
 * one), so the baselines are not penalised with extra disposal trips for bins planned as full.
 * Trucks are planned with the service's default load margin, as the optimized plans are: a reading
 * taken at 05:00 is below what the bin holds when the truck comes, and a truck that fills before
 * its planned unload makes an unplanned trip (crew-truck.ts).
 */
export function routeChosenBins(context: WastePlanningContext, bins: readonly Bin[]): PolicyPlan {
  const { dataset } = context;
  const result = planCollectionRoutes(
    {
      date: context.date,
      vehicles: withLoadMargin(dataset.vehicles, defaultOperatorSettings().truckLoadMarginPercent),
      depots: dataset.depots,
      disposalSites: dataset.disposalSites,
      bins: bins.map((bin) => ({
        bin,
        mustCollect: true,
        valueVnd: 0,
        predictedFillPercent: Math.min(
          100,
          Math.max(0, context.world.latestReading(bin.id)?.fillPercent ?? 100),
        ),
      })),
    },
    { timeLimitMs: context.routingTimeLimitMs, seed: context.seed },
  );
  return { result, offered: { must: bins.length, may: 0 } };
}
