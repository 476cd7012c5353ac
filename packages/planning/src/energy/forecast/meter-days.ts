import { ValidationError } from '@village/domain';
import { DAY_MINUTES, dateOfDayNumber, VILLAGE_UTC_OFFSET_MINUTES } from '../calendar.ts';
import type { DaySeries } from './day-series.ts';
import { parseInstantMs } from './iso-instant.ts';

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
  const slotsPerDay = DAY_MINUTES / slotMinutes;

  const count = samples.length;
  if (memo.ts.length < count) {
    memo.ts = memo.ts.concat(new Array<string>(count - memo.ts.length).fill(''));
    const ms = new Float64Array(count).fill(Number.NaN);
    ms.set(memo.ms);
    memo.ms = ms;
    memo.minutes = new Float64Array(count);
  }
  const memoTs = memo.ts;
  const memoMs = memo.ms;
  const minutes = memo.minutes;

  // Local minutes since the epoch: slot boundaries then fall on local midnight. Meters report in
  // time order, so the sort is usually skipped; it is stable, so of repeated timestamps the first
  // delivered is kept.
  let inOrder = true;
  let finite = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const ts = (samples[i] as MeterSample).ts;
    let ms = memoMs[i] as number;
    if (ts !== memoTs[i]) {
      ms = parseInstantMs(ts);
      memoTs[i] = ts;
      memoMs[i] = ms;
    }
    const minute = ms / 60_000 + offset;
    minutes[i] = minute;
    if (!Number.isFinite(minute)) continue;
    if (minute < latest) inOrder = false;
    latest = minute;
    finite += 1;
  }
  let order: ArrayLike<number> | undefined;
  if (finite < count || !inOrder) {
    const kept: number[] = [];
    for (let i = 0; i < count; i++) if (Number.isFinite(minutes[i])) kept.push(i);
    order = inOrder ? kept : kept.sort((a, b) => (minutes[a] as number) - (minutes[b] as number));
  }
  const accumulators = dayAccumulators;
  accumulators.reset(slotsPerDay);
  let previousMinute = Number.NaN;
  let registerMinute = Number.NaN;
  let registerKwh = 0;
  for (let i = 0; i < finite; i++) {
    const index = order ? (order[i] as number) : i;
    const minute = minutes[index] as number;
    if (minute === previousMinute) continue;
    previousMinute = minute;
    const sample = samples[index] as MeterSample;
    const kw = sample.kw;
    if (kw !== undefined && Number.isFinite(kw)) {
      const at = accumulators.at(Math.floor(minute / slotMinutes));
      const sums = accumulators.sums;
      sums[at + KW_SUM * slotsPerDay] = (sums[at + KW_SUM * slotsPerDay] as number) + kw;
      sums[at + KW_COUNT * slotsPerDay] = (sums[at + KW_COUNT * slotsPerDay] as number) + 1;
    }
    const kwh = sample.kwhTotal;
    if (kwh === undefined || !Number.isFinite(kwh)) continue;
    if (minute - registerMinute <= maxGapMinutes && kwh >= registerKwh) {
      spread(registerMinute, minute, kwh - registerKwh, slotMinutes, accumulators, slotsPerDay);
    }
    registerMinute = minute;
    registerKwh = kwh;
  }

  const sums = accumulators.sums;
  return [...accumulators.days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, base]) => {
      const kw = new Array<number | null>(slotsPerDay);
      for (let s = 0; s < slotsPerDay; s++) {
        const covered = sums[base + COVERED * slotsPerDay + s] as number;
        const kwCount = sums[base + KW_COUNT * slotsPerDay + s] as number;
        if (covered === 0 && kwCount === 0) {
          kw[s] = null; // no reading touched this slot
          continue;
        }
        const registerKw =
          covered >= minCoverage * slotMinutes
            ? (sums[base + ENERGY * slotsPerDay + s] as number) / (covered / 60)
            : null;
        const sampleKw = kwCount > 0 ? (sums[base + KW_SUM * slotsPerDay + s] as number) / kwCount : null;
        kw[s] = registerKw === null || (sampleKw !== null && sampleKw < 0) ? sampleKw : registerKw;
      }
      return { date: dateOfDayNumber(day), kw };
    });
}

/**
 * The timestamps the calls so far read, by position, with their epoch ms. The meters of a village
 * report at the same instants, so the n-th reading of the next meter usually carries the same
 * timestamp as the last meter's (in the month simulation, the very same string) and is not parsed
 * again. Every entry is a true pair (`''` is `NaN`, as `Date.parse` says), whichever call left it.
 * `minutes` is the calls' working space, kept like the sums below: a plan reads 1,500 meters.
 */
const memo = { ts: [] as string[], ms: new Float64Array(0), minutes: new Float64Array(0) };

/** Rows of a day's sums, one value per slot each. */
const ENERGY = 0;
const COVERED = 1;
const KW_SUM = 2;
const KW_COUNT = 3;

/**
 * Per local day touched by a reading, the four sums of each slot (`ENERGY`… rows), the days one
 * after the other in one array that is reused from call to call. Readings come in time order, so
 * the day asked for is nearly always the one asked for last.
 */
class DayAccumulators {
  /** Day number → where its rows start in `sums`. */
  readonly days = new Map<number, number>();
  sums = new Float64Array(0);
  private slotsPerDay = 1;
  private currentDay = Number.NaN;
  private currentBase = 0;

  reset(slotsPerDay: number): void {
    this.days.clear();
    this.slotsPerDay = slotsPerDay;
    this.currentDay = Number.NaN;
  }

  /** Where the `ENERGY` row of `slot` (from the epoch) is in `sums`; the other rows follow a day apart. */
  at(slot: number): number {
    const perDay = this.slotsPerDay;
    const day = Math.floor(slot / perDay);
    if (day !== this.currentDay) {
      let base = this.days.get(day);
      if (base === undefined) {
        base = this.days.size * 4 * perDay;
        if (base + 4 * perDay > this.sums.length) {
          const grown = new Float64Array(2 * (base + 4 * perDay));
          grown.set(this.sums.subarray(0, base));
          this.sums = grown;
        }
        this.sums.fill(0, base, base + 4 * perDay);
        this.days.set(day, base);
      }
      this.currentDay = day;
      this.currentBase = base;
    }
    return this.currentBase + slot - day * perDay;
  }
}

const dayAccumulators = new DayAccumulators();

/** Shares `kwh` used evenly over [from, to) (local minutes) among the slots it overlaps. */
function spread(
  from: number,
  to: number,
  kwh: number,
  slotMinutes: number,
  accumulators: DayAccumulators,
  slotsPerDay: number,
): void {
  const length = to - from;
  if (length <= 0) return;
  for (let slot = Math.floor(from / slotMinutes); slot * slotMinutes < to; slot++) {
    const overlap = Math.min(to, (slot + 1) * slotMinutes) - Math.max(from, slot * slotMinutes);
    if (overlap <= 0) continue;
    const at = accumulators.at(slot);
    const sums = accumulators.sums;
    sums[at + ENERGY * slotsPerDay] = (sums[at + ENERGY * slotsPerDay] as number) + (kwh * overlap) / length;
    sums[at + COVERED * slotsPerDay] = (sums[at + COVERED * slotsPerDay] as number) + overlap;
  }
}
