import { describe, expect, it } from 'vitest';
import { ReloadPlacement } from '../../../../packages/solver/src/routing/operators/reload-depot.ts';
import { expectValid, penalisedCost, pickRoute, scenario } from './move-harness.ts';

describe('reload placement', () => {
  it.each(['reloads', 'everything'])(
    'predicts exact deltas of inserting and removing reload visits (%s)',
    (family) => {
      let applied = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const s = scenario(family, seed);
        const op = new ReloadPlacement(s.ctx);
        let before = penalisedCost(s);
        for (let m = 0; m < 200; m++) {
          const R = pickRoute(s, true);
          if (!R) break;
          const insert = s.rng.next() < 0.5;
          const p = 1 + s.rng.int(R.size);
          const delta = insert ? op.evaluateInsert(R) : op.evaluateRemove(R, p);
          if (!Number.isFinite(delta)) continue;
          if (insert) op.applyInsert(R);
          else op.applyRemove(R, p);
          s.routes.update(R);
          const after = penalisedCost(s);
          expect(after - before).toBeCloseTo(delta, 6);
          expectValid(s);
          before = after;
          applied++;
        }
      }
      expect(applied).toBeGreaterThan(200);
    },
  );
});
