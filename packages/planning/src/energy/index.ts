/**
 * Energy side of the planning loop — pure, no I/O, time passed in. Tariffs as data (`data/tariffs`,
 * `tariffBookSchema`), per-household forecasts from meter history, the scheduler's scenario built
 * from them, and plans turned into sentences, costs and bill estimates for people.
 */
// The horizon every function here takes: slots of `slotMinutes` from a local clock minute.
export { type Horizon as EnergyHorizon, VILLAGE_UTC_OFFSET_MINUTES } from './calendar.ts';
export { atWillLoadHistory } from './forecast/at-will-history.ts';
export {
  type BaseLoadForecast,
  type BaseLoadForecastInput,
  type BaseLoadSource,
  forecastBaseKw,
} from './forecast/base-load.ts';
export { combineDaySeries, type DaySeries, dayCoverage, planToDaySeries } from './forecast/day-series.ts';
export {
  type DayTypeProfile,
  type DayTypeProfiles,
  dayTypeProfiles,
  type LoadDayType,
  type ProfileOptions,
} from './forecast/day-type-profiles.ts';
export {
  type ForecastTrackRecord,
  forecastTrackRecord,
  type PlanForecast,
  TRACK_RECORD_PLANS,
} from './forecast/forecast-track-record.ts';
export { type MeterDaysOptions, type MeterSample, meterDaySeries } from './forecast/meter-days.ts';
export {
  createPlannedHistory,
  type PlannedHistory,
  type PlanOnMeters,
  planDatesCovering,
  plannedHistoryFromPlans,
} from './forecast/planned-history.ts';
export { forecastSolarKw, type SolarForecast, type SolarForecastInput } from './forecast/solar.ts';
export {
  MAX_RESERVE_PERCENT,
  NO_TRACK_RECORD_RESERVE_PERCENT,
  transformerReserveKw,
} from './forecast/transformer-reserve.ts';
export { type VillageShape, villageShape } from './forecast/village-profile.ts';
export { estimateMonthlyBill, type MonthlyBillEstimate } from './present/bill-estimate.ts';
export {
  type DescribeOptions,
  describeHouseholdPlan,
  type HouseholdPlanDescription,
  type LoadPlanDescription,
  loadKindsOf,
  pricesOf,
} from './present/describe-household-plan.ts';
export { type HouseholdOutcome, householdOutcome, type SlotPricing } from './present/household-cost.ts';
export { costSentence, formatVnd, runSentence, type Sentence } from './present/load-phrases.ts';
export { type LoadRun, loadRuns } from './present/load-runs.ts';
export {
  type AssembledLoadScenario,
  assembleLoadScenario,
  buildLoadScenario,
  type HouseholdScenarioInput,
  type LoadScenarioInput,
  type ScenarioConnection,
} from './scenario/build-load-scenario.ts';
export { loadWindowSlots, type SlotWindow } from './scenario/load-window.ts';
export type { LoadNote } from './scenario/scenario-load.ts';
export { type SeparateMeter, separatelyMeteredLoads } from './scenario/separately-metered.ts';
export { projectedMonthKwh } from './tariff/month-projection.ts';
export {
  type BillTierLine,
  type ResidentialBill,
  residentialBill,
  residentialMarginalPrice,
} from './tariff/residential-bill.ts';
export { type SlotPriceOptions, slotPrices } from './tariff/slot-prices.ts';
export { type TariffInForce, tariffOn } from './tariff/tariff-on.ts';
export { bandPrice, touBandAt } from './tariff/time-of-use.ts';
