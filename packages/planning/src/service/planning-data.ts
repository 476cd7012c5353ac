import type { OperatorSettings, VillageDataset } from '@village/domain';

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
  settings: { getSettings(villageId: string): Promise<{ settings: OperatorSettings }> };
  stopReports: { lastCollectedAt(villageId: string): Promise<Map<string, number>> };
}
