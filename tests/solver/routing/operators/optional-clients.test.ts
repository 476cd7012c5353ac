import { describe, expect, it } from 'vitest';
import { OptionalClients } from '../../../../packages/solver/src/routing/operators/optional-clients.ts';
import { expectValid, penalisedCost, pickRoute, scenario } from './move-harness.ts';

describe('optional clients', () => {
  it.each(['everything', 'prizes', 'cvrp'])(
    'predicts exact deltas of removals and insertions (%s)',
    (family) => {
      let removed = 0;
      let inserted = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const s = scenario(family, seed);
        const op = new OptionalClients(s.ctx);
        let before = penalisedCost(s);
        for (let m = 0; m < 300; m++) {
          const unvisited: number[] = [];
          for (let l = s.problem.numDepots; l < s.problem.numLocations; l++)
            if (s.routes.routeOf[l] === -1) unvisited.push(l);
          if (unvisited.length > 0 && s.rng.next() < 0.5) {
            const x = s.rng.pick(unvisited);
            const V = pickRoute(s, false)!;
            const j = s.rng.int(V.size + 1);
            const delta = op.evaluateInsert(x, V, j);
            if (!Number.isFinite(delta)) continue;
            op.applyInsert(x, V, j);
            s.routes.update(V);
            const after = penalisedCost(s);
            expect(after - before).toBeCloseTo(delta, 6);
            before = after;
            inserted++;
          } else {
            const U = pickRoute(s, true);
            if (!U) continue;
            const i = 1 + s.rng.int(U.size);
            const x = U.nodes[i]!;
            const delta = op.evaluateRemove(U, i);
            if (!Number.isFinite(delta)) continue;
            op.applyRemove(U, i);
            s.routes.unassign(x);
            s.routes.update(U);
            const after = penalisedCost(s);
            expect(after - before).toBeCloseTo(delta, 6);
            before = after;
            removed++;
          }
          expectValid(s);
        }
      }
      expect(inserted).toBeGreaterThan(family === 'cvrp' ? 0 : 100);
      if (family !== 'cvrp') expect(removed).toBeGreaterThan(50);
    },
  );
});
