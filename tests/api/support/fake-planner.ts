import type { EnergyPlanRequest, PlannerPort, WastePlanRequest } from '@village/api';
import type { EnergyPlan, WastePlan } from '@village/domain';
import { energyPlan, vehicleRoute, wastePlan } from '../../store/support/plan-builders.ts';
import { NOW_MS } from './harness.ts';

export const FIXTURE_BINS = ['bin-market-1', 'bin-school-1', 'bin-lane-1'];

export interface FakePlanner extends PlannerPort {
  wasteRequests: WastePlanRequest[];
  energyRequests: EnergyPlanRequest[];
}

/**
 * Stands in for the planning loop: plans truck-1 through the fixture's bins (none when truck-1 is
 * unavailable), and an energy plan for hh-001 only. `override` replaces a plan before it is returned.
 */
export function fakePlanner(
  options: {
    wasteOverride?: (plan: WastePlan) => WastePlan;
    energyOverride?: (plan: EnergyPlan) => EnergyPlan;
    householdIds?: string[];
    withBill?: boolean;
    idPrefix?: string;
  } = {},
): FakePlanner {
  let made = 0;
  // Plan ids are unique per planner instance: a stored plan id cannot be stored again.
  const tag = options.idPrefix ?? '';
  const planner: FakePlanner = {
    wasteRequests: [],
    energyRequests: [],
    async planWaste(request) {
      planner.wasteRequests.push(request);
      made++;
      const truckOut = request.replan?.unavailableVehicleIds.includes('truck-1') ?? false;
      const plan = wastePlan({
        planId: `${tag}w-${made}`,
        villageId: request.villageId,
        date: request.date,
        createdAt: new Date(NOW_MS).toISOString(),
        routes: truckOut ? [] : [vehicleRoute('truck-1', FIXTURE_BINS, `${request.date}T06:00:00+07:00`)],
        unassigned: truckOut
          ? FIXTURE_BINS.map((binId) => ({ binId, reason: 'no vehicle available', code: 'NO_VEHICLE' }))
          : [],
      });
      return options.wasteOverride ? options.wasteOverride(plan) : plan;
    },
    async planEnergy(request) {
      planner.energyRequests.push(request);
      made++;
      const plan = energyPlan({
        planId: `${tag}e-${made}`,
        villageId: request.villageId,
        date: request.date,
        householdIds: options.householdIds ?? ['hh-001'],
      });
      return options.energyOverride ? options.energyOverride(plan) : plan;
    },
  };
  if (options.withBill) {
    planner.estimateBill = async ({ monthKwh }) => ({
      monthKwh,
      tariffId: 'evn-residential-2025-05-10',
      totalExclVatVnd: Math.round(monthKwh * 1984),
      totalInclVatVnd: Math.round(monthKwh * 1984 * 1.08),
      lines: [{ label: 'Bậc 1', kwh: monthKwh, unitPriceVnd: 1984, amountVnd: Math.round(monthKwh * 1984) }],
    });
  }
  return planner;
}
