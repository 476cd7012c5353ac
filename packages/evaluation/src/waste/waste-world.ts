import { createRng, type VillageDataset } from '@village/domain';
import type { FillReading } from '@village/planning';
import { createBinSimulator } from '@village/simulation';
import { HOUR_MS } from '../local-day.ts';

/**
 * One policy's village: the bins' true fill (the simulation's model), the telemetry the service has
 * received, and the crews' reports. Worlds built from the same seed generate the same waste hour by
 * hour (the model's noise is counter-based, keyed by bin and hour), so policies compare paired: only
 * when bins are emptied differs.
 */

/** A bin stop a crew will make: emptied at its planned ETA. */
interface PendingStop {
  binId: string;
  etaMs: number;
}

export interface Collection {
  binId: string;
  atMs: number;
}

export interface HourOutcome {
  /** End of the hour stepped to. */
  atMs: number;
  /** Bins whose true content exceeds their capacity at that instant. */
  overflowingBins: number;
  collections: Collection[];
}

/** What crews need of a plan: each vehicle's stops in order, with their ETAs. */
export interface RoutesToFollow {
  routes: readonly { stops: readonly { kind: string; siteId: string; eta: string }[] }[];
}

export interface WasteWorld {
  /** Telemetry history per bin, oldest first: what the planner may see. */
  readonly readings: ReadonlyMap<string, readonly FillReading[]>;
  /** Crews' "collected" reports per bin. */
  readonly collectedAtMs: ReadonlyMap<string, readonly number[]>;
  latestReading(binId: string): FillReading | undefined;
  /** The crews will follow these routes: each bin stop is emptied at its ETA. */
  follow(plan: RoutesToFollow): void;
  /**
   * Advances one hour: crews empty the bins whose ETA falls in the hour (in ETA order), sensors
   * report at the hour's end, and the true state is inspected for overflow.
   */
  stepHour(): HourOutcome;
  nowMs(): number;
}

export function createWasteWorld(dataset: VillageDataset, seed: number, startMs: number): WasteWorld {
  const simulator = createBinSimulator(dataset, createRng(seed), { startMs });
  const binIds = dataset.bins.map((bin) => bin.id);
  const readings = new Map<string, FillReading[]>(binIds.map((id) => [id, []]));
  const collectedAtMs = new Map<string, number[]>(binIds.map((id) => [id, []]));
  let pending: PendingStop[] = [];
  let now = startMs;

  const record = (atMs: number) => {
    for (const reading of simulator.readings(atMs)) {
      readings.get(reading.binId)?.push({ atMs, fillPercent: reading.fillPercent });
    }
  };
  record(startMs);

  return {
    readings,
    collectedAtMs,
    latestReading: (binId) => readings.get(binId)?.at(-1),
    follow(plan) {
      for (const route of plan.routes) {
        for (const stop of route.stops) {
          if (stop.kind === 'bin') pending.push({ binId: stop.siteId, etaMs: Date.parse(stop.eta) });
        }
      }
      pending.sort((a, b) => a.etaMs - b.etaMs);
    },
    stepHour() {
      const end = now + HOUR_MS;
      const due = pending.filter((stop) => stop.etaMs < end);
      pending = pending.filter((stop) => stop.etaMs >= end);
      const collections: Collection[] = [];
      for (const stop of due) {
        // A stop planned for the planning instant itself happens "now", never in the past.
        const atMs = Math.max(stop.etaMs, now);
        simulator.collect(stop.binId, atMs);
        collectedAtMs.get(stop.binId)?.push(atMs);
        collections.push({ binId: stop.binId, atMs });
      }
      record(end);
      now = end;
      let overflowingBins = 0;
      for (const id of binIds) if (simulator.state(id).overflowLitres > 0) overflowingBins++;
      return { atMs: end, overflowingBins, collections };
    },
    nowMs: () => now,
  };
}
