import type { Battery, Meter, MeterKind, Rng, VillageDataset } from '@village/domain';
import { distanceKm } from '../dataset/island.ts';
import type { ScheduledLoad } from './flexible-load-schedule.ts';
import { householdBaseKw, naiveLoadsKw, scheduleLoads } from './household-demand.ts';
import { HOUR_MS, MINUTE_MS } from './local-time.ts';
import { normalNoise, stringKey, unitNoise } from './noise.ts';
import { solarOutputKw } from './solar.ts';

/**
 * Electricity meters of a village, stepped together in 5-minute slots. Power in a slot is decided
 * once at the slot's start (evaluated at its midpoint) and energy is integrated over whatever part of
 * the slot a call covers, so totals do not depend on how often `advanceTo` is called. The only state
 * is per meter: the import register and, for homes with a battery, its state of charge.
 */

const SLOT_MS = 5 * MINUTE_MS;

export interface MeterReading {
  meterId: string;
  kind: MeterKind;
  /** Cumulative import register, kWh; export is not counted, so it never decreases. */
  kwhTotal: number;
  /** Instantaneous net power, kW; negative while exporting solar. */
  kw: number;
  voltageV: number;
}

export interface MeterState {
  meterId: string;
  kwhTotal: number;
  /** Net power in the current slot, kW. */
  kw: number;
  batterySocKwh?: number;
}

export interface MeterSimulatorOptions {
  /** Simulated start; defaults to the first time passed to `advanceTo`/`readings`. */
  startMs?: number;
  /** Share of readings silently dropped (radio loss). Default 0. */
  missedReadingRate?: number;
}

export interface MeterSimulator {
  advanceTo(epochMs: number): void;
  /** Advances to `epochMs` and returns one reading per meter that did not miss this report. */
  readings(epochMs: number): MeterReading[];
  state(meterId: string): MeterState;
  /** Simulated time reached so far, or undefined before the first step. */
  nowMs(): number | undefined;
}

interface MeterModel {
  meter: Meter;
  key: number;
  householdIndex: number | undefined;
  loads: ScheduledLoad[];
  solarPeakKw: number;
  battery: Battery | undefined;
  socKwh: number;
  kwhTotal: number;
  /** 0–1: how far down the low-voltage network the meter sits (voltage drop grows with it). */
  lineFactor: number;
  /** Net kW and battery kW (+ charging) in the current slot. */
  netKw: number;
  batteryKw: number;
}

function initialRegister(kind: MeterKind, rng: Rng): number {
  // Meters are not new: start from plausible register readings so the numbers look real.
  const ranges: Record<MeterKind, [number, number]> = {
    household: [2_000, 25_000],
    business: [5_000, 60_000],
    pump: [500, 8_000],
    transformer: [1_000_000, 3_000_000],
  };
  const [min, max] = ranges[kind];
  return Math.round(rng.range(min, max) * 10) / 10;
}

/** Naive self-consumption inverter: charge from surplus solar, discharge to cover demand. */
function batteryKwFor(battery: Battery, socKwh: number, demandKw: number, solarKw: number): number {
  const surplus = solarKw - demandKw;
  const slotHours = SLOT_MS / HOUR_MS;
  if (surplus > 0) {
    const room = (battery.capacityKwh - socKwh) / battery.efficiency / slotHours;
    return Math.max(0, Math.min(surplus, battery.maxChargeKw, room));
  }
  const available = (socKwh - battery.minSocKwh) / slotHours;
  return -Math.max(0, Math.min(-surplus, battery.maxDischargeKw, available));
}

export function createMeterSimulator(
  dataset: VillageDataset,
  rng: Rng,
  options: MeterSimulatorOptions = {},
): MeterSimulator {
  const seed = rng.int(2 ** 31);
  const weatherSeed = rng.int(2 ** 31);
  const missedRate = options.missedReadingRate ?? 0;
  const { transformer } = dataset.village;
  const households = dataset.households;
  const householdIndexById = new Map(households.map((h, i) => [h.id, i]));
  const householdKeys = households.map((h) => stringKey(h.id));
  const pumpMeterIds = new Set(dataset.meters.filter((m) => m.kind === 'pump').map((m) => m.id));
  const maxDistance = Math.max(
    0.1,
    ...dataset.meters.map((m) => distanceKm(m.location, transformer.location)),
  );

  const models: MeterModel[] = dataset.meters.map((meter) => {
    const householdIndex =
      meter.householdId === undefined ? undefined : householdIndexById.get(meter.householdId);
    const household = householdIndex === undefined ? undefined : households[householdIndex];
    const measuresHome = household !== undefined && household.meterId === meter.id;
    // A load whose id is a pump meter's id is measured by that pump meter, every other load by the home meter.
    const loads = !household
      ? []
      : scheduleLoads(
          household.flexibleLoads.filter((load) =>
            measuresHome ? !pumpMeterIds.has(load.id) : load.id === meter.id,
          ),
        );
    const battery = measuresHome ? household?.battery : undefined;
    return {
      meter,
      key: stringKey(meter.id),
      householdIndex: measuresHome ? householdIndex : undefined,
      loads,
      solarPeakKw: measuresHome ? (household?.solar?.peakKw ?? 0) : 0,
      battery,
      socKwh: battery?.initialSocKwh ?? 0,
      kwhTotal: initialRegister(meter.kind, rng),
      lineFactor: 0.3 + 0.7 * (distanceKm(meter.location, transformer.location) / maxDistance),
      netKw: 0,
      batteryKw: 0,
    };
  });
  const modelById = new Map(models.map((m) => [m.meter.id, m]));

  let nowMs: number | undefined = options.startMs;
  let slotStartMs: number | undefined;
  let villageNetKw = 0;

  function computeSlot(start: number): void {
    const t = start + SLOT_MS / 2;
    let sum = 0;
    const transformers: MeterModel[] = [];
    for (const model of models) {
      if (model.meter.kind === 'transformer') {
        transformers.push(model);
        continue;
      }
      const household = model.householdIndex === undefined ? undefined : households[model.householdIndex];
      const baseKw = household
        ? householdBaseKw(household, householdKeys[model.householdIndex ?? 0] ?? 0, seed, t)
        : 0;
      const demandKw = baseKw + naiveLoadsKw(model.loads, seed, t);
      const solarKw = model.solarPeakKw > 0 ? solarOutputKw(model.solarPeakKw, t, weatherSeed) : 0;
      model.batteryKw = model.battery ? batteryKwFor(model.battery, model.socKwh, demandKw, solarKw) : 0;
      model.netKw = demandKw - solarKw + model.batteryKw;
      sum += model.netKw;
    }
    // Transformer losses: ~0.15 % of rating with no load, plus copper losses growing with load².
    const loading = Math.abs(sum) / (0.9 * transformer.ratedKva);
    villageNetKw = sum + transformer.ratedKva * (0.0015 + 0.012 * loading * loading);
    for (const model of transformers) model.netKw = villageNetKw;
    slotStartMs = start;
  }

  function advanceTo(epochMs: number): void {
    if (nowMs === undefined) nowMs = epochMs;
    if (epochMs < nowMs) {
      throw new RangeError(`meter simulator cannot go back in time (at ${nowMs}, asked for ${epochMs})`);
    }
    let t = nowMs;
    while (t < epochMs || slotStartMs === undefined) {
      const start = Math.floor(t / SLOT_MS) * SLOT_MS;
      if (start !== slotStartMs) computeSlot(start);
      const end = Math.min(epochMs, start + SLOT_MS);
      const hours = (end - t) / HOUR_MS;
      for (const model of models) {
        if (model.netKw > 0) model.kwhTotal += model.netKw * hours;
        if (model.battery) {
          const stored = model.batteryKw > 0 ? model.batteryKw * model.battery.efficiency : model.batteryKw;
          model.socKwh = Math.min(
            model.battery.capacityKwh,
            Math.max(model.battery.minSocKwh, model.socKwh + stored * hours),
          );
        }
      }
      if (end === t) break;
      t = end;
    }
    nowMs = epochMs;
  }

  function readings(epochMs: number): MeterReading[] {
    advanceTo(epochMs);
    const minute = Math.floor(epochMs / MINUTE_MS);
    const loadRatio = villageNetKw / transformer.limitKw;
    const result: MeterReading[] = [];
    for (const model of models) {
      if (missedRate > 0 && unitNoise(seed, model.key, minute, 7) < missedRate) continue;
      // Appliances switch within a slot; ±5 % keeps instantaneous kW from looking quantised.
      const kw = model.netKw * (1 + 0.05 * normalNoise(seed, model.key, minute, 8));
      // 0.4 kV networks in rural Vietnam sag in the evening peak and rise with midday export.
      const voltage = 233 - 10 * loadRatio * model.lineFactor + 1.2 * normalNoise(seed, model.key, minute, 9);
      result.push({
        meterId: model.meter.id,
        kind: model.meter.kind,
        kwhTotal: Math.round(model.kwhTotal * 1000) / 1000,
        kw: Math.round(kw * 1000) / 1000,
        voltageV: Math.round(Math.min(245, Math.max(210, voltage)) * 10) / 10,
      });
    }
    return result;
  }

  function state(meterId: string): MeterState {
    const model = modelById.get(meterId);
    if (!model) throw new RangeError(`unknown meter "${meterId}"`);
    return {
      meterId,
      kwhTotal: model.kwhTotal,
      kw: model.netKw,
      ...(model.battery ? { batterySocKwh: model.socKwh } : {}),
    };
  }

  return { advanceTo, readings, state, nowMs: () => nowMs };
}
