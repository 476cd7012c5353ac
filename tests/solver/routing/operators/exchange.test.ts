import { describe, expect, it } from 'vitest';
import { Exchange } from '../../../../packages/solver/src/routing/operators/exchange.ts';
import { checkNodeOperator, FAMILIES } from './move-harness.ts';

describe('exchange(N, M)', () => {
  it.each([
    [2, 1],
    [2, 2],
    [3, 1],
    [3, 2],
    [3, 3],
  ])('exchange(%i, %i) predicts exact deltas on every instance family', (N, M) => {
    const { applied } = checkNodeOperator((ctx) => new Exchange(ctx, N, M), {
      families: Object.keys(FAMILIES),
      seeds: 3,
      moves: 400,
      sameRouteShare: 0.5,
    });
    expect(applied).toBeGreaterThan(300);
  });

  it('rejects invalid string lengths', () => {
    expect(() => new Exchange({} as never, 1, 2)).toThrow(RangeError);
  });
});
