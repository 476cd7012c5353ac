import { DomainError, tariffBookSchema } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { slotPrices, tariffOn, touBandAt } from '../../../packages/planning/src/energy/index.ts';
import { evnBook, twoVersionBook } from './fixtures.ts';

// Business below 6 kV in the EVN file: off-peak 1,918, normal 3,152, peak 5,422 VND/kWh.
const OFF = 1918;
const NORMAL = 3152;
const PEAK = 5422;

describe('the EVN tariff file', () => {
  it('parses and carries its sources, the six residential tiers and the Circular 16/2014 hours', () => {
    const book = evnBook();
    const version = tariffOn(book, '2025-05-10');
    expect(version.effectiveFrom).toBe('2025-05-10');
    expect(version.source.number).toBe('1279/QĐ-BCT');
    expect(version.timeOfUse.source.number).toBe('16/2014/TT-BCT');
    expect(version.residential.tiers.map((t) => t.priceVndPerKwh)).toEqual([
      1984, 2050, 2380, 2998, 3350, 3460,
    ]);
    expect(version.residential.tiers.map((t) => t.upToKwh)).toEqual([50, 100, 200, 300, 400, null]);
    expect(book.notes.some((note) => note.includes('TO BE VERIFIED'))).toBe(true);
  });
});

describe('tariffOn', () => {
  const book = twoVersionBook();

  it('picks the version in force on the date, switching on its effective date', () => {
    expect(tariffOn(book, '2025-05-10').effectiveFrom).toBe('2025-05-10');
    expect(tariffOn(book, '2026-05-31').effectiveFrom).toBe('2025-05-10');
    expect(tariffOn(book, '2026-06-01').effectiveFrom).toBe('2026-06-01');
    expect(tariffOn(book, '2030-01-01').effectiveFrom).toBe('2026-06-01');
  });

  it('pairs it with the VAT rate in force that day', () => {
    expect(tariffOn(book, '2026-12-31').vat.rate).toBe(0.08);
    expect(tariffOn(book, '2027-01-01').vat.rate).toBe(0.1);
  });

  it('refuses a date before the first version rather than guessing', () => {
    expect(() => tariffOn(book, '2025-05-09')).toThrow(DomainError);
    expect(() => tariffOn(book, '2025-05-09')).toThrow(/no tariff version/);
    expect(() => tariffOn(book, '2025-13-01')).toThrow(/invalid date/);
  });

  it('the plan follows the file: a later version moves the peak and the prices', () => {
    // Wednesday 2026-06-03 under the made-up version: peak 17:30–22:30, off-peak 00:00–06:00.
    const prices = slotPrices(tariffOn(book, '2026-06-03'), 'business-tou', '2026-06-03', 60, 24, 0);
    expect(prices.slice(0, 6)).toEqual(new Array(6).fill(2000));
    expect(prices[10]).toBe(3000);
    expect(prices[17]).toBe((3000 + 6000) / 2);
    expect(prices[20]).toBe(6000);
    expect(prices[22]).toBe((6000 + 3000) / 2);
  });
});

describe('slotPrices', () => {
  const version = tariffOn(evnBook(), '2026-03-11');

  it('follows the weekday periods (Wednesday, 30-minute slots)', () => {
    const prices = slotPrices(version, 'business-tou', '2026-03-11', 30, 48, 0);
    const at = (hh: number, mm = 0) => prices[(hh * 60 + mm) / 30];
    expect(at(0)).toBe(OFF);
    expect(at(3, 30)).toBe(OFF);
    expect(at(4)).toBe(NORMAL);
    expect(at(9)).toBe(NORMAL);
    expect(at(9, 30)).toBe(PEAK);
    expect(at(11)).toBe(PEAK);
    expect(at(11, 30)).toBe(NORMAL);
    expect(at(17)).toBe(PEAK);
    expect(at(19, 30)).toBe(PEAK);
    expect(at(20)).toBe(NORMAL);
    expect(at(22)).toBe(OFF);
    expect(at(23, 30)).toBe(OFF);
  });

  it('has no peak on Sunday', () => {
    const sunday = slotPrices(version, 'business-tou', '2026-03-15', 15, 96, 0);
    expect(sunday).not.toContain(PEAK);
    expect(sunday[40]).toBe(NORMAL); // 10:00
    expect(sunday[72]).toBe(NORMAL); // 18:00
    expect(sunday[90]).toBe(OFF); // 22:30
    expect(touBandAt(version.timeOfUse, 'sun', 18 * 60)).toBe('normal');
    expect(touBandAt(version.timeOfUse, 'sat', 18 * 60)).toBe('peak');
  });

  it('crosses midnight into the next day with that day’s rules (Saturday 05:00 → Sunday 05:00)', () => {
    const prices = slotPrices(version, 'business-tou', '2026-03-14', 15, 96, 5 * 60);
    const at = (hh: number, mm = 0) => prices[((hh * 60 + mm - 300 + 1440) % 1440) / 15];
    expect(at(10)).toBe(PEAK); // Saturday
    expect(at(18)).toBe(PEAK); // Saturday
    expect(at(23)).toBe(OFF);
    expect(at(1)).toBe(OFF); // Sunday night
    expect(at(4, 30)).toBe(NORMAL); // Sunday 04:30
    // Friday 18:00 → Saturday: the evening and Saturday morning both have peaks.
    const friday = slotPrices(version, 'business-tou', '2026-03-13', 60, 24, 18 * 60);
    expect(friday[0]).toBe(PEAK); // Fri 18:00
    expect(friday[16]).toBe(PEAK); // Sat 10:00
    // Saturday 18:00 → Sunday: no peak on Sunday morning.
    const saturday = slotPrices(version, 'business-tou', '2026-03-14', 60, 24, 18 * 60);
    expect(saturday[0]).toBe(PEAK); // Sat 18:00
    expect(saturday[16]).toBe(NORMAL); // Sun 10:00
  });

  it('averages a slot that straddles a boundary, and prices production and residential customers', () => {
    const hourly = slotPrices(version, 'business-tou', '2026-03-11', 60, 24, 0);
    expect(hourly[9]).toBe((NORMAL + PEAK) / 2); // 09:00–10:00: half normal, half peak
    const production = slotPrices(version, 'production-tou', '2026-03-11', 60, 24, 0);
    expect([production[2], production[13], production[18]]).toEqual([1300, 1987, 3640]);
    expect(slotPrices(version, 'residential-tiered', '2026-03-11', 60, 3, 0)).toEqual([1984, 1984, 1984]);
    expect(
      slotPrices(version, 'residential-tiered', '2026-03-11', 60, 2, 0, { residentialMonthKwh: 120 }),
    ).toEqual([2380, 2380]);
  });
});

describe('tariffBookSchema', () => {
  const raw = () => JSON.parse(JSON.stringify(evnBook()));

  it('rejects overlapping periods, unsorted versions and a closed last tier', () => {
    const overlap = raw();
    overlap.versions[0].timeOfUse.periods.push({ band: 'peak', days: ['sun'], from: '03:00', to: '05:00' });
    const result = tariffBookSchema.safeParse(overlap);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/overlaps/);

    const unsorted = raw();
    unsorted.versions.push({ ...unsorted.versions[0], effectiveFrom: '2024-01-01' });
    expect(tariffBookSchema.safeParse(unsorted).success).toBe(false);

    const closed = raw();
    closed.versions[0].residential.tiers[5].upToKwh = 500;
    expect(tariffBookSchema.safeParse(closed).success).toBe(false);
  });
});
