import { describe, expect, it } from 'vitest';
import {
  estimateMonthlyBill,
  projectedMonthKwh,
  residentialBill,
  residentialMarginalPrice,
  tariffOn,
} from '../../../packages/planning/src/energy/index.ts';
import { evnBook } from './fixtures.ts';

const tariff = tariffOn(evnBook(), '2026-03-11');

describe('residentialBill', () => {
  it('charges 150 kWh as 50 × 1,984 + 50 × 2,050 + 50 × 2,380 and splits VAT out', () => {
    const bill = residentialBill(tariff, 150);
    expect(bill.energyVnd).toBe(50 * 1984 + 50 * 2050 + 50 * 2380); // 320,700
    expect(bill.lines.map((line) => [line.tier, line.kwh])).toEqual([
      [1, 50],
      [2, 50],
      [3, 50],
    ]);
    expect(bill.vatRate).toBe(0.08);
    expect(bill.vatVnd).toBeCloseTo(320_700 * 0.08, 6);
    expect(bill.totalVnd).toBeCloseTo(320_700 * 1.08, 6);
  });

  it('walks all six tiers', () => {
    const bill = residentialBill(tariff, 450);
    const expected = 50 * 1984 + 50 * 2050 + 100 * 2380 + 100 * 2998 + 100 * 3350 + 50 * 3460;
    expect(bill.energyVnd).toBe(expected);
    expect(bill.lines).toHaveLength(6);
    expect(residentialBill(tariff, 0).totalVnd).toBe(0);
    expect(residentialBill(tariff, 50).lines).toHaveLength(1);
    expect(residentialBill(tariff, 30.5).energyVnd).toBeCloseTo(30.5 * 1984, 9);
    expect(() => residentialBill(tariff, -1)).toThrow(/monthlyKwh/);
  });
});

describe('residentialMarginalPrice', () => {
  it('is the tier of the next kWh', () => {
    expect(residentialMarginalPrice(tariff, 0)).toBe(1984);
    expect(residentialMarginalPrice(tariff, 49.9)).toBe(1984);
    expect(residentialMarginalPrice(tariff, 50)).toBe(2050);
    expect(residentialMarginalPrice(tariff, 150)).toBe(2380);
    expect(residentialMarginalPrice(tariff, 250)).toBe(2998);
    expect(residentialMarginalPrice(tariff, 399)).toBe(3350);
    expect(residentialMarginalPrice(tariff, 10_000)).toBe(3460);
  });
});

describe('monthly bill estimate', () => {
  it('projects the month from the month so far and a typical day', () => {
    // March has 31 days; on the 11th, 21 days remain including the 11th.
    expect(projectedMonthKwh('2026-03-11', 5, 40)).toBe(40 + 5 * 21);
    expect(projectedMonthKwh('2026-02-01', 5)).toBe(5 * 28);
    const estimate = estimateMonthlyBill(tariff, { date: '2026-03-11', dailyKwh: 5, monthToDateKwh: 40 });
    expect(estimate.projectedKwh).toBe(145);
    expect(estimate.bill.energyVnd).toBe(50 * 1984 + 50 * 2050 + 45 * 2380);
  });
});
