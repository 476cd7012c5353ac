/**
 * @village/evaluation — the month-long evidence harness: the demo village lived day by day under the
 * service's own daily decisions (`planWasteDay`, `planEnergyDay`) and under today's practice, with
 * the figures the issue asks for. Pure apart from the clock it reads for its own timings: the tariff
 * book comes in as an argument; `scripts/simulate-month.ts` reads files and prints.
 */

export { createEnergyLedger, type EnergyLedger, type LedgerTotals } from './energy/energy-ledger.ts';
export { type EnergyMonthResult, type PlanRecord, runEnergyMonth } from './energy/run-energy-month.ts';
export { STEPS_PER_HORIZON } from './energy/village-truth.ts';
export {
  type MonthOptions,
  type MonthOptionsInput,
  monthOptionsSchema,
  type Progress,
} from './month-options.ts';
export { type MonthReport, monthReportSchema } from './month-report.ts';
export { formatMonthTable } from './month-table.ts';
export {
  buildMonthReport,
  demoVillageFor,
  type EnergyPart,
  simulateEnergy,
  simulateMonth,
  simulateWaste,
  type WastePart,
} from './simulate-month.ts';
export { fixedScheduleBins, hamletGroups } from './waste/fixed-schedule.ts';
export { runWasteMonth, type WasteMonthResult } from './waste/run-waste-month.ts';
export type { WasteExtra, WasteMetrics, WasteTally } from './waste/waste-metrics.ts';
export { WASTE_POLICIES, type WastePolicyName } from './waste/waste-policy.ts';
export { createWasteWorld, type RoutesToFollow, type WasteWorld } from './waste/waste-world.ts';
