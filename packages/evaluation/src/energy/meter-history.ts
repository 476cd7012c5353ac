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

interface Snapshot {
  atMs: number;
  kwhTotal: Float64Array;
  kw: Float64Array;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function createMeterHistory(meterIds: readonly string[], keepDays: number): MeterHistory {
  const samples = new Map<string, MeterSample[]>(meterIds.map((id) => [id, []]));
  const lists = meterIds.map((id) => samples.get(id) ?? []);
  let queued: Snapshot[] = [];
  return {
    samples,
    add(atMs, kwhTotal, kw) {
      queued.push({ atMs, kwhTotal: Float64Array.from(kwhTotal), kw: Float64Array.from(kw) });
    },
    release(untilMs) {
      const due = queued.filter((s) => s.atMs <= untilMs);
      queued = queued.filter((s) => s.atMs > untilMs);
      for (const snapshot of due) {
        // One timestamp string shared by all meters of the instant.
        const ts = new Date(snapshot.atMs).toISOString();
        lists.forEach((list, m) => {
          list.push({ ts, kwhTotal: round3(snapshot.kwhTotal[m] ?? 0), kw: round3(snapshot.kw[m] ?? 0) });
        });
      }
      const cutoff = new Date(untilMs - keepDays * DAY_MS).toISOString();
      for (const list of lists) {
        let drop = 0;
        // ISO strings in UTC compare in time order.
        while (drop < list.length && (list[drop]?.ts ?? '') < cutoff) drop++;
        if (drop > 0) list.splice(0, drop);
      }
    },
  };
}
