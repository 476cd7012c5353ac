import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';
import { buildProblem } from '../../../../packages/solver/src/routing/village/build-problem.ts';
import { parseCollectionRequest } from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { generateVillageInstance } from '../../../../packages/solver/src/routing/village/village-instance.ts';

const dataset = generateDemoVillage({ seed: 7, vehicles: 3 });

describe('generateVillageInstance', () => {
  it('builds a valid 500-bin, 4-vehicle day with 20 % windows and must/may bins', () => {
    const request = parseCollectionRequest(generateVillageInstance(dataset, { seed: 3, bins: 500 }));
    expect(request.bins).toHaveLength(500);
    expect(new Set(request.bins.map((b) => b.bin.id)).size).toBe(500);
    expect(request.vehicles.map((v) => v.id)).toEqual(['VEH-01', 'VEH-02', 'VEH-03', 'VEH-04']);
    expect(request.bins.filter((b) => b.bin.timeWindow)).toHaveLength(100);
    const musts = request.bins.filter((b) => b.mustCollect);
    const mays = request.bins.filter((b) => !b.mustCollect);
    expect(musts.length).toBeGreaterThan(50);
    expect(mays.length).toBeGreaterThan(250);
    expect(mays.every((b) => b.valueVnd > 0)).toBe(true);
    // More than one truckload: disposal trips are needed.
    const litres = request.bins.reduce(
      (s, b) => s + (b.predictedFillPercent / 100) * b.bin.capacityLitres,
      0,
    );
    expect(litres).toBeGreaterThan(2 * 8_000);
  });

  it('samples fewer bins than the dataset without duplicates and is deterministic per seed', () => {
    const a = generateVillageInstance(dataset, { seed: 5, bins: 250 });
    const b = generateVillageInstance(dataset, { seed: 5, bins: 250 });
    const c = generateVillageInstance(dataset, { seed: 6, bins: 250 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.bins.every((e) => !e.bin.id.includes('-C'))).toBe(true);
  });

  it('compiles to a solver problem quickly, with few bins set aside', () => {
    const started = performance.now();
    const built = buildProblem(
      parseCollectionRequest(generateVillageInstance(dataset, { seed: 1, bins: 600 })),
    );
    const data = createProblem(built.input);
    expect(performance.now() - started).toBeLessThan(500);
    expect(data.numClients + built.rejected.length).toBe(600);
    expect(built.rejected.length).toBeLessThan(30);
  });
});
