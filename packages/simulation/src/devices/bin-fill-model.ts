import type { Bin, Rng, VillageDataset } from '@village/domain';
import { baseDailyFillPercent, dayFactor, hourlyShare } from './bin-fill-rates.ts';
import {
  DAY_MS,
  HOUR_MS,
  hourIndex,
  isPublicHoliday,
  localDayIndex,
  localMinuteOfDay,
  localWeekday,
  MINUTE_MS,
} from './local-time.ts';
import { normalNoise, stringKey, unitNoise } from './noise.ts';

/**
 * Fill levels of a village's bins. Each bin accumulates waste hour by hour at a rate set by its
 * hamlet, kind, stream, the day of week and a per-hour random factor; the waste is tracked uncapped
 * so overflow beyond 100 % is measurable. Hourly noise is counter-based, so the level at an instant
 * does not depend on how often the simulator was advanced. Each bin keeps its own clock, so one bin
 * can be collected without advancing the others.
 */

export interface BinReading {
  binId: string;
  /** Sensor reading: true level ± noise, clamped to 0–100. */
  fillPercent: number;
  temperatureC: number;
  batteryPercent: number;
}

export interface BinState {
  binId: string;
  /** True level, capped at 100. */
  fillPercent: number;
  /** Waste produced since the last collection, uncapped. */
  wasteLitres: number;
  /** Waste that no longer fits in the bin right now. */
  overflowLitres: number;
  /** Overflow over the whole run, including at past collections. */
  totalOverflowLitres: number;
  collections: number;
  lastCollectedMs: number | undefined;
}

export interface CollectionResult {
  binId: string;
  collectedAtMs: number;
  /** What went into the truck: at most the bin's capacity. */
  litres: number;
  kg: number;
  /** Waste beside the bin that did not fit (counted as overflow, not loaded). */
  overflowLitres: number;
}

export interface BinSimulatorOptions {
  /** Simulated start; defaults to the first time passed in. */
  startMs?: number;
  /** Initial fill drawn uniformly from this range, %. Default 0–60. */
  initialFillPercent?: { min: number; max: number };
  /** Share of reports lost (radio, sensor glitches). Default 0.02. */
  missedReadingRate?: number;
  /** Ultrasonic sensor noise, standard deviation in % points. Default 1.2. */
  sensorNoisePercent?: number;
}

export interface BinSimulator {
  advanceTo(epochMs: number): void;
  /** Advances to `epochMs` and returns a reading for each bin whose report was not missed. */
  readings(epochMs: number): BinReading[];
  /** Empties a bin at `epochMs` (advancing that bin first) and reports what was collected. */
  collect(binId: string, epochMs: number): CollectionResult;
  state(binId: string): BinState;
}

interface BinModel {
  bin: Bin;
  key: number;
  /** Litres per day on an ordinary weekday. */
  dailyLitres: number;
  wasteLitres: number;
  totalOverflowLitres: number;
  collections: number;
  lastCollectedMs: number | undefined;
  lastMs: number | undefined;
  initialBatteryPercent: number;
}

const dayFactorCache = new Map<string, number>();

function cachedDayFactor(bin: Bin, epochMs: number): number {
  const cacheKey = `${bin.kind}:${localDayIndex(epochMs)}`;
  let factor = dayFactorCache.get(cacheKey);
  if (factor === undefined) {
    factor = dayFactor(bin.kind, localWeekday(epochMs), isPublicHoliday(epochMs));
    if (dayFactorCache.size > 10_000) dayFactorCache.clear();
    dayFactorCache.set(cacheKey, factor);
  }
  return factor;
}

export function createBinSimulator(
  dataset: VillageDataset,
  rng: Rng,
  options: BinSimulatorOptions = {},
): BinSimulator {
  const seed = rng.int(2 ** 31);
  const initial = options.initialFillPercent ?? { min: 0, max: 60 };
  const missedRate = options.missedReadingRate ?? 0.02;
  const sensorNoise = options.sensorNoisePercent ?? 1.2;
  const hamletFactor = new Map(dataset.village.hamlets.map((h) => [h.id, h.wasteRateFactor]));
  let startMs = options.startMs;

  const models = new Map<string, BinModel>();
  for (const bin of dataset.bins) {
    // Some collection points serve more families than others.
    const binFactor = 0.7 + 0.65 * rng.next();
    models.set(bin.id, {
      bin,
      key: stringKey(bin.id),
      dailyLitres:
        (baseDailyFillPercent(bin.kind, bin.stream) / 100) *
        bin.capacityLitres *
        (hamletFactor.get(bin.hamletId) ?? 1) *
        binFactor,
      wasteLitres: (rng.range(initial.min, initial.max) / 100) * bin.capacityLitres,
      totalOverflowLitres: 0,
      collections: 0,
      lastCollectedMs: undefined,
      lastMs: options.startMs,
      initialBatteryPercent: rng.range(70, 100),
    });
  }

  function modelOf(binId: string): BinModel {
    const model = models.get(binId);
    if (!model) throw new RangeError(`unknown bin "${binId}"`);
    return model;
  }

  function advanceBin(model: BinModel, epochMs: number): void {
    startMs ??= epochMs;
    let t = model.lastMs ?? epochMs;
    if (epochMs < t)
      throw new RangeError(`bin ${model.bin.id} cannot go back in time (at ${t}, asked for ${epochMs})`);
    while (t < epochMs) {
      const hour = hourIndex(t);
      const end = Math.min(epochMs, (hour + 1) * HOUR_MS);
      const localHour = Math.floor(localMinuteOfDay(t) / 60);
      const hourNoise = 0.5 + unitNoise(seed, model.key, hour);
      model.wasteLitres +=
        model.dailyLitres *
        cachedDayFactor(model.bin, t) *
        hourlyShare(model.bin.kind, localHour) *
        hourNoise *
        ((end - t) / HOUR_MS);
      t = end;
    }
    model.lastMs = epochMs;
  }

  function stateOf(model: BinModel): BinState {
    const capacity = model.bin.capacityLitres;
    const overflow = Math.max(0, model.wasteLitres - capacity);
    return {
      binId: model.bin.id,
      fillPercent: Math.min(100, (model.wasteLitres / capacity) * 100),
      wasteLitres: model.wasteLitres,
      overflowLitres: overflow,
      totalOverflowLitres: model.totalOverflowLitres + overflow,
      collections: model.collections,
      lastCollectedMs: model.lastCollectedMs,
    };
  }

  function advanceTo(epochMs: number): void {
    for (const model of models.values()) advanceBin(model, epochMs);
  }

  function readings(epochMs: number): BinReading[] {
    advanceTo(epochMs);
    const minute = Math.floor(epochMs / MINUTE_MS);
    const localHour = localMinuteOfDay(epochMs) / 60;
    const ambientC = 28.5 + 4 * Math.sin((2 * Math.PI * (localHour - 9)) / 24);
    const daysRunning = (epochMs - (startMs ?? epochMs)) / DAY_MS;
    const result: BinReading[] = [];
    for (const model of models.values()) {
      if (unitNoise(seed, model.key, minute, 1) < missedRate) continue;
      const trueFill = stateOf(model).fillPercent;
      const measured = trueFill + sensorNoise * normalNoise(seed, model.key, minute, 2);
      // Decomposing organics run a little warmer than the air.
      const temperature =
        ambientC + (model.bin.stream === 'organic' ? 1.5 : 0) + 0.5 * normalNoise(seed, model.key, minute, 3);
      result.push({
        binId: model.bin.id,
        fillPercent: Math.round(Math.min(100, Math.max(0, measured)) * 10) / 10,
        temperatureC: Math.round(temperature * 10) / 10,
        batteryPercent: Math.round(Math.max(0, model.initialBatteryPercent - 0.1 * daysRunning) * 10) / 10,
      });
    }
    return result;
  }

  function collect(binId: string, epochMs: number): CollectionResult {
    const model = modelOf(binId);
    advanceBin(model, epochMs);
    const litres = Math.min(model.wasteLitres, model.bin.capacityLitres);
    const overflowLitres = model.wasteLitres - litres;
    model.totalOverflowLitres += overflowLitres;
    model.wasteLitres = 0;
    model.collections += 1;
    model.lastCollectedMs = epochMs;
    return {
      binId,
      collectedAtMs: epochMs,
      litres,
      kg: (litres / model.bin.capacityLitres) * model.bin.fullKg,
      overflowLitres,
    };
  }

  return { advanceTo, readings, collect, state: (binId) => stateOf(modelOf(binId)) };
}
