import {
  defaultOperatorSettings,
  type EnergyPlan,
  type FlexibleLoad,
  villageDatasetSchema,
  zonedDate,
} from '@village/domain';
import { createPlanner, type MeterSample, type PlanningData } from '@village/planning';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { planEnergyDay } from '../../../packages/planning/src/daily/plan-energy-day.ts';
import { tinyVillage } from '../../support/tiny-village.ts';
import { evnBook } from '../energy/fixtures.ts';

/**
 * The service's base-load forecast takes away what the households' movable loads really did: the
 * stored plans' runs on the days they followed plans, not the at-will assumption. The planner's
 * daily decision is wrapped (not replaced) so the test can read the forecast it was handed.
 */
vi.mock(import('../../../packages/planning/src/daily/plan-energy-day.ts'), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, planEnergyDay: vi.fn(original.planEnergyDay) };
});

const DATE = '2026-03-11';
const DAY_MS = 86_400_000;
const SLOT_MS = 15 * 60_000;
const dayStartMs = Date.parse(`${DATE}T00:00:00+07:00`);
const FIXED_KW = 0.5;
const CHARGER_KW = 2;

/** A motorbike charger that may run from 17:00 to 07:00: at will it would draw 2 kW 17:00–20:00. */
const charger: FlexibleLoad = {
  id: 'charger',
  kind: 'e-motorbike-charger',
  interruptible: false,
  kw: CHARGER_KW,
  durationMinutes: 180,
  earliest: '17:00',
  latest: '07:00',
};
const base = tinyVillage('svc-village');
const dataset = villageDatasetSchema.parse({
  ...base,
  households: base.households.map((h) => (h.id === 'HH-1' ? { ...h, flexibleLoads: [charger] } : h)),
});

/** Local clock minute of an instant. */
const minuteOf = (ms: number) => ((((ms - dayStartMs) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
/** HH-1's meter as the households lived it: 0.5 kW fixed, and the charger at 02:00–05:00 as planned. */
const homeKw = (ms: number) => FIXED_KW + (minuteOf(ms) >= 120 && minuteOf(ms) < 300 ? CHARGER_KW : 0);

const readings: MeterSample[] = [];
{
  let kwh = 1000;
  for (let ms = dayStartMs - 15 * DAY_MS; ms <= dayStartMs - 6 * 3_600_000; ms += SLOT_MS) {
    readings.push({ ts: new Date(ms).toISOString(), kwhTotal: kwh, kw: homeKw(ms) });
    kwh += homeKw(ms) * 0.25;
  }
}

/** The plan of `date` (horizon noon to noon): the charger at 02:00–05:00 of the next morning. */
function storedPlan(date: string): EnergyPlan {
  const kw = Array.from({ length: 96 }, (_, t) => (t >= 56 && t < 68 ? CHARGER_KW : 0));
  return {
    planId: `e-${date}`,
    villageId: dataset.village.id,
    date,
    createdAt: `${date}T18:00:00+07:00`,
    slotMinutes: 15,
    startMinuteOfDay: 720,
    households: [
      { householdId: 'HH-1', loads: [{ loadId: 'charger', kw }], expectedCostVnd: 0, unmanagedCostVnd: 0 },
      { householdId: 'HH-2', loads: [], expectedCostVnd: 0, unmanagedCostVnd: 0 },
    ],
    villagePeakKw: 3,
    transformerLimitKw: 200,
    totalCostVnd: 0,
  };
}

function planningData(plans: readonly EnergyPlan[]) {
  const asked: { fromDate: string; toDate: string }[] = [];
  const data: PlanningData = {
    registry: { getDataset: async (id) => (id === dataset.village.id ? dataset : undefined) },
    readings: {
      listBinReadings: async () => [],
      listMeterReadings: async (meterId, { fromMs, toMs }) =>
        meterId === 'MTR-1'
          ? readings
              .filter((r) => Date.parse(r.ts) >= fromMs && Date.parse(r.ts) < toMs)
              .map((r) => ({ measuredAt: r.ts, kwhTotal: r.kwhTotal ?? 0, kw: r.kw ?? 0 }))
          : [],
    },
    plans: {
      listLatestEnergyPlans: async (villageId, range) => {
        asked.push(range);
        return plans.filter(
          (p) => p.villageId === villageId && p.date >= range.fromDate && p.date <= range.toDate,
        );
      },
    },
    settings: { getSettings: async () => ({ settings: defaultOperatorSettings() }) },
    stopReports: { lastCollectedAt: async () => new Map() },
  };
  return { data, asked };
}

/** The evening before DATE, as the scheduled plan runs; returns HH-1's base forecast, kW per slot. */
async function serviceForecast(plans: readonly EnergyPlan[]) {
  const { data, asked } = planningData(plans);
  const planner = createPlanner({
    data,
    clock: { nowMs: () => dayStartMs - 6 * 3_600_000 },
    tariffBook: evnBook(),
    energyTimeLimitMs: 2_000,
    newId: () => 'E-new',
  });
  const plan = await planner.planEnergy({ villageId: dataset.village.id, date: DATE });
  const calls = vi.mocked(planEnergyDay).mock.results;
  const result = calls[calls.length - 1];
  if (result?.type !== 'return') throw new Error('planEnergyDay was not called');
  const home = result.value.scenario.households.find((h) => h.id === 'HH-1');
  if (!home) throw new Error('HH-1 not in the scenario');
  return { plan, baseKw: home.baseKw, asked };
}

/** Horizon slot (from 12:00 on DATE) of a local clock time on DATE or, before noon, the next morning. */
const slotAt = (hh: number, mm: number) => ((hh * 60 + mm - 720 + 1440) % 1440) / 15;

describe('planner service: base-load forecast after days of following plans', () => {
  beforeEach(() => {
    vi.mocked(planEnergyDay).mockClear();
  });

  it('takes away the stored plans’ runs, not the charger run at will', async () => {
    // Every history day was planned: the plan of the day before put the charger at 02:00.
    const historyPlanDates = Array.from({ length: 15 }, (_, d) => zonedDate(dayStartMs - (15 - d) * DAY_MS));
    const { plan, baseKw, asked } = await serviceForecast(historyPlanDates.map(storedPlan));
    // The 14 history days and the day before them (its plan reaches past midnight).
    expect(asked).toEqual([{ fromDate: '2026-02-24', toDate: '2026-03-10' }]);
    // 17:30: the meter saw the fixed load only; an at-will charger run there would have taken it to 0.
    expect(baseKw[slotAt(17, 30)]).toBeCloseTo(FIXED_KW, 6);
    // 02:00: the planned charger run is not fixed load.
    expect(baseKw[slotAt(2, 0)]).toBeCloseTo(FIXED_KW, 6);
    expect(plan.households.find((h) => h.householdId === 'HH-1')?.loads[0]?.loadId).toBe('charger');
  }, 60_000);

  it('assumes the loads ran at will on days without a stored plan (the control)', async () => {
    const { baseKw } = await serviceForecast([]);
    // The at-will run 17:00–20:00 is taken from a meter that did not see it…
    expect(baseKw[slotAt(17, 30)]).toBe(0);
    // …and the planned run at 02:00 is left in as fixed load.
    expect(baseKw[slotAt(2, 0)]).toBeCloseTo(FIXED_KW + CHARGER_KW, 6);
  }, 60_000);
});
