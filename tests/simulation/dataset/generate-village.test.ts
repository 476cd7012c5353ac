import { ValidationError, type VillageDataset, villageDatasetSchema } from '@village/domain';
import {
  distanceKm,
  estimateFixedPeakKw,
  estimateUnmanagedEveningPeakKw,
  generateDemoVillage,
  islandOutline,
  isOnIsland,
} from '@village/simulation';
import { beforeAll, describe, expect, it } from 'vitest';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

describe('generateDemoVillage', () => {
  let village: VillageDataset;
  beforeAll(() => {
    village = generateDemoVillage();
  });

  it('produces a dataset valid per the domain schema', () => {
    expect(() => villageDatasetSchema.parse(village)).not.toThrow();
    expect(village.village.id).toBe('bach-dang');
    expect(village.village.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('says plainly, in Vietnamese and English, that the layout is synthetic', () => {
    expect(village.village.dataNotice).toMatch(/giả lập/);
    expect(village.village.dataNotice).toMatch(/Synthetic/);
  });

  it('has the default counts: ~1,500 households, ~300 bins, 3 vehicles, 5–6 hamlets', () => {
    expect(village.households.length).toBeGreaterThanOrEqual(1_450);
    expect(village.households.length).toBeLessThanOrEqual(1_550);
    expect(village.bins.length).toBeGreaterThanOrEqual(290);
    expect(village.bins.length).toBeLessThanOrEqual(310);
    expect(village.vehicles).toHaveLength(3);
    expect(village.village.hamlets.length).toBeGreaterThanOrEqual(5);
    expect(village.village.hamlets.length).toBeLessThanOrEqual(6);
  });

  it('honours requested counts', () => {
    const small = generateDemoVillage({ seed: 3, households: 240, bins: 50, vehicles: 2 });
    expect(small.households).toHaveLength(240);
    expect(small.bins).toHaveLength(50);
    expect(small.vehicles).toHaveLength(2);
    expect(new Set(small.vehicles.map((v) => v.type))).toEqual(new Set(['compactor-truck', 'small-truck']));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { households: 200, bins: 40 };
    const a = generateDemoVillage({ seed: 7, ...options });
    const b = generateDemoVillage({ seed: 7, ...options });
    const c = generateDemoVillage({ seed: 8, ...options });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(c.households.map((h) => h.location)).not.toEqual(a.households.map((h) => h.location));
  });

  it('puts every household, bin, meter and the depot on the island, and the disposal site off it', () => {
    const offIsland = [
      ...village.households.map((h) => ({ id: h.id, at: h.location })),
      ...village.bins.map((b) => ({ id: b.id, at: b.location })),
      ...village.meters.map((m) => ({ id: m.id, at: m.location })),
      ...village.depots.map((d) => ({ id: d.id, at: d.location })),
    ].filter(({ at }) => !isOnIsland(at));
    expect(offIsland).toEqual([]);
    for (const site of village.disposalSites) expect(isOnIsland(site.location)).toBe(false);
  });

  it('draws an island about 5 km × 2 km around lat 11.07, lon 106.82', () => {
    const outline = islandOutline();
    let length = 0;
    for (const a of outline) for (const b of outline) length = Math.max(length, distanceKm(a, b));
    expect(length).toBeGreaterThan(4.5);
    expect(length).toBeLessThan(5.5);
    expect(isOnIsland({ lat: 11.07, lon: 106.82 })).toBe(true);
    // 1.5 km due north or south of the centre is river or mainland: the island is only ~2 km wide.
    expect(isOnIsland({ lat: 11.07 + 1.5 / 110.6, lon: 106.82 })).toBe(false);
    expect(isOnIsland({ lat: 11.07 - 1.5 / 110.6, lon: 106.82 })).toBe(false);
  });

  it('links the bridge to the mainland: the bridge crosses the shore', () => {
    const bridge = village.village.roads.find((r) => r.roadClass === 'bridge');
    expect(bridge).toBeDefined();
    const ends = bridge?.path ?? [];
    expect(ends.some((p) => isOnIsland(p))).toBe(true);
    expect(ends.some((p) => !isOnIsland(p))).toBe(true);
    const classes = new Set(village.village.roads.map((r) => r.roadClass));
    for (const roadClass of ['commune', 'hamlet', 'lane', 'bridge'] as const)
      expect(classes).toContain(roadClass);
  });

  it('uses unique, well-formed ids', () => {
    const groups = [village.households, village.meters, village.bins, village.vehicles];
    for (const items of groups) {
      const ids = items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => !ID_PATTERN.test(id))).toEqual([]);
    }
    const loadIds = village.households.flatMap((h) => h.flexibleLoads.map((l) => l.id));
    expect(new Set(loadIds).size).toBe(loadIds.length);
  });

  it('gives every household a meter of its own, pumps their own pump meters, and the transformer one', () => {
    const meters = new Map(village.meters.map((m) => [m.id, m]));
    const problems: string[] = [];
    for (const household of village.households) {
      if (meters.get(household.meterId)?.householdId !== household.id) problems.push(`${household.id} meter`);
      for (const load of household.flexibleLoads.filter((l) => l.kind === 'irrigation-pump')) {
        const pump = meters.get(load.id);
        if (pump?.kind !== 'pump' || pump.householdId !== household.id)
          problems.push(`${load.id} pump meter`);
      }
    }
    expect(problems).toEqual([]);
    expect([...meters.values()].some((m) => m.kind === 'pump')).toBe(true);
    const transformerMeter = meters.get(village.village.transformer.meterId);
    expect(transformerMeter?.kind).toBe('transformer');
    expect(transformerMeter?.householdId).toBeUndefined();
  });

  it('has a plausible rural energy mix', () => {
    const homes = village.households.filter((h) => h.tariff === 'residential-tiered');
    expect(homes.length / village.households.length).toBeGreaterThan(0.8);
    const baseLoads = homes.map((h) => h.baseLoadKwhPerDay);
    expect(Math.min(...baseLoads)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...baseLoads)).toBeLessThanOrEqual(10);
    const solarShare = village.households.filter((h) => h.solar).length / village.households.length;
    expect(solarShare).toBeGreaterThan(0.08);
    expect(solarShare).toBeLessThan(0.18);
    const peaks = village.households.flatMap((h) => (h.solar ? [h.solar.peakKw] : []));
    expect(Math.min(...peaks)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...peaks)).toBeLessThanOrEqual(10);
    expect(village.households.filter((h) => h.battery && !h.solar)).toEqual([]);
    const kinds = new Set(village.households.flatMap((h) => h.flexibleLoads.map((l) => l.kind)));
    expect(kinds).toEqual(
      new Set(['irrigation-pump', 'e-motorbike-charger', 'ev-charger', 'water-heater', 'rice-husk-dryer']),
    );
    expect(village.households.some((h) => h.tariff === 'business-tou')).toBe(true);
  });

  it('sizes the transformer so the unmanaged evening peak exceeds its limit, but not absurdly', () => {
    const { transformer } = village.village;
    const peak = estimateUnmanagedEveningPeakKw(village.households, 12345);
    expect(peak).toBeGreaterThan(transformer.limitKw);
    expect(peak).toBeLessThan(transformer.limitKw * 1.5);
    expect(transformer.limitKw).toBeLessThanOrEqual(transformer.ratedKva);
    expect(transformer.ratedKva).toBeGreaterThanOrEqual(630);
    expect(transformer.ratedKva).toBeLessThanOrEqual(1_250);
  });

  it('sizes the transformer for the fixed load: at most 90 % of the limit on weekdays and weekends', () => {
    const { transformer } = village.village;
    // The dataset's own noise seed is internal; the fixed peak moves by a few kW between seeds.
    const fixedPeak = estimateFixedPeakKw(village.households, 12345);
    expect(fixedPeak).toBeLessThanOrEqual(transformer.limitKw * 0.9 + 10);
    expect(fixedPeak).toBeGreaterThan(transformer.limitKw * 0.6);
  });

  it('places 660 l market and school bins with collection windows, and some lane bins only the small truck reaches', () => {
    const market = village.bins.filter((b) => b.kind === 'market');
    const school = village.bins.filter((b) => b.kind === 'school');
    expect(market.length).toBeGreaterThan(0);
    expect(school.length).toBeGreaterThan(0);
    for (const bin of [...market, ...school]) {
      expect(bin.capacityLitres).toBe(660);
      expect(bin.timeWindow).toBeDefined();
    }
    const smallOnly = village.bins.filter(
      (b) => b.accessibleBy.length === 1 && b.accessibleBy[0] === 'small-truck',
    );
    expect(smallOnly.length / village.bins.length).toBeGreaterThan(0.05);
    expect(smallOnly.length / village.bins.length).toBeLessThan(0.5);
    const densities = village.bins.map((b) => b.fullKg / b.capacityLitres);
    expect(Math.min(...densities)).toBeGreaterThanOrEqual(0.09);
    expect(Math.max(...densities)).toBeLessThanOrEqual(0.21);
  });

  it('has an island depot and a mainland disposal site open in the morning', () => {
    const [site] = village.disposalSites;
    expect(site?.openingHours).toEqual({ open: '05:00', close: '17:00' });
    expect(site?.acceptsStreams).toEqual(['general', 'organic', 'recyclable']);
    for (const vehicle of village.vehicles) expect(vehicle.depotId).toBe(village.depots[0]?.id);
  });

  it('rejects nonsense options with a validation error naming the option', () => {
    expect(() => generateDemoVillage({ households: 0 })).toThrow(ValidationError);
    expect(() => generateDemoVillage({ bins: 2.5 })).toThrow(/bins/);
  });
});
