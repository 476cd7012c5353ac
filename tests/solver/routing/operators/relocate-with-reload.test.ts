import { describe, expect, it } from 'vitest';
import { RelocateWithReload } from '../../../../packages/solver/src/routing/operators/relocate-with-reload.ts';
import { checkNodeOperator } from './move-harness.ts';

describe('relocate with reload', () => {
  it('predicts exact deltas of relocations that add a reload visit', () => {
    const { applied } = checkNodeOperator((ctx) => new RelocateWithReload(ctx), {
      families: ['reloads', 'everything'],
      seeds: 10,
      moves: 400,
    });
    expect(applied).toBeGreaterThan(100);
  });
});
