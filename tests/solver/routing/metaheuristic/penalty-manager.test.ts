import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PENALTY_PARAMS,
  initialPenalties,
  PenaltyManager,
} from '../../../../packages/solver/src/routing/metaheuristic/penalty-manager.ts';
import { loadCvrplib } from './support.ts';

const params = { ...DEFAULT_PENALTY_PARAMS, updateEvery: 10, targetFeasible: 0.5, tolerance: 0.05 };

function feed(manager: PenaltyManager, loadShare: number, timeShare: number, times = 1): boolean[] {
  const updates: boolean[] = [];
  for (let k = 0; k < times; k++) {
    for (let i = 0; i < params.updateEvery; i++) {
      updates.push(manager.register(i < loadShare * params.updateEvery, i < timeShare * params.updateEvery));
    }
  }
  return updates;
}

describe('PenaltyManager', () => {
  it('raises a penalty when too few outputs are feasible and lowers it when too many are', () => {
    const manager = new PenaltyManager({ load: 10, timeWarp: 10 }, params);
    const updates = feed(manager, 0.1, 0.9);
    expect(updates.filter(Boolean)).toHaveLength(1);
    expect(updates[updates.length - 1]).toBe(true);
    expect(manager.current.load).toBeCloseTo(10 * params.increase);
    expect(manager.current.timeWarp).toBeCloseTo(10 * params.decrease);
  });

  it('leaves penalties alone within the tolerance of the target', () => {
    const manager = new PenaltyManager({ load: 10, timeWarp: 3 }, params);
    feed(manager, 0.5, 0.5, 3);
    expect(manager.current).toEqual({ load: 10, timeWarp: 3 });
  });

  it('converges toward the target: repeated infeasibility keeps raising, within the bounds', () => {
    const manager = new PenaltyManager({ load: 1, timeWarp: 1 }, params);
    feed(manager, 0, 1, 200);
    expect(manager.current.load).toBeCloseTo(params.maxFactor);
    expect(manager.current.timeWarp).toBeCloseTo(params.minFactor);
  });

  it('boosts penalties for repair', () => {
    const manager = new PenaltyManager({ load: 2, timeWarp: 5 }, params);
    expect(manager.boosted).toEqual({ load: 2 * params.repairBooster, timeWarp: 5 * params.repairBooster });
  });

  it('starts from the largest distance over the largest demand (HGS)', () => {
    const problem = loadCvrplib('P-n16-k8');
    let maxDistance = 0;
    for (const d of problem.distance) maxDistance = Math.max(maxDistance, d);
    let maxDemand = 0;
    for (const q of problem.demand) maxDemand = Math.max(maxDemand, q);
    expect(initialPenalties(problem).load).toBeCloseTo(maxDistance / maxDemand);
  });
});
