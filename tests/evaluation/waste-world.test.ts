import { createWasteWorld } from '@village/evaluation';
import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';

const START = Date.parse('2026-03-16T00:00:00+07:00');
const HOUR = 3_600_000;

/** One policy's world: true fill, telemetry, crews following ETAs. */
describe('waste world', () => {
  const village = generateDemoVillage({ seed: 3, households: 100, bins: 30, vehicles: 1 });

  it('gives every policy the same waste: worlds from one seed read alike until a crew acts', () => {
    const a = createWasteWorld(village, 9, START);
    const b = createWasteWorld(village, 9, START);
    for (let h = 0; h < 30; h++) {
      a.stepHour();
      b.stepHour();
    }
    for (const bin of village.bins) expect(a.readings.get(bin.id)).toEqual(b.readings.get(bin.id));
  });

  it('empties a bin at its planned ETA, in the hour it falls in, and records the crew’s report', () => {
    const world = createWasteWorld(village, 9, START);
    for (let h = 0; h < 40; h++) world.stepHour();
    const [first, second] = village.bins;
    const [vehicle] = village.vehicles;
    if (!first || !second || !vehicle) throw new Error('the village needs bins and a truck');
    const eta = (minutes: number) => new Date(world.nowMs() + minutes * 60_000).toISOString();
    world.follow({
      routes: [
        {
          vehicleId: vehicle.id,
          stops: [
            { kind: 'depot', siteId: 'DEPOT', eta: eta(0) },
            // Out of order on purpose: crews go by ETA.
            { kind: 'bin', siteId: second.id, eta: eta(90) },
            { kind: 'bin', siteId: first.id, eta: eta(20) },
          ],
        },
      ],
    });
    const before = world.latestReading(first.id)?.fillPercent ?? 0;
    const hour1 = world.stepHour();
    expect(hour1.collections.map((c) => c.binId)).toEqual([first.id]);
    expect(world.collectedAtMs.get(first.id)).toEqual([world.nowMs() - HOUR + 20 * 60_000]);
    const after = world.latestReading(first.id)?.fillPercent ?? 100;
    expect(after).toBeLessThan(Math.max(5, before));
    const hour2 = world.stepHour();
    expect(hour2.collections.map((c) => c.binId)).toEqual([second.id]);
    expect(world.stepHour().collections).toEqual([]);
  });

  it('counts a bin as overflowing every hour until it is emptied', () => {
    const world = createWasteWorld(village, 9, START);
    let overflowing = 0;
    // A week without collection: the fast bins overflow and stay so.
    for (let h = 0; h < 7 * 24; h++) overflowing = world.stepHour().overflowingBins;
    expect(overflowing).toBeGreaterThan(0);
    const full = village.bins.filter((bin) => (world.latestReading(bin.id)?.fillPercent ?? 0) >= 99);
    expect(full.length).toBeGreaterThan(0);
  });

  it('sends a full truck to the disposal site before the next bin, and counts the trip', () => {
    const world = createWasteWorld(village, 9, START);
    // Three days without collection: bins hold far more than a truck whose plan expected nothing.
    for (let h = 0; h < 72; h++) world.stepHour();
    const [vehicle] = village.vehicles;
    if (!vehicle) throw new Error('the village needs a truck');
    const eta = (minutes: number) => new Date(world.nowMs() + minutes * 60_000).toISOString();
    const bins = village.bins.map((bin, i) => ({ kind: 'bin', siteId: bin.id, eta: eta(1 + i) }));
    world.follow({ routes: [{ vehicleId: vehicle.id, stops: bins }] });
    const hour = world.stepHour();
    const litres = hour.collections.reduce((sum, c) => sum + c.litres, 0);
    expect(hour.collections).toHaveLength(village.bins.length);
    // Every truckload but the last one forced a trip: at least ⌈litres / capacity⌉ − 1 of them.
    expect(litres).toBeGreaterThan(vehicle.capacityLitres);
    expect(hour.forcedTrips.count).toBeGreaterThanOrEqual(Math.ceil(litres / vehicle.capacityLitres) - 1);
    expect(hour.forcedTrips.km).toBeGreaterThan(0);
    expect(hour.forcedTrips.minutes).toBeGreaterThan(hour.forcedTrips.count * 15 - 1e-9);
    expect(hour.forcedTrips.costVnd).toBeCloseTo(hour.forcedTrips.km * vehicle.costPerKmVnd, 6);
  });

  it('makes no unplanned trip when the plan unloads in time', () => {
    const world = createWasteWorld(village, 9, START);
    for (let h = 0; h < 72; h++) world.stepHour();
    const [vehicle] = village.vehicles;
    const [site] = village.disposalSites;
    if (!vehicle || !site) throw new Error('the village needs a truck and a disposal site');
    const eta = (minutes: number) => new Date(world.nowMs() + minutes * 60_000).toISOString();
    // An unload after every bin: the truck never holds more than one bin (≤ 660 l).
    const stops = village.bins.flatMap((bin, i) => [
      { kind: 'bin', siteId: bin.id, eta: eta(1 + 2 * i) },
      { kind: 'disposal', siteId: site.id, eta: eta(2 + 2 * i) },
    ]);
    world.follow({ routes: [{ vehicleId: vehicle.id, stops }] });
    const hour = world.stepHour();
    expect(hour.collections).toHaveLength(village.bins.length);
    expect(hour.forcedTrips).toEqual({ count: 0, km: 0, minutes: 0, costVnd: 0 });
  });
});
