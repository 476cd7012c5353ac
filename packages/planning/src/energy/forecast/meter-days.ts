import { ValidationError } from '@village/domain';
import { DAY_MINUTES, dateOfDayNumber, VILLAGE_UTC_OFFSET_MINUTES } from '../calendar.ts';
import type { DaySeries } from './day-series.ts';

/** What a meter reading carries (docs/telemetry.md): the import register and/or instantaneous power. */
export interface MeterSample {
  /** ISO-8601 with offset. */
  ts: string;
  /** Cumulative import register, kWh. */
  kwhTotal?: number;
  /** Instantaneous net power, kW; negative while exporting. */
  kw?: number;
}

export interface MeterDaysOptions {
  /** Must divide 1,440. */
  slotMinutes: number;
  /** Register readings further apart than this are a gap: the energy between them is not spread. Default 60. */
  maxGapMinutes?: number;
  /** A slot needs this share of its time covered by register intervals to be known from them. Default 0.5. */
  minSlotCoverage?: number;
  utcOffsetMinutes?: number;
}

interface SlotAccumulator {
  energyKwh: number;
  coveredMinutes: number;
  kwSum: number;
  kwCount: number;
}

/**
 * Turns a meter's readings into per-slot average net power, one series per local day.
 *
 * Method. Readings are sorted by time and repeated timestamps dropped (delivery is at-least-once).
 * The import register is the truth about energy: the kWh between two consecutive register readings
 * are spread evenly over the time between them and shared among the slots it covers; a slot's power
 * is its energy over the time covered. Two readings more than `maxGapMinutes` apart are a gap, and a
 * register that goes down (a replaced or reset meter) breaks the chain — neither is guessed at. The
 * register counts imports only, so where the instantaneous `kw` samples of a slot average below zero
 * (the home was exporting solar) or the register knows nothing, the slot takes the samples' mean.
 * Slots with neither stay `null`.
 */
export function meterDaySeries(samples: readonly MeterSample[], options: MeterDaysOptions): DaySeries[] {
  const { slotMinutes } = options;
  if (!Number.isInteger(slotMinutes) || slotMinutes < 1 || DAY_MINUTES % slotMinutes !== 0) {
    throw new ValidationError('invalid slotMinutes', [
      { field: 'slotMinutes', message: 'must divide 1,440' },
    ]);
  }
  const maxGapMinutes = options.maxGapMinutes ?? 60;
  const minCoverage = options.minSlotCoverage ?? 0.5;
  const offset = options.utcOffsetMinutes ?? VILLAGE_UTC_OFFSET_MINUTES;

  // Local minutes since the epoch: slot boundaries then fall on local midnight.
  const readings = samples
    .map((sample) => ({ minute: Date.parse(sample.ts) / 60_000 + offset, sample }))
    .filter((r) => Number.isFinite(r.minute))
    .sort((a, b) => a.minute - b.minute)
    .filter((r, i, all) => i === 0 || r.minute !== all[i - 1]?.minute);

  const slots = new Map<number, SlotAccumulator>();
  const slotAt = (index: number) => {
    let slot = slots.get(index);
    if (!slot) {
      slot = { energyKwh: 0, coveredMinutes: 0, kwSum: 0, kwCount: 0 };
      slots.set(index, slot);
    }
    return slot;
  };

  let previous: { minute: number; kwh: number } | undefined;
  for (const { minute, sample } of readings) {
    if (sample.kw !== undefined && Number.isFinite(sample.kw)) {
      const slot = slotAt(Math.floor(minute / slotMinutes));
      slot.kwSum += sample.kw;
      slot.kwCount += 1;
    }
    const kwh = sample.kwhTotal;
    if (kwh === undefined || !Number.isFinite(kwh)) continue;
    if (previous && minute - previous.minute <= maxGapMinutes && kwh >= previous.kwh) {
      spread(previous.minute, minute, kwh - previous.kwh, slotMinutes, slotAt);
    }
    previous = { minute, kwh };
  }

  const slotsPerDay = DAY_MINUTES / slotMinutes;
  const days = new Map<number, (number | null)[]>();
  for (const [index, slot] of slots) {
    const day = Math.floor(index / slotsPerDay);
    let kw = days.get(day);
    if (!kw) {
      kw = new Array<number | null>(slotsPerDay).fill(null);
      days.set(day, kw);
    }
    const registerKw =
      slot.coveredMinutes >= minCoverage * slotMinutes ? slot.energyKwh / (slot.coveredMinutes / 60) : null;
    const sampleKw = slot.kwCount > 0 ? slot.kwSum / slot.kwCount : null;
    kw[index - day * slotsPerDay] =
      registerKw === null || (sampleKw !== null && sampleKw < 0) ? sampleKw : registerKw;
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, kw]) => ({ date: dateOfDayNumber(day), kw }));
}

/** Shares `kwh` used evenly over [from, to) (local minutes) among the slots it overlaps. */
function spread(
  from: number,
  to: number,
  kwh: number,
  slotMinutes: number,
  slotAt: (index: number) => SlotAccumulator,
): void {
  const length = to - from;
  if (length <= 0) return;
  for (let index = Math.floor(from / slotMinutes); index * slotMinutes < to; index++) {
    const overlap = Math.min(to, (index + 1) * slotMinutes) - Math.max(from, index * slotMinutes);
    if (overlap <= 0) continue;
    const slot = slotAt(index);
    slot.energyKwh += (kwh * overlap) / length;
    slot.coveredMinutes += overlap;
  }
}
