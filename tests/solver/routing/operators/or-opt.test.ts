import { describe, expect, it } from 'vitest';
import { createOrOpt } from '../../../../packages/solver/src/routing/operators/or-opt.ts';
import { checkNodeOperator, FAMILIES } from './move-harness.ts';

describe('or-opt', () => {
  it.each(Object.keys(FAMILIES))(
    'predicts exact deltas for strings of 2 and 3, forwards and backwards (%s)',
    (family) => {
      for (const [length, reversed] of [
        [2, false],
        [3, false],
        [2, true],
        [3, true],
      ] as const) {
        const { applied } = checkNodeOperator((ctx) => createOrOpt(ctx, length, { reversed }), {
          families: [family],
          seeds: 5,
          moves: 400,
        });
        expect(applied).toBeGreaterThan(100);
      }
    },
  );
});
