import { describe, expect, it } from 'vitest';
import { TwoOptStar } from '../../../../packages/solver/src/routing/operators/two-opt-star.ts';
import { checkNodeOperator, FAMILIES } from './move-harness.ts';

describe('2-opt*', () => {
  it.each(Object.keys(FAMILIES))(
    'predicts exact deltas of tail swaps, with and without reversal (%s)',
    (family) => {
      for (const reversed of [false, true]) {
        const { applied } = checkNodeOperator((ctx) => new TwoOptStar(ctx, { reversed }), {
          families: [family],
          seeds: 5,
          moves: 400,
          sameRouteShare: 0,
        });
        expect(applied).toBeGreaterThan(300);
      }
    },
  );
});
