import { describe, expect, it } from 'vitest';
import { createRelocate } from '../../../../packages/solver/src/routing/operators/relocate.ts';
import { checkNodeOperator, FAMILIES } from './move-harness.ts';

describe('relocate', () => {
  it.each(Object.keys(FAMILIES))(
    'predicts the exact penalised-cost change of random moves (%s)',
    (family) => {
      const { applied } = checkNodeOperator(createRelocate, { families: [family], seeds: 5, moves: 500 });
      expect(applied).toBeGreaterThan(500);
    },
  );
});
