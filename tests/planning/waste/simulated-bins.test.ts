import { createRng } from '@village/domain';
import { createBinSimulator, generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import { type FillReading, forecastBin, hamletPriors } from '../../../packages/planning/src/waste/index.ts';
import { DAY, HOUR, MONDAY } from './synthetic.ts';

/**
 * The forecaster against the simulator's own bin model (kinds, streams, hamlets, weekdays, hourly
 * shapes and randomness it knows nothing about). Two weeks of hourly readings with the simulator's
 * noise and missed reports; a crew empties every bin found at 80 % or more at 07:30 and reports it.
 * Then the predicted threshold time of every bin is compared with when its true level crosses 85 %.
 */
describe('forecastBin on the simulator’s bins', () => {
  it('predicts when each bin passes 85 % within a few hours', () => {
    const village = generateDemoVillage({ seed: 2, households: 300, bins: 120 });
    const sim = createBinSimulator(village, createRng(11), { startMs: MONDAY });
    const readings = new Map<string, FillReading[]>(village.bins.map((b) => [b.id, []]));
    const collections = new Map<string, number[]>(village.bins.map((b) => [b.id, []]));
    const now = MONDAY + 14 * DAY + 5 * HOUR; // Monday 05:00, the morning plan
    for (let t = MONDAY; t <= now; t += HOUR) {
      for (const r of sim.readings(t)) readings.get(r.binId)!.push({ atMs: t, fillPercent: r.fillPercent });
      if ((t - MONDAY) % DAY === 7 * HOUR) {
        const pickup = t + 30 * 60_000;
        for (const bin of village.bins) {
          if (sim.state(bin.id).fillPercent < 80) continue;
          sim.collect(bin.id, pickup);
          collections.get(bin.id)!.push(pickup);
        }
      }
    }

    const forecastAll = (priors?: ReturnType<typeof hamletPriors>) =>
      village.bins.map((bin) =>
        forecastBin({
          binId: bin.id,
          hamletId: bin.hamletId,
          readings: readings.get(bin.id)!,
          collectedAtMs: collections.get(bin.id)!,
          nowMs: now,
          hamletPrior: priors?.get(bin.hamletId),
        }),
      );
    const forecasts = forecastAll(hamletPriors(forecastAll()));
    expect(forecasts.every((f) => f.status === 'ok')).toBe(true);

    // The truth: each bin's level, advanced in 10-minute steps over the horizon without collections.
    const truth = new Map<string, number | null>(
      village.bins.map((b) => [b.id, sim.state(b.id).fillPercent >= 85 ? now : null]),
    );
    for (let t = now; t <= now + 72 * HOUR; t += 10 * 60_000) {
      sim.advanceTo(t);
      for (const bin of village.bins) {
        if (truth.get(bin.id) === null && sim.state(bin.id).fillPercent >= 85) truth.set(bin.id, t);
      }
    }

    const errorsHours: number[] = [];
    let inBand = 0;
    let disagreements = 0;
    for (const f of forecasts) {
      const trueAt = truth.get(f.binId)!;
      if (trueAt === null || f.thresholdAtMs === null) {
        if ((trueAt === null) !== (f.thresholdAtMs === null)) disagreements++;
        continue;
      }
      // Bins already over (or about to be) say little about forecasting skill.
      if (trueAt - now < 6 * HOUR) continue;
      errorsHours.push(Math.abs(f.thresholdAtMs - trueAt) / HOUR);
      if (trueAt >= f.thresholdEarliestMs! && trueAt <= (f.thresholdLatestMs ?? Number.POSITIVE_INFINITY))
        inBand++;
    }
    errorsHours.sort((a, b) => a - b);
    const quantile = (q: number) =>
      errorsHours[Math.min(errorsHours.length - 1, Math.floor(q * errorsHours.length))]!;

    expect(errorsHours.length).toBeGreaterThan(40);
    expect(quantile(0.5)).toBeLessThan(3);
    expect(quantile(0.9)).toBeLessThan(9);
    expect(inBand / errorsHours.length).toBeGreaterThan(0.6);
    // Crossing within 72 h or not: the forecast agrees with the truth for nearly every bin.
    expect(disagreements).toBeLessThanOrEqual(village.bins.length * 0.05);
  });
});
