import { createRng, energyPlanSchema, toZonedIso } from '@village/domain';
import { type MeterSample, planEnergyDay } from '@village/planning';
import { createMeterSimulator, generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import { evnBook } from '../energy/fixtures.ts';

const DATE = '2026-03-11';
const DAY = 86_400_000;

/** The evening decision for tomorrow on demo households, from two weeks of meter readings only. */
describe('planEnergyDay', () => {
  const village = generateDemoVillage({ seed: 3, households: 60, bins: 1, vehicles: 1 });
  const startMs = Date.parse(`${DATE}T00:00:00+07:00`) - 14 * DAY;
  const meters = createMeterSimulator(village, createRng(11), { startMs, missedReadingRate: 0.02 });
  const history = new Map<string, MeterSample[]>();
  for (let ms = startMs; ms < startMs + 14 * DAY; ms += 15 * 60_000) {
    for (const reading of meters.readings(ms)) {
      const list = history.get(reading.meterId) ?? [];
      list.push({ ts: toZonedIso(ms), kwhTotal: reading.kwhTotal, kw: reading.kw });
      history.set(reading.meterId, list);
    }
  }

  it('plans every household within the transformer limit, cheaper than running at will', () => {
    const { plan, loadPlan, descriptions } = planEnergyDay({
      dataset: village,
      date: DATE,
      tariffBook: evnBook(),
      meterHistory: history,
      // The demo transformer is sized for the commune; 60 homes need a limit that binds but fits.
      transformerKw: 40,
      // A week-old plan the meters have seen, whose forecast was never short: the reserve is the floor.
      recentPlans: [
        {
          date: '2026-03-04',
          slotMinutes: 15,
          startMinuteOfDay: 0,
          forecastFixedKw: new Array(96).fill(1_000),
        },
      ],
      timeLimitMs: 5_000,
      planId: 'E1',
      createdAt: `${DATE}T18:00:00+07:00`,
    });
    expect(() => energyPlanSchema.parse(plan)).not.toThrow();
    expect(plan.households.map((h) => h.householdId).sort()).toEqual(
      village.households.map((h) => h.id).sort(),
    );
    expect(loadPlan.status).not.toBe('overloaded');
    // The default reserve (3 %, the floor) is kept free: the plan aims at 38.8 kW, and reports the real limit.
    expect(plan.transformerLimitKw).toBe(40);
    expect(plan.transformerReserveKw).toBeCloseTo(1.2, 6);
    expect(plan.villagePeakKw).toBeLessThanOrEqual(38.8 + 1e-6);
    const unmanaged = plan.households.reduce((sum, h) => sum + h.unmanagedCostVnd, 0);
    expect(plan.totalCostVnd).toBeCloseTo(
      plan.households.reduce((sum, h) => sum + h.expectedCostVnd, 0),
      0,
    );
    expect(plan.totalCostVnd).toBeLessThan(unmanaged);
    expect(descriptions.every((d) => d.summary.vi.length > 0 && d.summary.en.length > 0)).toBe(true);
  }, 60_000);

  it('keeps 10 % free before any plan can be checked, and plans noon to noon when asked', () => {
    const { plan, loadPlan } = planEnergyDay({
      dataset: village,
      date: DATE,
      tariffBook: evnBook(),
      meterHistory: history,
      transformerKw: 40,
      transformerReservePercent: 3,
      startMinuteOfDay: 12 * 60,
      timeLimitMs: 5_000,
      planId: 'E2',
      createdAt: `${DATE}T18:00:00+07:00`,
    });
    expect(loadPlan.status).not.toBe('overloaded');
    expect(loadPlan.transformerKw).toBeCloseTo(36, 6);
    expect(plan.villagePeakKw).toBeLessThanOrEqual(36 + 1e-6);
    expect(plan.transformerReserveKw).toBeCloseTo(4, 6);
    expect(plan.startMinuteOfDay).toBe(720);
  }, 60_000);
});
