import { Exchange } from './exchange.ts';
import type { OperatorContext } from './operator.ts';

/**
 * Relocate — Exchange(1, 0): moves client u to right after v (or after V's start depot), within a
 * route or into another one. The workhorse of every VRP local search (HGS move 1).
 */
export function createRelocate(ctx: OperatorContext): Exchange {
  return new Exchange(ctx, 1, 0, 'relocate');
}
