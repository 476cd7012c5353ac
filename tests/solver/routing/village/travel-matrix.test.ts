import { describe, expect, it } from 'vitest';
import {
  fleetSpeedKmh,
  haversineKm,
  suppliedTravelMatrixSchema,
  travelMatrixFromCoordinates,
  travelMatrixFromSupplied,
} from '../../../../packages/solver/src/routing/village/travel-matrix.ts';

describe('haversineKm', () => {
  it('matches known great-circle distances', () => {
    // One degree along a meridian, and along the equator: π·R/180 with R = 6371.0088 km.
    expect(haversineKm({ lat: 10, lon: 106 }, { lat: 11, lon: 106 })).toBeCloseTo(111.195, 2);
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 2);
    // Paris (48.8566, 2.3522) – London (51.5074, −0.1278): 343.5 km by the haversine formula.
    expect(haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 })).toBeCloseTo(343.5, 0);
    expect(haversineKm({ lat: 10.95, lon: 106.75 }, { lat: 10.95, lon: 106.75 })).toBe(0);
  });
});

describe('travelMatrixFromCoordinates', () => {
  const points = [
    { lat: 10.95, lon: 106.75 },
    { lat: 10.96, lon: 106.75 },
    { lat: 10.95, lon: 106.77 },
  ];

  it('multiplies the straight line by the detour factor (default 1.3) and converts at the given speed', () => {
    const m = travelMatrixFromCoordinates(points, { speedKmh: 20 });
    const straight = haversineKm(points[0]!, points[1]!);
    expect(m.size).toBe(3);
    expect(m.distanceKm[1]).toBeCloseTo(straight * 1.3, 9);
    expect(m.durationMinutes[1]).toBeCloseTo(((straight * 1.3) / 20) * 60, 9);
    const custom = travelMatrixFromCoordinates(points, { speedKmh: 30, detourFactor: 1 });
    expect(custom.distanceKm[1]).toBeCloseTo(straight, 9);
    expect(custom.durationMinutes[1]).toBeCloseTo((straight / 30) * 60, 9);
  });

  it('is symmetric with a zero diagonal', () => {
    const m = travelMatrixFromCoordinates(points, { speedKmh: 20 });
    for (let i = 0; i < 3; i++) {
      expect(m.distanceKm[i * 3 + i]).toBe(0);
      for (let j = 0; j < 3; j++) {
        expect(m.distanceKm[i * 3 + j]).toBe(m.distanceKm[j * 3 + i]);
        expect(m.durationMinutes[i * 3 + j]).toBe(m.durationMinutes[j * 3 + i]);
      }
    }
  });

  it('rejects a detour factor below 1 and a non-positive speed', () => {
    expect(() => travelMatrixFromCoordinates(points, { speedKmh: 20, detourFactor: 0.9 })).toThrow(
      /detourFactor/,
    );
    expect(() => travelMatrixFromCoordinates(points, { speedKmh: 0 })).toThrow(/speedKmh/);
  });

  it('builds 1,000 locations quickly', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => ({
      lat: 10.9 + (i % 37) * 0.002,
      lon: 106.7 + i * 0.0001,
    }));
    const started = performance.now();
    const m = travelMatrixFromCoordinates(many, { speedKmh: 20 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(m.distanceKm.length).toBe(1_000_000);
  });
});

describe('supplied matrices', () => {
  const supplied = suppliedTravelMatrixSchema.parse({
    ids: ['A', 'B', 'C'],
    distanceKm: [
      [0, 1, 2],
      [1.5, 0, 3],
      [2, 3, 0],
    ],
    durationMinutes: [
      [0, 10, 20],
      [15, 0, 30],
      [20, 30, 0],
    ],
  });

  it('is reordered by id and may be asymmetric', () => {
    const m = travelMatrixFromSupplied(supplied, ['B', 'A']);
    expect([...m.distanceKm]).toEqual([0, 1.5, 1, 0]);
    expect([...m.durationMinutes]).toEqual([0, 15, 10, 0]);
  });

  it('must cover every location', () => {
    expect(() => travelMatrixFromSupplied(supplied, ['A', 'Z'])).toThrow(/"Z"/);
  });

  it('validates the shape', () => {
    const bad = suppliedTravelMatrixSchema.safeParse({
      ids: ['A', 'A'],
      distanceKm: [[0, 1]],
      durationMinutes: [
        [0, 1],
        [1, -1],
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages.some((m) => m.startsWith('ids'))).toBe(true);
    expect(messages.some((m) => m.startsWith('distanceKm'))).toBe(true);
    expect(messages.some((m) => m.startsWith('durationMinutes.1.1'))).toBe(true);
  });
});

describe('fleetSpeedKmh', () => {
  it('takes the slowest vehicle so no ETA is optimistic', () => {
    expect(fleetSpeedKmh([{ averageSpeedKmh: 25 }, { averageSpeedKmh: 20 }])).toBe(20);
  });
});
