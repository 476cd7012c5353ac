import { cleanReadings } from './clean-readings.ts';
import { splitIntoCycles } from './fill-cycles.ts';
import {
  type Anchor,
  anchorFromReadings,
  type ProjectionModel,
  projectFill,
  rateWeight,
} from './fill-projection.ts';
import { estimateFillRate } from './fill-rate.ts';
import { type ForecastSettingsInput, parseForecastSettings } from './forecast-settings.ts';
import type { BinForecast, FillReading, HamletRatePrior } from './forecast-types.ts';
import { estimateHourProfile } from './hour-profile.ts';
import { createLocalCalendar, DAY_MS } from './local-calendar.ts';
import { estimateNoiseSd, type FlatRun, findFlatRuns, isStuckRun, sensorStatus } from './sensor-health.ts';

/**
 * Forecasts one bin's fill from its readings. Pure: the caller passes the readings, the crews'
 * collection reports and the current time.
 *
 * Steps (each in its own file):
 * 1. clean-readings: window, time order, duplicates merged, lone glitches dropped;
 * 2. fill-cycles: split at emptyings (crew reports, sudden drops);
 * 3. sensor-health: flat runs found and kept out of the estimation;
 * 4. hour-profile + fill-rate: rate × day-type factor × hour-of-day profile, robust and shrunk
 *    toward the hamlet's prior when the bin's own history is short;
 * 5. the flat runs judged against that rate (stuck or legitimately still), the status decided;
 * 6. fill-projection: the current level from the latest cycle only, projected hour by hour.
 *
 * Two-pass use for hamlet effects: forecast every bin without a prior, `hamletPriors()` of the
 * results, forecast again with each bin's hamlet prior.
 */

export interface ForecastBinInput extends ForecastSettingsInput {
  binId: string;
  hamletId: string;
  /** In any order; duplicates allowed (telemetry is at-least-once). */
  readings: readonly FillReading[];
  nowMs: number;
  /** Crews' "collected" reports: the bin is empty from then on, even before its sensor says so. */
  collectedAtMs?: readonly number[];
  hamletPrior?: HamletRatePrior;
}

export function forecastBin(input: ForecastBinInput): BinForecast {
  const s = parseForecastSettings(input);
  const { nowMs } = input;
  const calendar = createLocalCalendar(s.timeZone, s.holidays);

  const { readings } = cleanReadings(input.readings, {
    fromMs: nowMs - s.historyDays * DAY_MS,
    toMs: nowMs,
    glitchPercent: s.glitchPercent,
  });
  const collections = (input.collectedAtMs ?? []).filter((t) => Number.isFinite(t) && t <= nowMs);
  const cycles = splitIntoCycles(readings, collections, s.emptyingDropPercent, s.emptyingMatchHours);

  const flatRuns = findFlatRuns(readings, {
    tolerancePercent: s.stuckTolerancePercent,
    minHours: s.stuckAfterHours,
    minReadings: s.stuckMinReadings,
    saturationPercent: s.saturationPercent,
  });
  const inRuns = (runs: readonly FlatRun[]) =>
    new Set(runs.flatMap((run) => readings.slice(run.fromIndex, run.toIndex + 1)));
  const flat = inRuns(flatRuns);
  // The rate is learnt from rising readings only: not a full bin's, not a flat run's.
  const usable = cycles.map((c) =>
    c.readings.filter((r) => !flat.has(r) && r.fillPercent < s.saturationPercent),
  );

  const noiseSdPercent = estimateNoiseSd(usable, s.maxGapHours, s.defaultNoiseSdPercent);
  const hourProfile = estimateHourProfile(usable, calendar, {
    maxGapHours: s.maxGapHours,
    priorDays: s.hourProfilePriorDays,
    floor: 0.02,
  });
  const rate = estimateFillRate(usable, calendar, hourProfile, input.hamletPrior, s);
  const projectionModel: ProjectionModel = {
    ratePercentPerHour: rate.ratePercentPerHour ?? 0,
    dayFactors: rate.dayFactors,
    hourProfile,
    relativeSpread: rate.relativeSpread,
    evidenceDays: rate.evidenceDays,
  };

  const weight = rateWeight(projectionModel);
  const stuckRuns = flatRuns.filter((run) =>
    isStuckRun(
      rate.ratePercentPerHour === null
        ? null
        : rate.ratePercentPerHour * calendar.integrate(run.startMs, run.endMs, weight),
      s.stuckMinExpectedRisePercent,
    ),
  );
  const last = readings[readings.length - 1];
  const status = sensorStatus({
    nowMs,
    lastReadingAtMs: last?.atMs ?? null,
    staleAfterHours: s.staleAfterHours,
    stuckRun: stuckRuns.find((run) => run.toIndex === readings.length - 1) ?? null,
  });

  // The level comes from the current cycle only, leaving out readings of a stuck sensor. A cycle a
  // crew started with nothing trustworthy since is empty at the reported time.
  const current = cycles[cycles.length - 1];
  let anchor: Anchor | null = null;
  if (current) {
    const stuck = inRuns(stuckRuns);
    const trusted = current.readings.filter((r) => !stuck.has(r));
    const crewStart =
      current.emptiedBy === 'crew' && current.startMs !== null
        ? { atMs: current.startMs, levelPercent: 0, levelSdPercent: noiseSdPercent }
        : null;
    anchor =
      anchorFromReadings(trusted, calendar, projectionModel, s.levelWindowHours, noiseSdPercent) ??
      crewStart ??
      anchorFromReadings(current.readings, calendar, projectionModel, s.levelWindowHours, noiseSdPercent);
  }
  const projection = anchor
    ? projectFill(anchor, projectionModel, calendar, nowMs, s.horizonHours, s.thresholdPercent)
    : null;

  return {
    binId: input.binId,
    hamletId: input.hamletId,
    nowMs,
    status: status.status,
    statusReason: status.reason,
    currentFillPercent: projection?.currentFillPercent ?? null,
    lastReadingAtMs: last?.atMs ?? null,
    lastEmptiedAtMs: current?.startMs ?? null,
    ratePercentPerHour: rate.ratePercentPerHour,
    hourly: projection?.hourly ?? [],
    thresholdPercent: s.thresholdPercent,
    thresholdAtMs: projection?.thresholdAtMs ?? null,
    thresholdEarliestMs: projection?.thresholdEarliestMs ?? null,
    thresholdLatestMs: projection?.thresholdLatestMs ?? null,
    model: {
      ratePercentPerHour: rate.ratePercentPerHour,
      dayFactors: rate.dayFactors,
      hourProfile,
      relativeSpread: rate.relativeSpread,
      evidenceDays: rate.evidenceDays,
      dayTypeEvidenceDays: rate.dayTypeEvidenceDays,
      noiseSdPercent,
      source: rate.source,
    },
  };
}
