import type { EnergyPlan, OperatorSettings, VillageDataset } from '@village/domain';

/**
 * What the planner reads, as an interface the store satisfies structurally: planning stays free of
 * DynamoDB code, and the month simulation or a test can hand it data from memory instead.
 */
export interface PlanningData {
  registry: { getDataset(villageId: string): Promise<VillageDataset | undefined> };
  readings: {
    listBinReadings(
      binId: string,
      range: { fromMs: number; toMs: number },
    ): Promise<readonly { measuredAt: string; fillPercent: number }[]>;
    listMeterReadings(
      meterId: string,
      range: { fromMs: number; toMs: number },
    ): Promise<readonly { measuredAt: string; kwhTotal: number; kw?: number }[]>;
  };
  plans: {
    /**
     * The latest stored energy plan of each date from `fromDate` to `toDate` (inclusive), whole (every
     * household); dates without one are left out. Tells the base-load forecast what the households'
     * movable loads and batteries did on the days they followed plans.
     */
    listLatestEnergyPlans(
      villageId: string,
      range: { fromDate: string; toDate: string },
    ): Promise<readonly EnergyPlan[]>;
  };
  settings: { getSettings(villageId: string): Promise<{ settings: OperatorSettings }> };
  stopReports: { lastCollectedAt(villageId: string): Promise<Map<string, number>> };
}
