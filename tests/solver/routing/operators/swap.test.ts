import { describe, expect, it } from 'vitest';
import { createSwap } from '../../../../packages/solver/src/routing/operators/swap.ts';
import { checkNodeOperator, FAMILIES } from './move-harness.ts';

describe('swap', () => {
  it.each(Object.keys(FAMILIES))(
    'predicts the exact penalised-cost change of random swaps (%s)',
    (family) => {
      const { applied } = checkNodeOperator(createSwap, { families: [family], seeds: 5, moves: 500 });
      expect(applied).toBeGreaterThan(300);
    },
  );
});
