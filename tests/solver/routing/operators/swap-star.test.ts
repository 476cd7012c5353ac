import { describe, expect, it } from 'vitest';
import { SwapStar } from '../../../../packages/solver/src/routing/operators/swap-star.ts';
import { checkRouteOperator, FAMILIES } from './move-harness.ts';

describe('SWAP*', () => {
  it.each(Object.keys(FAMILIES))('returns the exact delta of the move it applies (%s)', (family) => {
    const applied = checkRouteOperator((ctx) => new SwapStar(ctx), {
      families: [family],
      seeds: 6,
      moves: 200,
    });
    expect(applied).toBeGreaterThan(200);
  });
});
