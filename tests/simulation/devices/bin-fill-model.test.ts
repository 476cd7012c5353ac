import { createRng } from '@village/domain';
import { createBinSimulator, generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday, village time. */
const MONDAY = Date.parse('2026-03-09T00:00:00+07:00');
const village = generateDemoVillage({ seed: 2, households: 300, bins: 120 });

describe('bin fill model', () => {
  it('fills monotonically between collections, never reports above 100 %, and drops on collect', () => {
    const sim = createBinSimulator(village, createRng(1), { startMs: MONDAY });
    const previous = new Map(village.bins.map((b) => [b.id, sim.state(b.id).wasteLitres]));
    const target = village.bins[5];
    if (!target) throw new Error('fixture has bins');
    // Violations are collected and asserted once: expect() in a 10k-iteration loop is slow.
    const violations: string[] = [];
    for (let t = MONDAY + HOUR; t <= MONDAY + 3 * DAY; t += HOUR) {
      sim.advanceTo(t);
      for (const bin of village.bins) {
        const state = sim.state(bin.id);
        if (state.wasteLitres < (previous.get(bin.id) ?? 0)) violations.push(`${bin.id} decreased at ${t}`);
        if (state.fillPercent > 100) violations.push(`${bin.id} above 100 % at ${t}`);
        previous.set(bin.id, state.wasteLitres);
      }
      if (t === MONDAY + 36 * HOUR) {
        const before = sim.state(target.id);
        const result = sim.collect(target.id, t);
        expect(result.litres).toBeCloseTo(Math.min(before.wasteLitres, target.capacityLitres), 6);
        expect(result.kg).toBeCloseTo((result.litres / target.capacityLitres) * target.fullKg, 6);
        expect(sim.state(target.id).fillPercent).toBe(0);
        expect(sim.state(target.id).collections).toBe(1);
        previous.set(target.id, 0);
      }
    }
    expect(violations).toEqual([]);
    expect(sim.state(target.id).fillPercent).toBeGreaterThan(0);
  });

  it('tracks overflow beyond a full bin instead of losing it', () => {
    const sim = createBinSimulator(village, createRng(1), { startMs: MONDAY });
    sim.advanceTo(MONDAY + 8 * DAY);
    const overflowing = village.bins.map((b) => sim.state(b.id)).filter((s) => s.overflowLitres > 0);
    expect(overflowing.length).toBeGreaterThan(village.bins.length / 2);
    for (const state of overflowing) expect(state.fillPercent).toBe(100);
    const bin = village.bins.find((b) => sim.state(b.id).overflowLitres > 0);
    if (!bin) throw new Error('expected an overflowing bin');
    const overflow = sim.state(bin.id).overflowLitres;
    expect(sim.collect(bin.id, MONDAY + 8 * DAY).overflowLitres).toBeCloseTo(overflow, 6);
    expect(sim.state(bin.id).totalOverflowLitres).toBeCloseTo(overflow, 6);
  });

  it('gives the same levels whether advanced hour by hour or in one jump', () => {
    const stepped = createBinSimulator(village, createRng(9), { startMs: MONDAY });
    const jumped = createBinSimulator(village, createRng(9), { startMs: MONDAY });
    for (let t = MONDAY; t <= MONDAY + 2 * DAY; t += 17 * 60_000) stepped.advanceTo(t);
    const end = MONDAY + 2 * DAY + 7 * 60_000;
    stepped.advanceTo(end);
    jumped.advanceTo(end);
    const gaps = village.bins.map((b) =>
      Math.abs(stepped.state(b.id).wasteLitres - jumped.state(b.id).wasteLitres),
    );
    expect(Math.max(...gaps)).toBeLessThan(1e-6);
  });

  it('produces visibly more household waste on Sundays than mid-week, and none at school on Sundays', () => {
    const sim = createBinSimulator(village, createRng(4), { startMs: MONDAY });
    const homeBins = village.bins.filter((b) => b.kind === 'household');
    const schoolBins = village.bins.filter((b) => b.kind === 'school');
    const sunday: number[] = [];
    const midweek: number[] = [];
    const schoolSunday: number[] = [];
    const schoolMidweek: number[] = [];
    const total = (ids: readonly { id: string }[]) =>
      ids.reduce((s, b) => s + sim.state(b.id).wasteLitres, 0);
    for (let day = 0; day < 21; day++) {
      const start = MONDAY + day * DAY;
      sim.advanceTo(start);
      const [homesBefore, schoolBefore] = [total(homeBins), total(schoolBins)];
      sim.advanceTo(start + DAY);
      const [homes, school] = [total(homeBins) - homesBefore, total(schoolBins) - schoolBefore];
      const weekday = day % 7; // 0 = Monday
      if (weekday === 6) {
        sunday.push(homes);
        schoolSunday.push(school);
      } else if (weekday >= 1 && weekday <= 3) {
        midweek.push(homes);
        schoolMidweek.push(school);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(sunday)).toBeGreaterThan(1.08 * mean(midweek));
    expect(mean(schoolSunday)).toBeLessThan(0.2 * mean(schoolMidweek));
  });

  it('reports noisy readings close to the true level, with occasional missed reports', () => {
    const sim = createBinSimulator(village, createRng(5), { startMs: MONDAY });
    let expected = 0;
    let received = 0;
    let maxError = 0;
    const fills: number[] = [];
    const temperatures: number[] = [];
    for (let t = MONDAY + HOUR; t <= MONDAY + 3 * DAY; t += HOUR) {
      const readings = sim.readings(t);
      expected += village.bins.length;
      received += readings.length;
      for (const reading of readings) {
        maxError = Math.max(maxError, Math.abs(reading.fillPercent - sim.state(reading.binId).fillPercent));
        fills.push(reading.fillPercent);
        temperatures.push(reading.temperatureC);
      }
    }
    expect(maxError).toBeGreaterThan(0);
    expect(maxError).toBeLessThanOrEqual(5);
    expect(Math.min(...fills)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...fills)).toBeLessThanOrEqual(100);
    expect(Math.min(...temperatures)).toBeGreaterThan(18);
    expect(Math.max(...temperatures)).toBeLessThan(40);
    const missedShare = 1 - received / expected;
    expect(missedShare).toBeGreaterThan(0.005);
    expect(missedShare).toBeLessThan(0.05);
  });

  it('refuses to go back in time', () => {
    const sim = createBinSimulator(village, createRng(1), { startMs: MONDAY });
    sim.advanceTo(MONDAY + DAY);
    expect(() => sim.advanceTo(MONDAY)).toThrow(RangeError);
    expect(() => sim.collect('no-such-bin', MONDAY + DAY)).toThrow(/unknown bin/);
  });
});
