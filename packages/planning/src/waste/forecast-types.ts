import type { DayType } from './local-calendar.ts';

/** One fill-level reading of a bin's sensor. */
export interface FillReading {
  atMs: number;
  fillPercent: number;
}

/**
 * What the forecaster makes of a bin's sensor:
 * - `ok`: readings are recent and plausible;
 * - `stale`: no reading for longer than the allowed age;
 * - `stuck`: the readings stay flat while the bin should have filled noticeably;
 * - `no-data`: no reading at all in the history window.
 */
export type SensorStatus = 'ok' | 'stale' | 'stuck' | 'no-data';

/** Multipliers of the weekday rate per day type (`weekday` is 1 by definition). */
export type DayFactors = Record<DayType, number>;

/** Where a bin's rate came from: its own readings, its hamlet's bins, both, or nowhere. */
export type RateSource = 'bin' | 'blended' | 'hamlet' | 'none';

/** A rate prior from a hamlet's other bins, for bins with little history of their own. */
export interface HamletRatePrior {
  /** The group it describes: the hamlet id, or the key `hamletPriors` grouped by. */
  hamletId: string;
  /** Median weekday fill rate of the hamlet's bins, % per hour. */
  ratePercentPerHour: number;
  dayFactors: DayFactors;
  /** How many of those bins had seen each day type (a factor nobody has seen is only a guess). */
  dayTypeBins: Record<DayType, number>;
  /** Median relative day-to-day spread of the bins' rates. */
  relativeSpread: number;
  /** How many bins it was computed from. */
  bins: number;
}

/**
 * The fitted fill model of one bin: fill rises at
 * `ratePercentPerHour × dayFactors[day type] × hourProfile[local hour]` % per hour until 100 %.
 */
export interface FillRateModel {
  /** Mean weekday rate, % per hour (averaged over the 24 hours). Null when nothing is known. */
  ratePercentPerHour: number | null;
  dayFactors: DayFactors;
  /** 24 multipliers, one per local hour, averaging 1 (flat when the bin has little history). */
  hourProfile: number[];
  /** Relative day-to-day variation of the rate (0.1 = a day fills ±10 % of a typical day). */
  relativeSpread: number;
  /** Days of usable readings behind the rate. */
  evidenceDays: number;
  /** Days of usable readings per day type, behind the day factors. */
  dayTypeEvidenceDays: Record<DayType, number>;
  /** Sensor noise estimated from the readings, standard deviation in % points. */
  noiseSdPercent: number;
  source: RateSource;
}

export interface HourlyFill {
  /** A local hour boundary after `nowMs`. */
  atMs: number;
  fillPercent: number;
  /** An 80 % band around `fillPercent`. */
  lowPercent: number;
  highPercent: number;
}

export interface BinForecast {
  binId: string;
  hamletId: string;
  /** The instant the forecast was made for. */
  nowMs: number;
  status: SensorStatus;
  /** Why the status is what it is, in English. */
  statusReason: string;
  /** Estimated level now; null when nothing is known (no reading and no collection report). */
  currentFillPercent: number | null;
  lastReadingAtMs: number | null;
  /** Start of the current fill cycle (a crew's report or the first reading after a sudden drop). */
  lastEmptiedAtMs: number | null;
  ratePercentPerHour: number | null;
  /** Predicted fill at each local hour boundary over the horizon, capped at 100 %. */
  hourly: HourlyFill[];
  thresholdPercent: number;
  /** When the fill is predicted to reach the threshold (`nowMs` if already there); null beyond the horizon. */
  thresholdAtMs: number | null;
  /** Band of that prediction: when the high and the low curve reach it (null beyond the horizon). */
  thresholdEarliestMs: number | null;
  thresholdLatestMs: number | null;
  model: FillRateModel;
}
