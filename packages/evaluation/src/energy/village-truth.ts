import { createRng, type VillageDataset } from '@village/domain';
import { createMeterSimulator, type MeterSimulator } from '@village/simulation';
import { MINUTE_MS } from '../local-day.ts';

/**
 * What each home meter would measure without its movable loads: the true fixed load (with the
 * model's randomness) minus rooftop solar, from the simulation's meter model run on the village with
 * the flexible loads and batteries taken out — those are exactly what the policies decide. Because
 * the model's noise and weather are keyed by seed, meter and time, these are the same fixed loads and
 * the same sun as in the full model that produced the history (same seed, same meters).
 */

/** The meter model's own resolution. */
export const STEP_MINUTES = 5;
/** A plan horizon is one day. */
export const STEPS_PER_HORIZON = 1440 / STEP_MINUTES;

export interface VillageTruth {
  /**
   * Net kW (fixed load − solar) per household home meter and 5-minute step of the day starting at
   * `startMs`, household-major: `[h * STEPS_PER_HORIZON + k]`. Horizons must be asked for in order.
   */
  horizon(startMs: number): Float64Array;
}

/** The village as the meter model sees it when nobody runs a movable load and no battery exists. */
export function withoutMovableLoads(dataset: VillageDataset): VillageDataset {
  return {
    ...dataset,
    households: dataset.households.map(({ battery: _battery, ...household }) => ({
      ...household,
      flexibleLoads: [],
    })),
  };
}

export function createVillageTruth(dataset: VillageDataset, meterSeed: number): VillageTruth {
  const stripped = withoutMovableLoads(dataset);
  let simulator: MeterSimulator | undefined;
  const meterIds = dataset.households.map((h) => h.meterId);
  return {
    horizon(startMs) {
      simulator ??= createMeterSimulator(stripped, createRng(meterSeed), { startMs });
      const net = new Float64Array(meterIds.length * STEPS_PER_HORIZON);
      for (let k = 0; k < STEPS_PER_HORIZON; k++) {
        // Advancing to a step's end leaves that step as the model's current one.
        simulator.advanceTo(startMs + (k + 1) * STEP_MINUTES * MINUTE_MS);
        meterIds.forEach((meterId, h) => {
          net[h * STEPS_PER_HORIZON + k] = simulator?.state(meterId).kw ?? 0;
        });
      }
      return net;
    },
  };
}
