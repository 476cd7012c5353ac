/**
 * The village routing benchmark's instances: the demo village (`generateDemoVillage`, seed 1, 4
 * vehicles) and a collection day drawn from it by `generateVillageInstance` — `bins` bins, 20 % with
 * time windows, must/may bins with values, disposal trips needed. Deterministic in (bins, seed), so
 * the solving child process and the checking parent build the same day independently.
 */

import { generateDemoVillage } from '@village/simulation';
import { type CollectionRequestInput, generateVillageInstance } from '@village/solver';

export const BENCH_VEHICLES = 4;

let dataset: ReturnType<typeof generateDemoVillage> | undefined;

export function benchInstance(bins: number, seed: number, balance = false): CollectionRequestInput {
  dataset ??= generateDemoVillage({ seed: 1, vehicles: BENCH_VEHICLES });
  return generateVillageInstance(dataset, { seed, bins, vehicles: BENCH_VEHICLES, balance });
}

export const instanceName = (bins: number, seed: number) => `village-${bins}-s${seed}`;
