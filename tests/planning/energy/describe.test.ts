import type { HouseholdSchedulePlan, ScenarioHousehold } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { describeHouseholdPlan, formatVnd, loadRuns } from '../../../packages/planning/src/energy/index.ts';

/** Hourly slots from 05:00: kW × 1 h = kWh, so the arithmetic stays by hand. */
const OPTIONS = { slotMinutes: 60, startMinuteOfDay: 5 * 60 };
const zeros = () => new Array<number>(24).fill(0);
const at = (values: Record<number, number>) => {
  const kw = zeros();
  for (const [slot, value] of Object.entries(values)) kw[Number(slot)] = value;
  return kw;
};

describe('describeHouseholdPlan', () => {
  const household: ScenarioHousehold = {
    id: 'PUMP-0001',
    baseKw: zeros(),
    loads: [
      { id: 'PUMP-0001', interruptible: true, kw: 2, energyKwh: 4, earliest: 0, latest: 12 },
      { id: 'MOTO', interruptible: true, kw: 1, energyKwh: 3, earliest: 17, latest: 24 },
    ],
  };
  // 05:00 and 06:00 cost 3,000; 11:00 and 12:00 cost 1,000; the night 1,500.
  const importPrice = zeros().map((_, t) =>
    t < 2 ? 3000 : t === 6 || t === 7 ? 1000 : t >= 17 ? 1500 : 2000,
  );
  const schedule: HouseholdSchedulePlan = {
    id: 'PUMP-0001',
    loads: [
      { id: 'PUMP-0001', kw: at({ 6: 2, 7: 2 }) },
      { id: 'MOTO', kw: at({ 18: 1, 19: 1, 21: 1 }) },
    ],
    pvUsedKw: zeros(),
  };
  const description = describeHouseholdPlan(household, schedule, {
    ...OPTIONS,
    prices: { importPrice },
    loadKinds: { 'PUMP-0001': 'irrigation-pump', MOTO: 'e-motorbike-charger' },
  });

  it('says when each load runs, in Vietnamese and English', () => {
    const pump = description.loads[0];
    expect(pump?.runs.map((run) => [run.from, run.to, run.kwh])).toEqual([['11:00', '13:00', 4]]);
    expect(pump?.sentence).toEqual({ vi: 'Chạy máy bơm 11:00–13:00', en: 'Run the pump 11:00–13:00' });
    const moto = description.loads[1];
    // 23:00–01:00 across midnight, then 02:00–03:00 on the next day.
    expect(moto?.runs.map((run) => [run.from, run.to, run.fromDayOffset, run.toDayOffset])).toEqual([
      ['23:00', '01:00', 0, 1],
      ['02:00', '03:00', 1, 1],
    ]);
    expect(moto?.sentence).toEqual({
      vi: 'Sạc xe máy điện 23:00–01:00 và 02:00–03:00 (hôm sau)',
      en: 'Charge the e-motorbike 23:00–01:00 and 02:00–03:00 (next day)',
    });
  });

  it('prices the plan against running at will', () => {
    // Plan: pump 4 kWh × 1,000 + charger 3 kWh × 1,500 = 8,500.
    expect(description.expectedCostVnd).toBeCloseTo(8500, 9);
    // At will: pump 2 kW at 05:00 and 06:00 (3,000), charger 22:00–01:00 (1,500): 12,000 + 4,500.
    expect(description.unmanagedCostVnd).toBeCloseTo(16_500, 9);
    expect(description.savingsVnd).toBeCloseTo(8000, 9);
    expect(description.importKwh).toBeCloseTo(7, 9);
    expect(description.peakKw).toBe(2);
    expect(description.summary).toEqual({
      vi: 'Tiền điện dự kiến 8.500 đ, tiết kiệm 8.000 đ so với dùng tùy ý.',
      en: 'Expected cost 8,500 VND, 8,000 VND less than running at will.',
    });
  });

  it('counts solar used, batteries and exports in the cost', () => {
    const solarHome: ScenarioHousehold = {
      id: 'H1',
      baseKw: at({ 7: 1, 15: 1 }),
      pvKw: at({ 7: 2 }),
      loads: [],
      battery: {
        capacityKwh: 5,
        maxChargeKw: 1,
        maxDischargeKw: 1,
        efficiency: 0.9,
        initialSocKwh: 1,
        minSocKwh: 0,
      },
    };
    const plan: HouseholdSchedulePlan = {
      id: 'H1',
      loads: [],
      battery: { chargeKw: at({ 7: 1 }), dischargeKw: at({ 15: 1 }) },
      pvUsedKw: at({ 7: 2 }),
    };
    const prices = {
      importPrice: new Array<number>(24).fill(2000),
      exportPrice: new Array<number>(24).fill(500),
    };
    const described = describeHouseholdPlan(solarHome, plan, { ...OPTIONS, prices });
    // Planned: noon 1 + 1 − 2 = 0; evening 1 − 1 = 0. At will: noon exports 1 kWh (+500), evening imports 1 (2,000).
    expect(described.expectedCostVnd).toBeCloseTo(0, 9);
    expect(described.unmanagedCostVnd).toBeCloseTo(1500, 9);
    expect(described.savingsVnd).toBeCloseTo(1500, 9);
    expect(described.summary.en).toBe('Expected cost 0 VND, 1,500 VND less than running at will.');
  });

  it('names a load it does not know by its id, and says so when nothing needs to run', () => {
    expect(
      describeHouseholdPlan(household, schedule, { ...OPTIONS, prices: { importPrice } }).loads[0]?.sentence,
    ).toEqual({
      vi: 'Chạy thiết bị PUMP-0001 11:00–13:00',
      en: 'Run PUMP-0001 11:00–13:00',
    });
    expect(loadRuns('X', zeros(), OPTIONS)).toEqual([]);
    expect(formatVnd(1_234_567.4, 'vi')).toBe('1.234.567 đ');
    expect(formatVnd(-2500, 'en')).toBe('-2,500 VND');
  });
});
