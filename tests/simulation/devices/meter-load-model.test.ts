import { createRng } from '@village/domain';
import { createMeterSimulator, generateDemoVillage, solarOutputKw } from '@village/simulation';
import { describe, expect, it } from 'vitest';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A dry-season Wednesday, village time. */
const START = Date.parse('2026-03-11T00:00:00+07:00');
const village = generateDemoVillage({ seed: 5, households: 200, bins: 20 });
const householdsByMeter = new Map(village.households.map((h) => [h.meterId, h]));

describe('meter load model', () => {
  it('never lets a kWh register decrease', () => {
    const sim = createMeterSimulator(village, createRng(1), { startMs: START });
    const last = new Map<string, number>();
    const decreases: string[] = [];
    for (let t = START; t <= START + 2 * DAY; t += 15 * MINUTE) {
      for (const reading of sim.readings(t)) {
        if (reading.kwhTotal < (last.get(reading.meterId) ?? 0)) decreases.push(`${reading.meterId} at ${t}`);
        last.set(reading.meterId, reading.kwhTotal);
      }
    }
    expect(decreases).toEqual([]);
    expect(last.size).toBe(village.meters.length);
  });

  it('keeps each home’s daily import within its fixed load plus its flexible loads', () => {
    const sim = createMeterSimulator(village, createRng(2), { startMs: START });
    const before = new Map(village.meters.map((m) => [m.id, sim.state(m.id).kwhTotal]));
    sim.advanceTo(START + DAY);
    const ratios: number[] = [];
    for (const [meterId, household] of householdsByMeter) {
      const imported = sim.state(meterId).kwhTotal - (before.get(meterId) ?? 0);
      const flexibleMax = household.flexibleLoads
        .filter((l) => l.kind !== 'irrigation-pump')
        .reduce((sum, l) => sum + (l.interruptible ? l.energyKwh * 1.1 : (l.kw * l.durationMinutes) / 60), 0);
      expect(imported).toBeGreaterThanOrEqual(0);
      expect(imported).toBeLessThanOrEqual(household.baseLoadKwhPerDay * 1.5 + flexibleMax);
      if (!household.solar) {
        expect(imported).toBeGreaterThanOrEqual(household.baseLoadKwhPerDay * 0.7);
        ratios.push(imported / (household.baseLoadKwhPerDay + flexibleMax));
      }
    }
    // Without solar, homes import roughly their configured energy.
    const meanRatio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(meanRatio).toBeGreaterThan(0.75);
    expect(meanRatio).toBeLessThan(1.15);
  });

  it('gives the same registers whether stepped minute by minute or in one jump', () => {
    const stepped = createMeterSimulator(village, createRng(3), { startMs: START });
    const jumped = createMeterSimulator(village, createRng(3), { startMs: START });
    for (let t = START; t <= START + DAY; t += 7 * MINUTE) stepped.advanceTo(t);
    stepped.advanceTo(START + DAY + 3 * MINUTE);
    jumped.advanceTo(START + DAY + 3 * MINUTE);
    const gaps = village.meters.map((m) =>
      Math.abs(stepped.state(m.id).kwhTotal - jumped.state(m.id).kwhTotal),
    );
    expect(Math.max(...gaps)).toBeLessThan(1e-6);
  });

  it('exports solar at midday and never at night', () => {
    const sim = createMeterSimulator(village, createRng(4), { startMs: START });
    const solarMeters = village.households.filter((h) => h.solar).map((h) => h.meterId);
    expect(solarMeters.length).toBeGreaterThan(5);
    const noon = sim.readings(START + 12 * HOUR).filter((r) => solarMeters.includes(r.meterId));
    expect(noon.some((r) => r.kw < 0)).toBe(true);
    for (const hour of [21, 23, 24 + 2]) {
      const night = sim.readings(START + hour * HOUR).filter((r) => solarMeters.includes(r.meterId));
      for (const reading of night) expect(reading.kw).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports mains voltage around 220–235 V and a transformer that carries the village load', () => {
    const sim = createMeterSimulator(village, createRng(6), { startMs: START });
    const transformerId = village.village.transformer.meterId;
    for (let t = START; t <= START + DAY; t += HOUR) {
      const volts = sim.readings(t).map((r) => r.voltageV);
      expect(Math.min(...volts)).toBeGreaterThan(210);
      expect(Math.max(...volts)).toBeLessThan(245);
      const others = village.meters.filter((m) => m.id !== transformerId);
      const sum = others.reduce((s, m) => s + sim.state(m.id).kw, 0);
      const transformerKw = sim.state(transformerId).kw;
      // Losses make the transformer see slightly more than the sum of its customers.
      expect(transformerKw).toBeGreaterThan(sum);
      expect(transformerKw).toBeLessThan(
        sum + Math.abs(sum) * 0.05 + village.village.transformer.ratedKva * 0.01,
      );
    }
  });
});

describe('solar output', () => {
  it('is zero at night and positive around noon', () => {
    for (const hour of [0, 3, 19, 22]) expect(solarOutputKw(5, START + hour * HOUR, 1)).toBe(0);
    expect(solarOutputKw(5, START + 12 * HOUR, 1)).toBeGreaterThan(0.5);
    expect(solarOutputKw(5, START + 12 * HOUR, 1)).toBeLessThanOrEqual(5);
  });
});
