import type { MeterSample } from '@village/planning';
import { DAY_MS } from '../local-day.ts';

/**
 * The home meters' telemetry as the service holds it: a sample per meter every 15 minutes (import
 * register and instantaneous kW). Samples are produced ahead of time (a day's truth is computed at
 * once) but only released when the service would have received them, so an evening plan never sees
 * the evening it is planned in. Only the last `keepDays` days are kept: the forecasts look back two
 * weeks, and 1,500 meters × 96 samples a day add up.
 */
export interface MeterHistory {
  /** Per meter id, oldest first. */
  readonly samples: ReadonlyMap<string, readonly MeterSample[]>;
  /** Queues one sample per meter (same order as the meter ids), taken at `atMs`. */
  add(atMs: number, kwhTotal: ArrayLike<number>, kw: ArrayLike<number>): void;
  /** Makes every queued sample up to `untilMs` visible, and forgets what is older than the window. */
  release(untilMs: number): void;
}

/** Every meter's sample of one instant: one column per quantity, indexed like the meter ids. */
interface Snapshot {
  atMs: number;
  kwhTotal: Float64Array;
  kw: Float64Array;
}

/** A released snapshot: its timestamp, shared by all meters of the instant, and rounded values. */
interface Released extends Snapshot {
  ts: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Samples are kept as they come, a column per instant, not as an object per meter and instant: two
 * weeks of them would be millions of long-lived objects for the garbage collector to go through at
 * every major collection. A meter's list is built when asked for (`samples.get`), from the columns,
 * and lives only as long as its reader needs it.
 */
export function createMeterHistory(meterIds: readonly string[], keepDays: number): MeterHistory {
  let released: Released[] = [];
  let queued: Snapshot[] = [];
  return {
    samples: new MeterSamples(meterIds, () => released),
    add(atMs, kwhTotal, kw) {
      queued.push({ atMs, kwhTotal: Float64Array.from(kwhTotal), kw: Float64Array.from(kw) });
    },
    release(untilMs) {
      const due = queued.filter((s) => s.atMs <= untilMs);
      queued = queued.filter((s) => s.atMs > untilMs);
      for (const snapshot of due) {
        released.push({
          atMs: snapshot.atMs,
          ts: new Date(snapshot.atMs).toISOString(),
          kwhTotal: snapshot.kwhTotal.map(round3),
          kw: snapshot.kw.map(round3),
        });
      }
      const cutoff = new Date(untilMs - keepDays * DAY_MS).toISOString();
      // ISO strings in UTC compare in time order.
      const kept = released.findIndex((s) => s.ts >= cutoff);
      released = kept === -1 ? [] : released.slice(kept);
    },
  };
}

/** The released snapshots seen per meter: each `get` builds that meter's samples, oldest first. */
class MeterSamples implements ReadonlyMap<string, readonly MeterSample[]> {
  private readonly index: ReadonlyMap<string, number>;

  constructor(
    meterIds: readonly string[],
    private readonly released: () => readonly Released[],
  ) {
    this.index = new Map(meterIds.map((id, m) => [id, m]));
  }

  get size(): number {
    return this.index.size;
  }

  has(meterId: string): boolean {
    return this.index.has(meterId);
  }

  get(meterId: string): MeterSample[] | undefined {
    const m = this.index.get(meterId);
    if (m === undefined) return undefined;
    const snapshots = this.released();
    const samples = new Array<MeterSample>(snapshots.length);
    for (let i = 0; i < snapshots.length; i++) {
      const s = snapshots[i] as Released;
      samples[i] = { ts: s.ts, kwhTotal: s.kwhTotal[m] as number, kw: s.kw[m] as number };
    }
    return samples;
  }

  *entries(): MapIterator<[string, readonly MeterSample[]]> {
    for (const meterId of this.index.keys()) yield [meterId, this.get(meterId) ?? []];
  }

  keys(): MapIterator<string> {
    return this.index.keys();
  }

  *values(): MapIterator<readonly MeterSample[]> {
    for (const [, samples] of this.entries()) yield samples;
  }

  [Symbol.iterator](): MapIterator<[string, readonly MeterSample[]]> {
    return this.entries();
  }

  forEach(
    callback: (
      samples: readonly MeterSample[],
      meterId: string,
      map: ReadonlyMap<string, readonly MeterSample[]>,
    ) => void,
  ): void {
    for (const [meterId, samples] of this.entries()) callback(samples, meterId, this);
  }
}
