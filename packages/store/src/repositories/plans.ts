import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EnergyPlan, HouseholdEnergyPlan, VehicleRoute, WastePlan } from '@village/domain';
import { batchGet, mapConcurrent } from '../batch.ts';
import type {
  EnergyPlanSummary,
  PlanKind,
  PlanLookup,
  PlansRepository,
  WastePlanSummary,
} from '../planning-ports.ts';
import { keys } from '../table.ts';
import { applyStopReports, latestReportPerStop } from './apply-stop-reports.ts';
import { createPlanIndex, planData } from './plan-index.ts';
import { queryStopReports } from './stop-reports.ts';

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/**
 * Whole plans read at once by `listLatestEnergyPlans`: each is a Query of ~1,500 items over several
 * 1 MB pages, so a few in flight keep the table busy without holding every page at once.
 */
const PLAN_READ_CONCURRENCY = 4;

/**
 * Plans as a summary item plus one item per vehicle route (waste) or household (energy): a village
 * energy plan (1,500 households × 96 slots) is megabytes, far over DynamoDB's 400 KB per item.
 * See `plan-index.ts` for the write order that replaces transactions.
 */
export function createPlansRepository(client: DynamoDBDocumentClient, table: string): PlansRepository {
  const index = createPlanIndex(client, table);

  /** The summary and one part, in one BatchGetItem; undefined unless the summary exists. */
  async function summaryAndPart(villageId: string, kind: PlanKind, planId: string, partId: string) {
    const pk = keys.planPartition(villageId, kind, planId);
    const items = await batchGet(client, table, [
      { pk, sk: keys.planSummarySortKey },
      { pk, sk: keys.planPartSortKey(kind, partId) },
    ]);
    const summary = items.find((i) => i.sk === keys.planSummarySortKey);
    if (!summary) return undefined;
    const part = items.find((i) => i.sk !== keys.planSummarySortKey);
    return {
      summary: planData(summary) as Record<string, unknown>,
      partIds: summary.partIds as string[],
      part: part ? planData(part) : undefined,
    };
  }

  async function reportsFor(villageId: string, date: string) {
    return latestReportPerStop(await queryStopReports(client, table, villageId, date));
  }

  return {
    putWastePlan(plan: WastePlan) {
      const { routes, ...summary } = plan;
      return index.store({
        kind: 'waste',
        villageId: plan.villageId,
        planId: plan.planId,
        date: plan.date,
        createdAt: plan.createdAt,
        summary,
        parts: routes.map((route) => ({ partId: route.vehicleId, data: route })),
      });
    },

    putEnergyPlan(plan: EnergyPlan) {
      const { households, ...rest } = plan;
      const summary = {
        ...rest,
        householdCount: households.length,
        totalExpectedCostVnd: sum(households.map((h) => h.expectedCostVnd)),
        totalUnmanagedCostVnd: sum(households.map((h) => h.unmanagedCostVnd)),
      };
      return index.store({
        kind: 'energy',
        villageId: plan.villageId,
        planId: plan.planId,
        date: plan.date,
        createdAt: plan.createdAt,
        summary,
        parts: households.map((household) => ({ partId: household.householdId, data: household })),
      });
    },

    findPlan: (villageId, kind, lookup) => index.find(villageId, kind, lookup),

    listPlanVersions: (villageId, kind, date) => index.listVersions(villageId, kind, date),

    async getWastePlan(villageId: string, lookup: PlanLookup) {
      const ref = await index.find(villageId, 'waste', lookup);
      if (!ref) return undefined;
      const [whole, latest] = await Promise.all([
        index.readWhole(villageId, 'waste', ref.planId),
        reportsFor(villageId, ref.date),
      ]);
      if (!whole) return undefined;
      const summary = whole.summary as Omit<WastePlan, 'routes'> & { sequence: number };
      const routes = (whole.parts as VehicleRoute[]).map((route) => applyStopReports(route, latest));
      return { ...summary, routes };
    },

    async getVehicleRoute(villageId, lookup, vehicleId) {
      const ref = await index.find(villageId, 'waste', lookup);
      if (!ref) return undefined;
      const [found, latest] = await Promise.all([
        summaryAndPart(villageId, 'waste', ref.planId, vehicleId),
        reportsFor(villageId, ref.date),
      ]);
      if (!found) return undefined;
      const plan = { ...found.summary, vehicleIds: found.partIds } as WastePlanSummary;
      const route = found.part as VehicleRoute | undefined;
      return route ? { plan, route: applyStopReports(route, latest) } : { plan };
    },

    async getEnergyPlanSummary(villageId, lookup) {
      const ref = await index.find(villageId, 'energy', lookup);
      if (!ref) return undefined;
      const item = await index.getSummaryItem(villageId, 'energy', ref.planId);
      return item ? (planData(item) as EnergyPlanSummary) : undefined;
    },

    async getEnergyPlan(villageId, lookup) {
      const ref = await index.find(villageId, 'energy', lookup);
      if (!ref) return undefined;
      const whole = await index.readWhole(villageId, 'energy', ref.planId);
      return whole ? energyPlanOf(whole) : undefined;
    },

    async listLatestEnergyPlans(villageId, range) {
      const refs = await index.latestPerDate(villageId, 'energy', range.fromDate, range.toDate);
      const plans = await mapConcurrent(refs, PLAN_READ_CONCURRENCY, (ref) =>
        index.readWhole(villageId, 'energy', ref.planId),
      );
      return plans.flatMap((whole) => (whole ? [energyPlanOf(whole)] : []));
    },

    async getHouseholdPlan(villageId, lookup, householdId) {
      const ref = await index.find(villageId, 'energy', lookup);
      if (!ref) return undefined;
      const found = await summaryAndPart(villageId, 'energy', ref.planId, householdId);
      if (!found) return undefined;
      const plan = found.summary as EnergyPlanSummary;
      const household = found.part as HouseholdEnergyPlan | undefined;
      return household ? { plan, household } : { plan };
    },
  };
}

/** The plan as it was stored: the summary without the totals the store added, and its households. */
function energyPlanOf(whole: { summary: Record<string, unknown>; parts: unknown[] }): EnergyPlan {
  const { householdCount, totalExpectedCostVnd, totalUnmanagedCostVnd, sequence, ...plan } =
    whole.summary as EnergyPlanSummary;
  return { ...plan, households: whole.parts as HouseholdEnergyPlan[] };
}
