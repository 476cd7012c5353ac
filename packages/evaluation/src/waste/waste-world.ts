import { createRng, type VillageDataset } from '@village/domain';
import type { FillReading } from '@village/planning';
import { createBinSimulator } from '@village/simulation';
import { HOUR_MS } from '../local-day.ts';
import { type CrewTruck, createCrewTruck } from './crew-truck.ts';

/**
 * One policy's village: the bins' true fill (the simulation's model), the telemetry the service has
 * received, and the crews' reports. Worlds built from the same seed generate the same waste hour by
 * hour (the model's noise is counter-based, keyed by bin and hour), so policies compare paired: only
 * when bins are emptied differs.
 */

/** A stop a crew will make at its planned ETA: a bin emptied into its truck, or a planned unload. */
interface PendingStop {
  kind: 'bin' | 'disposal';
  siteId: string;
  etaMs: number;
  truck: CrewTruck;
}

export interface Collection {
  binId: string;
  atMs: number;
  /** What went into the truck (at most the bin's capacity; waste beside the bin is overflow). */
  litres: number;
}

export interface HourOutcome {
  /** End of the hour stepped to. */
  atMs: number;
  /** Bins whose true content exceeds their capacity at that instant. */
  overflowingBins: number;
  collections: Collection[];
  /** Unplanned disposal trips crews made in the hour because their truck was full (see crew-truck.ts). */
  forcedTrips: { count: number; km: number; minutes: number; costVnd: number };
}

/** What crews need of a plan: each vehicle's stops in order, with their ETAs. */
export interface RoutesToFollow {
  routes: readonly { vehicleId: string; stops: readonly { kind: string; siteId: string; eta: string }[] }[];
}

export interface WasteWorld {
  /** Telemetry history per bin, oldest first: what the planner may see. */
  readonly readings: ReadonlyMap<string, readonly FillReading[]>;
  /** Crews' "collected" reports per bin. */
  readonly collectedAtMs: ReadonlyMap<string, readonly number[]>;
  latestReading(binId: string): FillReading | undefined;
  /**
   * The crews will follow these routes: each bin stop is emptied at its ETA into the route's truck,
   * which unloads at the planned disposal stops — and at an unplanned one when it is full.
   */
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
  const binLocation = new Map(dataset.bins.map((bin) => [bin.id, bin.location]));
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
        const truck = createCrewTruck(dataset, route.vehicleId);
        for (const stop of route.stops) {
          if (stop.kind === 'bin' || stop.kind === 'disposal') {
            pending.push({ kind: stop.kind, siteId: stop.siteId, etaMs: Date.parse(stop.eta), truck });
          }
        }
      }
      pending.sort((a, b) => a.etaMs - b.etaMs);
    },
    stepHour() {
      const end = now + HOUR_MS;
      const due = pending.filter((stop) => stop.etaMs < end);
      pending = pending.filter((stop) => stop.etaMs >= end);
      const collections: Collection[] = [];
      const forcedTrips = { count: 0, km: 0, minutes: 0, costVnd: 0 };
      for (const stop of due) {
        if (stop.kind === 'disposal') {
          stop.truck.unload();
          continue;
        }
        // A stop planned for the planning instant itself happens "now", never in the past.
        const atMs = Math.max(stop.etaMs, now);
        const { litres } = simulator.collect(stop.siteId, atMs);
        const location = binLocation.get(stop.siteId);
        const trip = location ? stop.truck.loadBin(location, litres) : null;
        if (trip) {
          forcedTrips.count++;
          forcedTrips.km += trip.km;
          forcedTrips.minutes += trip.minutes;
          forcedTrips.costVnd += trip.costVnd;
        }
        collectedAtMs.get(stop.siteId)?.push(atMs);
        collections.push({ binId: stop.siteId, atMs, litres });
      }
      record(end);
      now = end;
      let overflowingBins = 0;
      for (const id of binIds) if (simulator.state(id).overflowLitres > 0) overflowingBins++;
      return { atMs: end, overflowingBins, collections, forcedTrips };
    },
    nowMs: () => now,
  };
}
