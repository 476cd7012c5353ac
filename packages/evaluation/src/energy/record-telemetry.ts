import { localDateOf, MINUTE_MS } from '../local-day.ts';
import type { DailyImports } from './daily-imports.ts';
import type { MeterHistory } from './meter-history.ts';
import { SAMPLE_MINUTES } from './practice-history.ts';
import { STEP_MINUTES, STEPS_PER_HORIZON } from './village-truth.ts';

/**
 * The optimized world's home meters report what they measured over a horizon: the import register
 * (counting only imports, as real registers do) and the instantaneous kW, every 15 minutes. The
 * registers carry on from `registers`, which is updated in place.
 */
export function recordTelemetry(
  startMs: number,
  homeNet: Float64Array,
  registers: Float64Array,
  history: MeterHistory,
  imports: DailyImports,
): void {
  const households = registers.length;
  const stepHours = STEP_MINUTES / 60;
  const stepsPerSample = SAMPLE_MINUTES / STEP_MINUTES;
  const kw = new Float64Array(households);
  const sampleKwh = new Float64Array(households);
  for (let k = 0; k < STEPS_PER_HORIZON; k++) {
    for (let h = 0; h < households; h++) {
      const net = homeNet[h * STEPS_PER_HORIZON + k] ?? 0;
      kw[h] = net;
      if (net > 0) {
        registers[h] = (registers[h] ?? 0) + net * stepHours;
        sampleKwh[h] = (sampleKwh[h] ?? 0) + net * stepHours;
      }
    }
    if ((k + 1) % stepsPerSample !== 0) continue;
    const atMs = startMs + (k + 1) * STEP_MINUTES * MINUTE_MS;
    history.add(atMs, registers, kw);
    imports.add(localDateOf(atMs - 1), sampleKwh);
    sampleKwh.fill(0);
  }
}
