import type { BlockLoad, CompiledHousehold } from '../model/compiled-scenario.ts';
import type { ResponseContext } from './response-context.ts';
import { slotCostRate } from './slot-tiers.ts';

let delta = new Float64Array(0);

/**
 * Chooses the start of a non-interruptible load at least cost given the household's other power
 * (`netKw`, before curtailment, without this block): every start in the window is priced with a
 * sliding sum of per-slot cost increases, so the choice is exact for this block in O(window).
 * Returns the start slot, or -1 when no start respects the caps.
 */
export function placeBlock(
  household: CompiledHousehold,
  block: BlockLoad,
  netKw: Float64Array,
  ctx: ResponseContext,
): number {
  const from = block.earliest;
  const to = block.latest;
  if (delta.length < to - from) delta = new Float64Array(to - from);
  for (let t = from; t < to; t++) {
    const y = netKw[t] ?? 0;
    const cap = ctx.capKw?.[t];
    if (cap !== undefined && y + block.kw > cap + 1e-9) {
      delta[t - from] = Number.POSITIVE_INFINITY;
      continue;
    }
    const lambda = ctx.lambda[t] ?? 0;
    const a = (household.importPrice[t] ?? 0) + lambda;
    const b = (household.exportPrice[t] ?? 0) + lambda;
    const pv = household.pvKw[t] ?? 0;
    delta[t - from] = slotCostRate(y + block.kw, pv, a, b) - slotCostRate(y, pv, a, b);
  }
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  let bestTie = Number.POSITIVE_INFINITY;
  let window = 0;
  for (let k = 0; k < block.duration; k++) window += delta[k] ?? 0;
  for (let start = from; start + block.duration <= to; start++) {
    if (start > from)
      window += (delta[start - from + block.duration - 1] ?? 0) - (delta[start - from - 1] ?? 0);
    // Recompute after an infinite slot leaves the window: ∞ − ∞ is NaN in a running sum.
    if (Number.isNaN(window)) {
      window = 0;
      for (let k = 0; k < block.duration; k++) window += delta[start - from + k] ?? 0;
    }
    const tie = ctx.tieKey[start] ?? 0;
    if (
      window < bestCost - 1e-9 ||
      (window <= bestCost + 1e-9 && tie < bestTie && window < Number.POSITIVE_INFINITY)
    ) {
      best = start;
      bestCost = window;
      bestTie = tie;
    }
  }
  return bestCost < Number.POSITIVE_INFINITY ? best : -1;
}
