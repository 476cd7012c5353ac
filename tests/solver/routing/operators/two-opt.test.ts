import { describe, expect, it } from 'vitest';
import { TwoOpt } from '../../../../packages/solver/src/routing/operators/two-opt.ts';
import { checkNodeOperator, FAMILIES } from './move-harness.ts';

describe('2-opt', () => {
  it.each(Object.keys(FAMILIES))(
    'predicts exact deltas of random reversals, reloads included (%s)',
    (family) => {
      const { applied } = checkNodeOperator((ctx) => new TwoOpt(ctx), {
        families: [family],
        seeds: 5,
        moves: 500,
        sameRouteShare: 1,
      });
      expect(applied).toBeGreaterThan(300);
    },
  );
});
