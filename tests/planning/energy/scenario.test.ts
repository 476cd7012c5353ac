import { type FlexibleLoad, type Household, loadScenarioSchema, ValidationError } from '@village/domain';
import { describe, expect, it } from 'vitest';
import {
  assembleLoadScenario,
  buildLoadScenario,
  loadWindowSlots,
  residentialMarginalPrice,
  separatelyMeteredLoads,
  slotPrices,
  tariffOn,
} from '../../../packages/planning/src/energy/index.ts';
import { evnBook } from './fixtures.ts';

/** Wednesday, 15-minute slots from 05:00 to 05:00: slot of a clock time. */
const HORIZON = { slotMinutes: 15, slots: 96, startMinuteOfDay: 5 * 60 };
const slotAt = (hh: number, mm = 0) => ((hh * 60 + mm - 300 + 1440) % 1440) / 15;
const flat = (kw: number) => new Array<number>(96).fill(kw);

function household(
  id: string,
  tariff: Household['tariff'],
  loads: FlexibleLoad[],
  extra: Partial<Household> = {},
): Household {
  return {
    id,
    villageId: 'bach-dang',
    hamletId: 'ap-1',
    name: id,
    address: 'test',
    location: { lat: 11.05, lon: 106.75 },
    residents: 4,
    meterId: `MTR-${id}`,
    tariff,
    baseLoadKwhPerDay: 6,
    flexibleLoads: loads,
    ...extra,
  };
}

const charger = (id: string, earliest: string, latest: string, kw = 1, energyKwh = 3): FlexibleLoad => ({
  id,
  kind: 'e-motorbike-charger',
  interruptible: true,
  kw,
  energyKwh,
  earliest,
  latest,
});

const home = household(
  'H1',
  'residential-tiered',
  [
    charger('H1-MOTO1', '18:00', '06:00'),
    charger('H1-MOTO2', '22:00', '04:00'),
    charger('H1-LATE', '03:00', '07:00', 2, 5),
    charger('H1-ODD', '05:10', '08:50'),
    {
      id: 'H1-WH1',
      kind: 'water-heater',
      interruptible: false,
      kw: 2.5,
      durationMinutes: 45,
      earliest: '16:30',
      latest: '21:30',
    },
    {
      id: 'H1-DRY',
      kind: 'rice-husk-dryer',
      interruptible: false,
      kw: 7.5,
      durationMinutes: 420,
      earliest: '03:00',
      latest: '07:00',
    },
  ],
  {
    solar: { peakKw: 3 },
    battery: {
      capacityKwh: 5,
      maxChargeKw: 2.5,
      maxDischargeKw: 2.5,
      efficiency: 0.92,
      minSocKwh: 0.5,
      initialSocKwh: 2.5,
    },
  },
);
const shop = household('H2', 'business-tou', [charger('H2-MOTO1', '19:00', '05:30')]);
const farm = household('H3', 'residential-tiered', [
  {
    id: 'PUMP-0001',
    kind: 'irrigation-pump',
    interruptible: true,
    kw: 1.5,
    energyKwh: 4.5,
    earliest: '05:00',
    latest: '17:00',
  },
]);
const pvKw = Array.from({ length: 96 }, (_, t) => (t >= slotAt(7) && t < slotAt(17) ? 1.5 : 0));

function assemble() {
  return assembleLoadScenario({
    ...HORIZON,
    date: '2026-03-11',
    tariffBook: evnBook(),
    transformerKw: 50,
    households: [
      { household: home, baseKw: flat(0.25), pvKw, monthToDateKwh: 30, sellsSolarSurplus: true },
      { household: shop, baseKw: flat(1) },
      {
        household: farm,
        baseKw: flat(0.1),
        separatelyMetered: separatelyMeteredLoads(farm, [
          {
            id: 'PUMP-0001',
            villageId: 'bach-dang',
            kind: 'pump',
            householdId: 'H3',
            location: { lat: 11, lon: 106.7 },
          },
        ]),
      },
    ],
  });
}

describe('loadWindowSlots', () => {
  it('maps clock windows to slots, wrapping past midnight and cutting at the horizon end', () => {
    expect(loadWindowSlots(HORIZON, '16:30', '21:30')).toEqual({ earliest: 46, latest: 66, cut: false });
    expect(loadWindowSlots(HORIZON, '22:00', '04:00')).toEqual({ earliest: 68, latest: 92, cut: false });
    expect(loadWindowSlots(HORIZON, '18:00', '06:00')).toEqual({ earliest: 52, latest: 96, cut: true });
    expect(loadWindowSlots(HORIZON, '05:10', '08:50')).toEqual({ earliest: 1, latest: 15, cut: false });
    // A horizon from midnight: the evening window runs to midnight and is cut there.
    expect(loadWindowSlots({ ...HORIZON, startMinuteOfDay: 0 }, '18:00', '06:00')).toEqual({
      earliest: 72,
      latest: 96,
      cut: true,
    });
  });
});

describe('buildLoadScenario', () => {
  const { scenario, connections, notes, tariff } = assemble();
  const entry = (id: string) => scenario.households.find((h) => h.id === id);

  it('builds a scenario the public contract accepts, unchanged by parsing', () => {
    expect(loadScenarioSchema.parse(scenario)).toEqual(scenario);
    expect(scenario.households.map((h) => h.id)).toEqual(['H1', 'H2', 'PUMP-0001', 'H3']);
    expect(scenario.transformerKw).toBe(50);
  });

  it('maps every window to the right slots, including those wrapping midnight', () => {
    const loads = Object.fromEntries((entry('H1')?.loads ?? []).map((load) => [load.id, load]));
    expect(loads['H1-MOTO1']).toMatchObject({
      interruptible: true,
      earliest: slotAt(18),
      latest: 96,
      energyKwh: 3,
    });
    expect(loads['H1-MOTO2']).toMatchObject({ earliest: slotAt(22), latest: slotAt(4) });
    expect(loads['H1-ODD']).toMatchObject({ earliest: 1, latest: 15 });
    expect(loads['H1-WH1']).toEqual({
      id: 'H1-WH1',
      interruptible: false,
      kw: 2.5,
      durationSlots: 3,
      earliest: 46,
      latest: 66,
    });
    // 03:00–07:00 is cut at 05:00: 2 kW × 2 h = 4 of the 5 kWh asked.
    expect(loads['H1-LATE']).toMatchObject({ earliest: slotAt(3), latest: 96, energyKwh: 4 });
    expect(loads['H1-DRY']).toBeUndefined();
    expect(notes.map((note) => [note.loadId, note.code])).toEqual([
      ['H1-LATE', 'ENERGY_CAPPED'],
      ['H1-DRY', 'WINDOW_TOO_SHORT'],
    ]);
    expect(entry('H1')?.battery).toMatchObject({ capacityKwh: 5, initialSocKwh: 2.5, minSocKwh: 0.5 });
  });

  it('prices residential homes flat at their projected month tier, TOU customers by slot', () => {
    const h1 = connections.find((c) => c.id === 'H1');
    // Month so far 30 kWh + 21 days × (net fixed load + flexible loads) → well into tier 3 or beyond.
    expect(h1?.pricingMonthKwh).toBeGreaterThan(200);
    const h1Price = residentialMarginalPrice(tariff, h1?.pricingMonthKwh ?? 0);
    expect(entry('H1')?.importPrice).toEqual(flat(h1Price));
    // Sells its surplus: export at the book's price, never above import.
    expect(entry('H1')?.exportPrice).toEqual(flat(670));
    expect(entry('H2')?.importPrice).toEqual(slotPrices(tariff, 'business-tou', '2026-03-11', 15, 96, 300));
    expect(entry('H2')?.importPrice?.[slotAt(18)]).toBe(5422);
    expect(entry('H2')?.exportPrice).toBeUndefined();
    // A home with 2.4 kWh/day and no loads: 2.4 × 31 = 74.4 kWh → tier 2.
    expect(connections.find((c) => c.id === 'H3')?.pricingMonthKwh).toBeCloseTo(2.4 * 31, 9);
    expect(entry('H3')?.importPrice?.[0]).toBe(2050);
  });

  it('makes a separately metered pump its own connection on the production tariff', () => {
    const pump = entry('PUMP-0001');
    expect(pump?.baseKw).toEqual(flat(0));
    expect(pump?.loads).toEqual([
      { id: 'PUMP-0001', interruptible: true, kw: 1.5, energyKwh: 4.5, earliest: 0, latest: slotAt(17) },
    ]);
    expect(pump?.importPrice?.[slotAt(10)]).toBe(3640);
    expect(pump?.importPrice?.[slotAt(13)]).toBe(1987);
    expect(entry('H3')?.loads).toEqual([]);
    expect(connections.find((c) => c.id === 'PUMP-0001')).toEqual({
      id: 'PUMP-0001',
      householdId: 'H3',
      tariff: 'production-tou',
    });
  });

  it('projects a residential price from the month so far', () => {
    const quiet = household('H9', 'residential-tiered', []);
    const build = (monthToDateKwh?: number) =>
      buildLoadScenario({
        ...HORIZON,
        date: '2026-03-11',
        tariffBook: evnBook(),
        transformerKw: 10,
        households: [
          {
            household: quiet,
            baseKw: flat(0.25),
            ...(monthToDateKwh === undefined ? {} : { monthToDateKwh }),
          },
        ],
      }).households[0]?.importPrice?.[0];
    expect(build(30)).toBe(2380); // 30 + 6 × 21 = 156 kWh
    expect(build(0)).toBe(2380); // 126 kWh
    expect(build(300)).toBe(3460); // 426 kWh
  });

  it('refuses forecasts of the wrong length with the field named', () => {
    const bad = () =>
      buildLoadScenario({
        ...HORIZON,
        date: '2026-03-11',
        tariffBook: evnBook(),
        transformerKw: 10,
        households: [{ household: shop, baseKw: flat(1).slice(0, 90) }],
      });
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (error) {
      expect((error as ValidationError).details.map((d) => d.field)).toContain('households.0.baseKw');
    }
  });

  it('uses the version in force on the date', () => {
    expect(tariff.effectiveFrom).toBe(tariffOn(evnBook(), '2026-03-11').effectiveFrom);
  });
});
