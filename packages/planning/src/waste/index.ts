/**
 * Waste: fill forecasting per bin and the daily must/may/never selection that feeds the router.
 * Pure: readings, crews' reports and the time come in as arguments.
 */
export { type ForecastBinInput, forecastBin } from './forecast-bin.ts';
export { type FillAt, forecastFillAt } from './forecast-fill-at.ts';
export {
  type ForecastSettings,
  type ForecastSettingsInput,
  forecastSettingsSchema,
  parseForecastSettings,
} from './forecast-settings.ts';
export type {
  BinForecast,
  DayFactors,
  FillRateModel,
  FillReading,
  HamletRatePrior,
  HourlyFill,
  RateSource,
  SensorStatus,
} from './forecast-types.ts';
export { type HamletPriorOptions, hamletPriors } from './hamlet-priors.ts';
export { withLoadMargin } from './load-margin.ts';
export { DAY_TYPES, type DayType } from './local-calendar.ts';
export {
  type BinSelection,
  type CollectionDecision,
  type SelectBinsOptions,
  type SelectionCode,
  selectBins,
  selectBinsOptionsSchema,
} from './select-bins.ts';
