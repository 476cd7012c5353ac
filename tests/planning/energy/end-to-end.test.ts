import { createRng, type LoadPlan, toZonedIso } from '@village/domain';
import { createMeterSimulator, generateDemoVillage } from '@village/simulation';
import { scheduleLoads } from '@village/solver';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../packages/planning/src/energy/calendar.ts';
import {
  type AssembledLoadScenario,
  assembleLoadScenario,
  atWillLoadHistory,
  type DayTypeProfiles,
  dayTypeProfiles,
  describeHouseholdPlan,
  estimateMonthlyBill,
  forecastBaseKw,
  type HouseholdPlanDescription,
  loadKindsOf,
  type MeterSample,
  meterDaySeries,
  pricesOf,
  separatelyMeteredLoads,
  villageShape,
} from '../../../packages/planning/src/energy/index.ts';
import { expectFeasiblePlan } from '../../support/load-plan-check.ts';
import { evnBook } from './fixtures.ts';

const DATE = '2026-03-11';
const HISTORY_DAYS = 14;
const HORIZON = { slotMinutes: 15, slots: 96, startMinuteOfDay: 5 * 60 };

/**
 * The loop on the demo village, telemetry only: two weeks of simulated meter readings → forecasts →
 * scenario → scheduler → plans described for people.
 */
describe('energy planning, end to end on demo households', () => {
  const village = generateDemoVillage({ seed: 3, households: 60, bins: 1, vehicles: 1 });
  let assembled: AssembledLoadScenario;
  let plan: LoadPlan;
  let descriptions: HouseholdPlanDescription[];

  beforeAll(() => {
    // Readings every 15 minutes for two weeks before the planned day, 2 % of them lost.
    const startMs = Date.parse(`${DATE}T00:00:00+07:00`) - HISTORY_DAYS * 86_400_000;
    const meters = createMeterSimulator(village, createRng(11), { startMs, missedReadingRate: 0.02 });
    const samples = new Map<string, MeterSample[]>();
    for (let ms = startMs; ms <= startMs + HISTORY_DAYS * 86_400_000; ms += 15 * 60_000) {
      const ts = toZonedIso(ms);
      for (const reading of meters.readings(ms)) {
        const list = samples.get(reading.meterId) ?? [];
        list.push({ ts, kwhTotal: reading.kwhTotal, kw: reading.kw });
        samples.set(reading.meterId, list);
      }
    }
    const history = new Map(
      village.households.map((h) => [
        h.id,
        meterDaySeries(samples.get(h.meterId) ?? [], { slotMinutes: 15 }),
      ]),
    );
    const profiles: DayTypeProfiles[] = village.households
      .filter((h) => h.tariff === 'residential-tiered')
      .map((h) => dayTypeProfiles(history.get(h.id) ?? [], { before: DATE }, { weekday: 3, weekend: 2 }));
    const shape = villageShape(profiles, 15);
    const pumpIds = new Set(village.meters.filter((m) => m.kind === 'pump').map((m) => m.id));
    const historyDates = Array.from({ length: HISTORY_DAYS }, (_, d) => addDays(DATE, d - HISTORY_DAYS));
    if (!shape) throw new Error('no village shape');

    const households = village.households.map((household) => ({
      household,
      baseKw: forecastBaseKw({
        ...HORIZON,
        date: DATE,
        history: history.get(household.id) ?? [],
        // No plans yet: the loads ran at will, on the home meter (pumps have their own).
        flexibleHistory: atWillLoadHistory(
          household.flexibleLoads.filter((load) => !pumpIds.has(load.id)),
          historyDates,
          15,
        ),
        fallback: { shape, kwhPerDay: household.baseLoadKwhPerDay },
      }).kw,
      monthToDateKwh: 40,
      separatelyMetered: separatelyMeteredLoads(household, village.meters),
    }));
    // The demo transformer is sized for the whole commune; at 60 homes its limit falls below the
    // fixed evening load itself. Here: 10 % above the forecast fixed peak, well below the at-will peak.
    const fixedPeakKw = Math.max(
      ...Array.from({ length: HORIZON.slots }, (_, t) =>
        households.reduce((sum, h) => sum + (h.baseKw[t] ?? 0), 0),
      ),
    );
    assembled = assembleLoadScenario({
      ...HORIZON,
      date: DATE,
      tariffBook: evnBook(),
      transformerKw: Math.ceil(fixedPeakKw * 1.1),
      households,
    });
    plan = scheduleLoads(assembled.scenario, { timeLimitMs: 10_000 });
    descriptions = assembled.scenario.households.map((entry) => {
      const schedule = plan.households.find((h) => h.id === entry.id);
      const owner = village.households.find(
        (h) => h.id === assembled.connections.find((c) => c.id === entry.id)?.householdId,
      );
      if (!schedule || !owner) throw new Error(`no plan or owner for ${entry.id}`);
      return describeHouseholdPlan(entry, schedule, {
        ...HORIZON,
        prices: pricesOf(assembled.scenario, entry),
        loadKinds: loadKindsOf(owner),
      });
    });
  });

  it('forecasts from telemetry and builds a valid scenario with pumps on their own meters', () => {
    const { scenario, connections } = assembled;
    expect(scenario.households.length).toBe(connections.length);
    expect(connections.filter((c) => c.tariff === 'production-tou').length).toBeGreaterThan(0);
    // Forecast evening base load is above the night's, as the village lives.
    const village = (t: number) => scenario.households.reduce((sum, h) => sum + (h.baseKw[t] ?? 0), 0);
    expect(village(15 * 4)).toBeGreaterThan(village(22 * 4));
  });

  it('gets a checked plan from the scheduler that respects the transformer', () => {
    expectFeasiblePlan(assembled.scenario, plan);
    // At will, the evening overshoots the limit; the plan does not.
    expect(plan.unmanaged.peakKw).toBeGreaterThan(plan.transformerKw);
    expect(plan.unmanaged.overloads.length).toBeGreaterThan(0);
    expect(plan.status).not.toBe('overloaded');
    expect(plan.peakKw).toBeLessThanOrEqual(plan.transformerKw + 1e-6);
  });

  it('describes every load in both languages, and the costs add up to the scheduler’s', () => {
    const loads = descriptions.flatMap((d) => d.loads);
    expect(loads.length).toBe(assembled.scenario.households.reduce((n, h) => n + h.loads.length, 0));
    for (const load of loads) {
      expect(load.runs.length).toBeGreaterThan(0);
      expect(load.sentence.vi).toMatch(/^(Chạy|Sạc|Bật) .*\d\d:\d\d–\d\d:\d\d/);
      expect(load.sentence.en).toMatch(/^(Run|Charge) .*\d\d:\d\d–\d\d:\d\d/);
    }
    const expected = descriptions.reduce((sum, d) => sum + d.expectedCostVnd, 0);
    const unmanaged = descriptions.reduce((sum, d) => sum + d.unmanagedCostVnd, 0);
    expect(expected).toBeCloseTo(plan.objective, 0);
    expect(unmanaged).toBeCloseTo(plan.unmanaged.objective, 0);
    expect(expected).toBeLessThan(unmanaged);
    // Pumps on the three-price tariff save by moving out of the morning peak.
    const pumps = descriptions.filter((d) => d.id.startsWith('PUMP-'));
    expect(pumps.reduce((sum, d) => sum + d.savingsVnd, 0)).toBeGreaterThan(0);
  });

  it('estimates a residential month’s bill from the plan', () => {
    const home = descriptions.find(
      (d) => assembled.connections.find((c) => c.id === d.id)?.tariff === 'residential-tiered',
    );
    if (!home) throw new Error('no residential home');
    const estimate = estimateMonthlyBill(assembled.tariff, {
      date: DATE,
      dailyKwh: home.importKwh,
      monthToDateKwh: 40,
    });
    expect(estimate.projectedKwh).toBeCloseTo(40 + home.importKwh * 21, 9);
    expect(estimate.bill.totalVnd).toBeCloseTo(estimate.bill.energyVnd * 1.08, 6);
  });
});
