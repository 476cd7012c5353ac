import { describe, expect, it } from 'vitest';
import { ReloadPlacement } from '../../../../packages/solver/src/routing/operators/reload-depot.ts';
import { RelocateTrip } from '../../../../packages/solver/src/routing/operators/relocate-trip.ts';
import { checkRouteOperator, expectValid, penalisedCost, pickRoute, scenario } from './move-harness.ts';

describe('relocate a whole trip', () => {
  it.each(['reloads', 'everything'])('returns the exact delta of the move it applies (%s)', (family) => {
    const applied = checkRouteOperator((ctx) => new RelocateTrip(ctx), {
      families: [family],
      seeds: 8,
      moves: 200,
    });
    expect(applied).toBeGreaterThan(50);
  });

  it('stays exact on routes with several trips, and empties a route that hands over its only trip', () => {
    let applied = 0;
    let emptied = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const s = scenario('reloads', seed);
      // More trips first: reloads wherever they pay under these penalties.
      const place = new ReloadPlacement(s.ctx);
      for (const R of s.routes.routes) {
        for (let k = 0; k < 3 && R.size > 0 && place.evaluateInsert(R) < 0; k++) {
          place.applyInsert(R);
          s.routes.update(R);
        }
      }
      const op = new RelocateTrip(s.ctx);
      let before = penalisedCost(s);
      for (let m = 0; m < 200; m++) {
        const U = pickRoute(s, true);
        const V = pickRoute(s, true);
        if (!U || !V || U === V) continue;
        const delta = op.evaluate(U, V);
        if (!Number.isFinite(delta)) continue;
        const clients = U.numClients;
        op.apply(U, V);
        s.routes.numUpdates++;
        s.routes.update(U);
        s.routes.update(V);
        if (clients > 0 && U.size === 0) emptied++;
        const after = penalisedCost(s);
        expect(after - before).toBeCloseTo(delta, 6);
        expectValid(s);
        before = after;
        applied++;
      }
    }
    expect(applied).toBeGreaterThan(50);
    expect(emptied).toBeGreaterThan(0);
  });
});
