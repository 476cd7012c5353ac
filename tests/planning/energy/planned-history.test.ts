import {
  type EnergyPlan,
  energyPlanSchema,
  type FlexibleLoad,
  type HouseholdEnergyPlan,
  toZonedIso,
  villageDatasetSchema,
} from '@village/domain';
import {
  atWillLoadHistory,
  createPlannedHistory,
  type MeterSample,
  planDatesCovering,
  planEnergyDay,
  plannedHistoryFromPlans,
} from '@village/planning';
import { describe, expect, it } from 'vitest';
import { tinyVillage } from '../../support/tiny-village.ts';
import { evnBook } from './fixtures.ts';

/**
 * What the forecaster is told the home meters saw of the movable loads, from plans: the one
 * implementation the service (stored plans) and the month simulation (the plans it makes) share.
 */

const charger: FlexibleLoad = {
  id: 'charger',
  kind: 'e-motorbike-charger',
  interruptible: false,
  kw: 2,
  durationMinutes: 180,
  earliest: '17:00',
  latest: '07:00',
};
const pump: FlexibleLoad = {
  id: 'PUMP-1',
  kind: 'irrigation-pump',
  interruptible: true,
  kw: 3,
  energyKwh: 6,
  earliest: '05:00',
  latest: '17:00',
};
const battery = {
  capacityKwh: 10,
  maxChargeKw: 3,
  maxDischargeKw: 3,
  efficiency: 0.95,
  minSocKwh: 1,
  initialSocKwh: 5,
};

/** HH-1: a charger and a pump on its own meter; HH-2: a battery and nothing movable; HH-3: neither. */
function village() {
  const base = tinyVillage('ph-village');
  const template = base.households[1];
  if (!template) throw new Error('tiny village without a second household');
  return villageDatasetSchema.parse({
    ...base,
    households: [
      { ...base.households[0], flexibleLoads: [charger, pump] },
      { ...template, tariff: 'business-tou', battery },
      { ...template, id: 'HH-3', meterId: 'MTR-3', name: 'Hộ 3' },
    ],
    meters: [
      ...base.meters,
      {
        id: 'MTR-3',
        villageId: base.village.id,
        kind: 'household',
        householdId: 'HH-3',
        location: base.village.center,
      },
      {
        id: 'PUMP-1',
        villageId: base.village.id,
        kind: 'pump',
        householdId: 'HH-1',
        location: base.village.center,
      },
    ],
  });
}
const dataset = village();

const series = (f: (t: number) => number) => Array.from({ length: 96 }, (_, t) => f(t));

function plan(
  date: string,
  startMinuteOfDay: number | undefined,
  households: HouseholdEnergyPlan[],
): EnergyPlan {
  return {
    planId: `e-${date}-${startMinuteOfDay}`,
    villageId: dataset.village.id,
    date,
    createdAt: `${date}T00:00:00+07:00`,
    slotMinutes: 15,
    ...(startMinuteOfDay === undefined ? {} : { startMinuteOfDay }),
    households,
    villagePeakKw: 0,
    transformerLimitKw: 200,
    totalCostVnd: 0,
  };
}
const household = (householdId: string, loads: HouseholdEnergyPlan['loads'], batteryNetKw?: number[]) => ({
  householdId,
  loads,
  ...(batteryNetKw ? { batteryNetKw } : {}),
  expectedCostVnd: 0,
  unmanagedCostVnd: 0,
});
const atWill = (date: string) => atWillLoadHistory([charger], [date], 15)[0]?.kw ?? [];

describe('plannedHistoryFromPlans', () => {
  it('lays a noon-to-noon plan on its two dates; the rest of them ran at will', () => {
    const chargerKw = series((t) => (t >= 56 && t < 68 ? 2 : 0)); // 02:00–05:00 the next morning
    const history = plannedHistoryFromPlans(
      dataset,
      [plan('2026-03-09', 720, [household('HH-1', [{ loadId: 'charger', kw: chargerKw }])])],
      ['2026-03-09', '2026-03-10', '2026-03-11'],
      15,
    );
    const [day9, day10, day11] = history.get('HH-1') ?? [];
    expect(day9?.kw.slice(0, 48)).toEqual(atWill('2026-03-09').slice(0, 48));
    expect(day9?.kw.slice(48)).toEqual(new Array(48).fill(0));
    expect(day10?.kw.slice(0, 48)).toEqual(series((t) => (t >= 8 && t < 20 ? 2 : 0)).slice(0, 48));
    expect(day10?.kw.slice(48)).toEqual(atWill('2026-03-10').slice(48));
    expect(day11).toEqual({ date: '2026-03-11', kw: atWill('2026-03-11') });
    // Only homes with something movable on their meter: HH-3 has nothing to take away.
    expect([...history.keys()].sort()).toEqual(['HH-1', 'HH-2']);
  });

  it('puts the home loads and the battery on the home meter, not the pump on its own meter', () => {
    const batteryNetKw = series((t) => (t < 10 ? 1.5 : t < 20 ? -2 : 0));
    const history = plannedHistoryFromPlans(
      dataset,
      [
        plan('2026-03-10', undefined, [
          household('HH-1', [
            { loadId: 'PUMP-1', kw: series(() => 3) },
            { loadId: 'charger', kw: series((t) => (t === 5 ? 2 : 0)) },
          ]),
          household('HH-2', [], batteryNetKw),
        ]),
      ],
      ['2026-03-10'],
      15,
    );
    expect(history.get('HH-1')?.[0]?.kw).toEqual(series((t) => (t === 5 ? 2 : 0)));
    expect(history.get('HH-2')?.[0]?.kw).toEqual(batteryNetKw);
  });

  it('counts a battery a plan did not keep (older plans) as idle, and a home the plan left out at will', () => {
    const history = plannedHistoryFromPlans(
      dataset,
      [plan('2026-03-10', 0, [household('HH-2', [])])],
      ['2026-03-10'],
      15,
    );
    expect(history.get('HH-2')?.[0]?.kw).toEqual(series(() => 0));
    expect(history.get('HH-1')?.[0]?.kw).toEqual(atWill('2026-03-10'));
  });

  it('where horizons overlap, the newer one counts, whatever order the plans come in', () => {
    const older = plan('2026-03-09', 720, [household('HH-1', [{ loadId: 'charger', kw: series(() => 1) }])]);
    const newer = plan('2026-03-10', 0, [household('HH-1', [{ loadId: 'charger', kw: series(() => 2) }])]);
    for (const plans of [
      [older, newer],
      [newer, older],
    ]) {
      const [day10] = plannedHistoryFromPlans(dataset, plans, ['2026-03-10'], 15).get('HH-1') ?? [];
      expect(day10?.kw).toEqual(series(() => 2));
    }
  });

  it('leaves a plan on another slot grid out (its slots are not these)', () => {
    const hourly = { ...plan('2026-03-10', 0, []), slotMinutes: 60 };
    hourly.households = [household('HH-1', [{ loadId: 'charger', kw: new Array(24).fill(2) }])];
    const [day10] = plannedHistoryFromPlans(dataset, [hourly], ['2026-03-10'], 15).get('HH-1') ?? [];
    expect(day10?.kw).toEqual(atWill('2026-03-10'));
  });

  it('names the plan dates a history window needs: the day before it too', () => {
    expect(planDatesCovering(['2026-03-10', '2026-03-08', '2026-03-09'])).toEqual({
      fromDate: '2026-03-07',
      toDate: '2026-03-10',
    });
    expect(planDatesCovering([])).toBeUndefined();
  });
});

describe('energy plans keep what the battery put on the home meter', () => {
  const date = '2026-03-11';
  const startMs = Date.parse(`${date}T00:00:00+07:00`) - 14 * 86_400_000;
  const meterHistory = new Map<string, MeterSample[]>();
  for (const meterId of ['MTR-1', 'MTR-2', 'MTR-3']) {
    meterHistory.set(
      meterId,
      Array.from({ length: 14 * 96 }, (_, i) => ({
        ts: toZonedIso(startMs + i * 15 * 60_000),
        kwhTotal: 100 + i * 0.25,
        kw: 1,
      })),
    );
  }
  const day = planEnergyDay({
    dataset,
    date,
    tariffBook: evnBook(),
    meterHistory,
    startMinuteOfDay: 720,
    timeLimitMs: 5_000,
    planId: 'E-battery',
    createdAt: `${date}T18:00:00+07:00`,
  });

  it('as charging minus discharging, for homes with a battery only; older plans still parse', () => {
    const schedule = day.loadPlan.households.find((h) => h.id === 'HH-2');
    const charge = schedule?.battery?.chargeKw ?? [];
    const discharge = schedule?.battery?.dischargeKw ?? [];
    expect(charge.some((kw) => kw > 0) && discharge.some((kw) => kw > 0)).toBe(true);
    const planned = day.plan.households.find((h) => h.householdId === 'HH-2');
    expect(planned?.batteryNetKw).toEqual(charge.map((kw, t) => kw - (discharge[t] ?? 0)));
    expect(day.plan.households.find((h) => h.householdId === 'HH-1')).not.toHaveProperty('batteryNetKw');
    expect(energyPlanSchema.parse(day.plan)).toEqual(day.plan);
    const { batteryNetKw, ...older } = planned ?? household('HH-2', []);
    expect(energyPlanSchema.parse({ ...day.plan, households: [older] }).households[0]).toEqual(older);
  });

  it('read back, the plan is what the month simulation lays on the home meters', () => {
    const history = createPlannedHistory(dataset);
    history.record(day.plan);
    const home = day.loadPlan.households.find((h) => h.id === 'HH-1');
    const chargerKw = home?.loads.find((l) => l.id === 'charger')?.kw ?? [];
    const [, day12] = history.forDates([date, '2026-03-12'], 15).get('HH-1') ?? [];
    // 00:00–12:00 of the next day is the second half of the horizon; the pump is not on this meter.
    expect(day12?.kw.slice(0, 48)).toEqual(chargerKw.slice(48));
  });
});
