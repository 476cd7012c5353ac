import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { buildProblem } from '../../../../packages/solver/src/routing/village/build-problem.ts';
import {
  type CollectionRequestInput,
  parseCollectionRequest,
} from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { bin, compactor, depot, disposal, may, must, request, smallTruck } from './fixtures.ts';

const build = (input: CollectionRequestInput) => buildProblem(parseCollectionRequest(input));

describe('buildProblem: locations and clients', () => {
  const built = build(
    request({
      vehicles: [compactor('VEH-01'), smallTruck('VEH-02'), compactor('VEH-03')],
      bins: [
        must(bin('BIN-1', 1, { timeWindow: { open: '06:30', close: '08:15' } })),
        may(bin('BIN-2', 2, { accessibleBy: ['small-truck'], stream: 'organic' }), 12_000, 50),
        must(bin('BIN-3', 3, { capacityLitres: 660, fullKg: 120, serviceMinutes: 3 }), 75),
      ],
    }),
  );
  const { input } = built;

  it('numbers depots first (depot, disposal site), then the bins in request order', () => {
    expect(built.locations.map((l) => `${l.kind}:${l.id}`)).toEqual([
      'depot:DEPOT-01',
      'disposal:DISPOSAL-01',
      'bin:BIN-1',
      'bin:BIN-2',
      'bin:BIN-3',
    ]);
    expect(input.depots).toHaveLength(2);
    expect(input.clients).toHaveLength(3);
    expect(built.clients.map((c) => c.bin.id)).toEqual(['BIN-1', 'BIN-2', 'BIN-3']);
    const data = createProblem(input);
    expect(data.numLocations).toBe(5);
  });

  it('uses two load dimensions, litres and kg, from the predicted fill', () => {
    expect(input.numLoadDimensions).toBe(2);
    expect(input.clients[0]!.demand).toEqual([240, 40]);
    expect(input.clients[1]!.demand).toEqual([120, 20]);
    expect(input.clients[2]!.demand).toEqual([495, 90]);
    expect(input.clients[2]!.serviceDuration).toBe(3);
  });

  it('turns time windows into minutes since local midnight', () => {
    expect(input.clients[0]).toMatchObject({ twEarly: 390, twLate: 495 });
    expect(input.clients[1]!.twEarly).toBeUndefined();
  });

  it('marks must bins required and gives may bins their value as prize', () => {
    expect(input.clients.map((c) => c.required)).toEqual([true, false, true]);
    expect(input.clients[1]!.prize).toBe(12_000);
  });

  it('groups identical vehicles into one type and maps accessibleBy to type indices', () => {
    expect(built.fleet.map((t) => t.vehicles.map((v) => v.id))).toEqual([['VEH-01', 'VEH-03'], ['VEH-02']]);
    expect(input.vehicleTypes.map((t) => t.numAvailable)).toEqual([2, 1]);
    expect(input.clients[0]!.allowedVehicleTypes).toEqual([0, 1]);
    expect(input.clients[1]!.allowedVehicleTypes).toEqual([1]);
    expect(input.vehicleTypes[0]).toMatchObject({
      capacity: [8_000, 3_200],
      fixedCost: 1_800_000,
      unitDistanceCost: 7_500,
    });
  });

  it('makes the disposal site the end location and a reload depot; the depot leg is taken off the shift', () => {
    const [compactors, small] = built.fleet;
    const vt = input.vehicleTypes[0]!;
    expect(vt.startDepot).toBe(0);
    expect(vt.endDepot).toBe(1);
    expect(vt.reloadDepots).toEqual([1]);
    expect(input.depots[1]).toEqual({ twEarly: 300, twLate: 1_020, serviceDuration: 15 });
    // ~3.28 km straight × 1.3 at 20 km/h (the fleet's slowest) ≈ 12.8 minutes back to the depot.
    const back = compactors!.returnMinutes;
    expect(back).toBeGreaterThan(12);
    expect(back).toBeLessThan(14);
    expect(vt.twEarly).toBe(300);
    expect(vt.twLate).toBeCloseTo(780 - 15 - back, 9);
    expect(vt.maxDuration).toBeCloseTo(480 - 15 - back, 9);
    expect(input.vehicleTypes[1]!.twEarly).toBe(330);
    expect(small!.returnKm).toBeCloseTo(compactors!.returnKm, 9);
  });

  it('notes that one truck would mix streams', () => {
    expect(built.notes.some((n) => n.includes('general, organic'))).toBe(true);
  });

  it('adds crew cost per minute and, with balance, a soft duration limit with overtime', () => {
    const balanced = build(
      request({ vehicles: [compactor('A'), compactor('B')], balance: true, crewCostPerHourVnd: 120_000 }),
    );
    const vt = balanced.input.vehicleTypes[0]!;
    expect(vt.unitDurationCost).toBe(2_000);
    expect(vt.overtimeUnitCost).toBeCloseTo(200_000 / 60, 9);
    expect(vt.softDurationLimit).toBeGreaterThanOrEqual(0);
    expect(balanced.fairDayMinutes).toBeGreaterThan(0);
    expect(build(request()).input.vehicleTypes[0]!.softDurationLimit).toBeUndefined();
  });
});

describe('buildProblem: several disposal sites', () => {
  it('ends each vehicle at the site closest to its depot; every accepting site is a reload depot', () => {
    const far = { ...disposal, id: 'DISPOSAL-FAR', location: { lat: 10.95, lon: 106.85 } };
    const organicOnly = {
      ...disposal,
      id: 'COMPOST',
      location: { lat: 10.95, lon: 106.751 },
      acceptsStreams: ['organic' as const],
    };
    const built = build(request({ disposalSites: [far, disposal, organicOnly] }));
    expect(built.fleet[0]!.disposalSite.id).toBe('DISPOSAL-01');
    expect(built.input.vehicleTypes[0]!.endDepot).toBe(2);
    expect(built.input.vehicleTypes[0]!.reloadDepots).toEqual([1, 2]);
  });
});

describe('buildProblem: supplied matrix', () => {
  it('reads distances and durations by id', () => {
    const ids = ['BIN-2', 'DEPOT-01', 'BIN-1', 'DISPOSAL-01'];
    const rows = ids.map((_, i) => ids.map((__, j) => (i === j ? 0 : 10 * (i + 1) + j)));
    const built = build(request({ travelMatrix: { ids, distanceKm: rows, durationMinutes: rows } }));
    const data = createProblem(built.input);
    // Problem order: DEPOT-01, DISPOSAL-01, BIN-1, BIN-2 → supplied rows 1, 3, 2, 0.
    expect(data.distance[0 * 4 + 2]).toBe(22); // DEPOT-01 → BIN-1
    expect(data.duration[3 * 4 + 1]).toBe(13); // BIN-2 → DISPOSAL-01
  });
});

describe('buildProblem: re-planning', () => {
  const vehicles = [compactor('VEH-01'), compactor('VEH-02')];
  const bins = [
    must(bin('BIN-1', 1)),
    must(bin('BIN-2', 2)),
    must(bin('BIN-3', 3, { timeWindow: { open: '09:00', close: '10:00' } })),
    must(bin('BIN-4', 4)),
  ];
  const built = build(
    request({
      vehicles,
      bins,
      vehicleStates: [
        {
          vehicleId: 'VEH-02',
          position: { lat: 10.95, lon: 106.75 + 1.5 / 109.3 },
          at: '2026-12-01T08:00:00+07:00',
          loadLitres: 1_000,
          loadKg: 200,
          completedStops: [
            {
              siteId: 'DEPOT-01',
              arrivedAt: '2026-12-01T05:00:00+07:00',
              departedAt: '2026-12-01T05:00:00+07:00',
              loadLitresAfter: 0,
              loadKgAfter: 0,
            },
            {
              siteId: 'BIN-1',
              arrivedAt: '2026-12-01T05:10:00+07:00',
              departedAt: '2026-12-01T05:12:00+07:00',
              loadLitresAfter: 240,
              loadKgAfter: 40,
            },
          ],
          plannedStops: ['BIN-3', 'BIN-2', 'BIN-4'],
          keepNextStops: 1,
        },
      ],
    }),
  );
  const replan = built.replans.get('VEH-02')!;

  it('excludes completed and committed bins from the problem', () => {
    expect([...built.completedBinIds]).toEqual(['BIN-1']);
    expect(built.clients.map((c) => c.bin.id)).toEqual(['BIN-2', 'BIN-4']);
  });

  it('simulates the committed stops: travel, wait for the window, service, load', () => {
    expect(replan.reportedMinutes).toBe(480);
    expect(replan.committed).toHaveLength(1);
    const kept = replan.committed[0]!;
    expect(kept.siteId).toBe('BIN-3');
    expect(kept.arrivalMinutes).toBeGreaterThan(480);
    expect(kept.serviceStartMinutes).toBe(540);
    expect(kept.departureMinutes).toBe(542);
    expect(replan.startMinutes).toBe(542);
    expect(replan.loadLitres).toBe(1_240);
    expect(replan.loadKg).toBe(240);
  });

  it('gives the re-planned vehicle its own type starting at its committed end, time and load', () => {
    expect(built.fleet.map((t) => t.vehicles.map((v) => v.id))).toEqual([['VEH-01'], ['VEH-02']]);
    const start = built.locations.findIndex((l) => l.kind === 'start');
    expect(built.locations[start]).toMatchObject({
      kind: 'start',
      id: 'VEH-02',
      universe: built.universe.binLocation.get('BIN-3'),
    });
    const vt = built.input.vehicleTypes[1]!;
    expect(vt).toMatchObject({
      numAvailable: 1,
      startDepot: start,
      endDepot: 1,
      twEarly: 542,
      initialLoad: [1_240, 240],
      fixedCost: 0,
    });
    // The shift's 480 minutes less the time gone since 05:00 and the final unload and drive home.
    const tail = 15 + built.fleet[1]!.returnMinutes;
    expect(vt.maxDuration).toBeCloseTo(480 - (542 - 300) - tail, 9);
    expect(built.sunkTypes).toEqual([false, true]);
  });

  it('refuses committed stops it cannot simulate and unknown vehicles', () => {
    expect(() =>
      build(
        request({
          vehicleStates: [
            {
              vehicleId: 'VEH-09',
              position: { lat: 10.95, lon: 106.75 },
              at: '2026-12-01T08:00:00+07:00',
              loadLitres: 0,
              loadKg: 0,
              plannedStops: ['BIN-X'],
              keepNextStops: 1,
            },
          ],
        }),
      ),
    ).toThrow(/validation failed/);
  });
});

describe('parseCollectionRequest', () => {
  it('names the offending fields', () => {
    try {
      parseCollectionRequest({
        ...request(),
        vehicles: [compactor('V', { depotId: 'NOPE' })],
        bins: [must(bin('B', 1), 120)],
      });
      expect.unreachable();
    } catch (error) {
      const fields = (error as { details: { field: string }[] }).details.map((d) => d.field);
      expect(fields).toContain('vehicles.0.depotId');
      expect(fields).toContain('bins.0.predictedFillPercent');
    }
  });

  it('accepts the fixture request with defaults filled in', () => {
    const parsed = parseCollectionRequest(request());
    expect(parsed).toMatchObject({
      balance: false,
      detourFactor: 1.3,
      timeZone: 'Asia/Ho_Chi_Minh',
      vehicleStates: [],
    });
    expect(parsed.depots).toEqual([depot]);
  });
});
