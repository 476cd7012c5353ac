import { createRng, type VillageDataset } from '@village/domain';
import { createMeterSimulator } from '@village/simulation';
import { localDateOf, MINUTE_MS } from '../local-day.ts';
import type { DailyImports } from './daily-imports.ts';
import type { MeterHistory } from './meter-history.ts';

/** Meters report every 15 minutes (docs/telemetry.md). */
export const SAMPLE_MINUTES = 15;

/**
 * The weeks before the first plan, as today's practice: the simulation's full meter model — fixed
 * loads, solar, batteries on their self-consumption inverters, and every movable load switched on
 * when people feel like it (a personal delay after the window opens, some days not at all). Its
 * readings from `fromMs` to `toMs` go into the history the first plans forecast from. Returns the
 * import registers at `toMs`, where the month's meters carry on counting.
 */
export function recordPracticeHistory(
  dataset: VillageDataset,
  meterSeed: number,
  fromMs: number,
  toMs: number,
  history: MeterHistory,
  imports: DailyImports,
): Float64Array {
  const simulator = createMeterSimulator(dataset, createRng(meterSeed), { startMs: fromMs });
  const index = new Map(dataset.households.map((h, i) => [h.meterId, i]));
  const households = dataset.households.length;
  const kwhTotal = new Float64Array(households);
  const kw = new Float64Array(households);
  let previous: Float64Array | undefined;
  for (let t = fromMs; t <= toMs; t += SAMPLE_MINUTES * MINUTE_MS) {
    for (const reading of simulator.readings(t)) {
      const h = index.get(reading.meterId);
      if (h === undefined) continue;
      kwhTotal[h] = reading.kwhTotal;
      kw[h] = reading.kw;
    }
    history.add(t, kwhTotal, kw);
    if (previous) {
      const before = previous;
      imports.add(
        localDateOf(t - 1),
        kwhTotal.map((kwh, h) => kwh - (before[h] ?? kwh)),
      );
    }
    previous = Float64Array.from(kwhTotal);
  }
  return kwhTotal;
}
