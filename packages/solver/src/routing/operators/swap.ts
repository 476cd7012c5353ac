import { Exchange } from './exchange.ts';
import type { OperatorContext } from './operator.ts';

/**
 * Swap — Exchange(1, 1): u and v trade places (HGS move 4). Needed when neither client fits into
 * the other's route on top of its load but they fit in exchange.
 */
export function createSwap(ctx: OperatorContext): Exchange {
  return new Exchange(ctx, 1, 1, 'swap');
}
