import { readFileSync } from 'node:fs';
import { type TariffBook, tariffBookSchema } from '@village/domain';
import { type MonthReport, monthReportSchema, simulateMonth } from '@village/evaluation';
import { beforeAll, describe, expect, it } from 'vitest';

function evnBook(): TariffBook {
  const url = new URL('../../data/tariffs/evn.json', import.meta.url);
  return tariffBookSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/** A short run on a small village: the shape, and that the figures add up. */
describe('simulateMonth (3 days, small village)', () => {
  let report: MonthReport;
  beforeAll(() => {
    report = simulateMonth(
      {
        seed: 2,
        days: 3,
        village: { households: 150, bins: 40, vehicles: 2 },
        waste: { warmupDays: 3, routingTimeLimitMs: 250 },
        energy: { historyDays: 7, timeLimitMs: 1_000 },
      },
      evnBook(),
      () => {},
    );
  });

  it('prints the issue’s JSON object, extra fields only under "extra"', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(monthReportSchema.parse(json)).toEqual(report);
    expect(Object.keys(json).sort()).toEqual(['days', 'energy', 'extra', 'seed', 'waste']);
    expect(json.days).toBe(3);
    expect(json.seed).toBe(2);
    expect(Object.keys(json.waste).sort()).toEqual(['fixedSchedule', 'optimized', 'thresholdNow']);
    expect(Object.keys(json.waste.optimized).sort()).toEqual([
      'binsCollected',
      'km',
      'overflowBinHours',
      'truckHours',
    ]);
    expect(Object.keys(json.energy).sort()).toEqual(['optimized', 'unmanaged']);
    expect(Object.keys(json.energy.unmanaged).sort()).toEqual(['costVnd', 'peakKw', 'transformerViolations']);
  });

  it('collects what the routes say: bins collected = route stops = emptyings the crews made', () => {
    for (const policy of ['optimized', 'fixedSchedule', 'thresholdNow'] as const) {
      const metrics = report.waste[policy];
      const extra = report.extra.waste?.[policy];
      expect(extra?.collectionsMade).toBe(metrics.binsCollected);
      expect(extra?.daily).toHaveLength(3);
      const daily = extra?.daily ?? [];
      expect(daily.reduce((sum, day) => sum + day.binsCollected, 0)).toBe(metrics.binsCollected);
      expect(daily.reduce((sum, day) => sum + day.overflowBinHours, 0)).toBe(metrics.overflowBinHours);
      expect(daily.reduce((sum, day) => sum + day.km, 0)).toBeCloseTo(metrics.km, 0);
      expect(metrics.km).toBeGreaterThan(0);
      // What went into the trucks: something, and never more than full bins would hold.
      expect(extra?.litresCollected).toBeGreaterThan(0);
      expect(extra?.litresCollected).toBeLessThanOrEqual(metrics.binsCollected * 660);
      expect(metrics.truckHours).toBeGreaterThan(0);
    }
  });

  it('never has the optimized crews empty a bin twice on one day', () => {
    expect(report.extra.waste?.optimized.sameDayRepeats).toBe(0);
  });

  it('plans energy within the transformer limit, where running at will overloads it', () => {
    const energy = report.extra.energy;
    const limit = report.extra.village.transformerLimitKw;
    expect(energy?.plans).toHaveLength(3);
    for (const plan of energy?.plans ?? []) {
      expect(plan.status).not.toBe('overloaded');
      expect(plan.plannedPeakKw).toBeLessThanOrEqual(limit + 1e-6);
    }
    expect(report.energy.unmanaged.transformerViolations).toBeGreaterThan(0);
    // Day by day, the slots over the limit add up to the month's count.
    const plans = energy?.plans ?? [];
    expect(plans.reduce((sum, plan) => sum + plan.violations.unmanaged, 0)).toBe(
      report.energy.unmanaged.transformerViolations,
    );
    expect(plans.reduce((sum, plan) => sum + plan.violations.optimized, 0)).toBe(
      report.energy.optimized.transformerViolations,
    );
    expect(report.energy.unmanaged.peakKw).toBeGreaterThan(limit);
    // The movable loads are the same in both worlds: only their timing differs.
    const { optimized, unmanaged } = energy ?? {};
    expect(optimized?.importKwh).toBeCloseTo(unmanaged?.importKwh ?? 0, -1);
    expect(report.energy.optimized.costVnd - (optimized?.movableLoadsCostVnd ?? 0)).toBeCloseTo(
      energy?.noMovableLoadsCostVnd ?? 0,
      -1,
    );
  });
});
