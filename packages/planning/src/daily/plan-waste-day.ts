import { DEFAULT_TRUCK_LOAD_MARGIN_PERCENT, type VillageDataset, type WastePlan } from '@village/domain';
import { type CollectionPlanResult, planCollectionRoutes } from '@village/solver';
import { forecastBin } from '../waste/forecast-bin.ts';
import type { BinForecast, FillReading, HamletRatePrior } from '../waste/forecast-types.ts';
import { hamletPriors } from '../waste/hamlet-priors.ts';
import { withLoadMargin } from '../waste/load-margin.ts';
import { type BinSelection, selectBins } from '../waste/select-bins.ts';
import { localInstantMs } from './local-clock.ts';

export interface WasteDaySettings {
  thresholdPercent?: number;
  nearlyEmptyPercent?: number;
  scheduleFallbackDays?: number;
  /** Share of each truck's capacity left free for bins fuller than forecast, %; default 10. */
  truckLoadMarginPercent?: number;
  /** Trucks out of service today (a breakdown): planned without them. */
  unavailableVehicleIds?: readonly string[];
}

export interface WasteDayInput {
  dataset: VillageDataset;
  /** Village-local date of the collection day. */
  date: string;
  /** When the planning runs (the forecast's "now"). */
  nowMs: number;
  /** Each bin's sensor history (any order, duplicates allowed). */
  readings: ReadonlyMap<string, readonly FillReading[]>;
  /** Crews' "collected" reports per bin: a cycle restarts there even before the sensor says so. */
  collectedAtMs: ReadonlyMap<string, readonly number[]>;
  settings?: WasteDaySettings;
  holidays?: readonly string[];
  timeLimitMs?: number;
  seed?: number;
  planId: string;
  createdAt: string;
}

export interface WasteDayResult {
  plan: WastePlan;
  selections: BinSelection[];
  forecasts: BinForecast[];
  result: CollectionPlanResult;
}

/**
 * The service's morning decision, from telemetry only: forecast every bin (twice — the second pass
 * lends each bin its hamlet's rates when its own history is thin), decide must / may / never for
 * today's run with tomorrow's run in view, and route the chosen bins. The service (functions/,
 * scripts/) and the month simulation both call exactly this.
 */
export function planWasteDay(input: WasteDayInput): WasteDayResult {
  const { dataset, date, nowMs } = input;
  const settings = input.settings ?? {};
  const thresholdPercent = settings.thresholdPercent ?? 85;
  const holidays = [...(input.holidays ?? [])];
  const forecastFor = (bin: VillageDataset['bins'][number], prior?: HamletRatePrior) =>
    forecastBin({
      binId: bin.id,
      hamletId: bin.hamletId,
      readings: input.readings.get(bin.id) ?? [],
      collectedAtMs: input.collectedAtMs.get(bin.id) ?? [],
      nowMs,
      thresholdPercent,
      holidays,
      ...(prior ? { hamletPrior: prior } : {}),
    });
  const firstPass = dataset.bins.map((bin) => forecastFor(bin));
  // Peers by hamlet and kind: a school bin's weekends look like the school's, not the homes'.
  const kindOf = new Map(dataset.bins.map((bin) => [bin.id, bin.kind]));
  const peerKey = (hamletId: string, binId: string) => `${hamletId}/${kindOf.get(binId) ?? ''}`;
  const peerPriors = hamletPriors(firstPass, { groupOf: (f) => peerKey(f.hamletId, f.binId) });
  const hamletOnly = hamletPriors(firstPass);
  const forecasts = dataset.bins.map((bin) =>
    forecastFor(bin, peerPriors.get(peerKey(bin.hamletId, bin.id)) ?? hamletOnly.get(bin.hamletId)),
  );

  const vehicles = dataset.vehicles.filter((v) => !(settings.unavailableVehicleIds ?? []).includes(v.id));
  // Trucks reach a typical bin mid-shift; the next chance is the same time tomorrow.
  const shiftStart = Math.min(...vehicles.map((v) => localInstantMs(date, v.shift.start)));
  const shiftEnd = Math.max(...vehicles.map((v) => localInstantMs(date, v.shift.end)));
  const collectAtMs = Math.max(nowMs + 60_000, (shiftStart + shiftEnd) / 2);
  const lastCollectedAtMs: Record<string, number> = {};
  for (const [binId, times] of input.collectedAtMs) {
    const last = Math.max(...times);
    if (Number.isFinite(last)) lastCollectedAtMs[binId] = last;
  }
  const selections = selectBins(forecasts, {
    collectAtMs,
    nextRunAtMs: collectAtMs + 24 * 3_600_000,
    thresholdPercent,
    ...(settings.nearlyEmptyPercent !== undefined ? { nearlyEmptyPercent: settings.nearlyEmptyPercent } : {}),
    ...(settings.scheduleFallbackDays !== undefined
      ? { scheduleFallbackDays: settings.scheduleFallbackDays }
      : {}),
    lastCollectedAtMs,
  });
  const binsById = new Map(dataset.bins.map((bin) => [bin.id, bin]));
  const chosen = selections.filter((s) => s.decision !== 'never');
  const result = planCollectionRoutes(
    {
      date,
      // The router fills trucks to the margin; the plan's stops still say what each truck expects.
      vehicles: withLoadMargin(
        vehicles,
        settings.truckLoadMarginPercent ?? DEFAULT_TRUCK_LOAD_MARGIN_PERCENT,
      ),
      depots: dataset.depots,
      disposalSites: dataset.disposalSites,
      bins: chosen.flatMap((s) => {
        const bin = binsById.get(s.binId);
        if (!bin) return [];
        return [
          {
            bin,
            mustCollect: s.decision === 'must',
            valueVnd: s.valueVnd ?? 0,
            predictedFillPercent: Math.min(100, Math.max(0, s.expectedFillPercent)),
          },
        ];
      }),
    },
    { timeLimitMs: input.timeLimitMs ?? 2_000, seed: input.seed ?? 1 },
  );
  const plan: WastePlan = {
    planId: input.planId,
    villageId: dataset.village.id,
    date,
    createdAt: input.createdAt,
    routes: result.routes.map(({ vehicleId, stops, distanceKm, durationMinutes, costVnd }) => ({
      vehicleId,
      stops,
      distanceKm,
      durationMinutes,
      costVnd,
    })),
    unassigned: result.unassigned.map(({ binId, reason, code }) => ({ binId, reason, code })),
    totalDistanceKm: result.totalDistanceKm,
    totalCostVnd: result.totalCostVnd,
  };
  return { plan, selections, forecasts, result };
}
