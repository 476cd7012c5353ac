import type { ForecastTrackRecord } from './forecast-track-record.ts';

/**
 * What the energy plan keeps free under the transformer limit, kW. The operator's reserve
 * (`transformerReservePercent`) is the floor; above it the reserve follows the forecasts' track
 * record: the largest recent shortfall of the fixed load against its forecast, with 10 % to spare
 * and 1 % of the limit for what a week has not shown. Until any plan can be checked against the
 * meters (the service's first days, when the history holds only loads run as people pleased), the
 * reserve is 10 % of the limit: on the demo village the first forecasts fell up to 78 kW (8 %)
 * short. Never more than 15 %: beyond that the plan would give up more than the error costs.
 */
export const NO_TRACK_RECORD_RESERVE_PERCENT = 10;
export const MAX_RESERVE_PERCENT = 15;

export function transformerReserveKw(
  limitKw: number,
  floorPercent: number,
  record: ForecastTrackRecord,
): number {
  const floorKw = (limitKw * floorPercent) / 100;
  const learnedKw =
    record.plansCompared === 0
      ? (limitKw * NO_TRACK_RECORD_RESERVE_PERCENT) / 100
      : 1.1 * record.shortfallKw + 0.01 * limitKw;
  return Math.max(floorKw, Math.min((limitKw * MAX_RESERVE_PERCENT) / 100, learnedKw));
}
