import { Exchange } from './exchange.ts';
import type { OperatorContext } from './operator.ts';

/**
 * Or-opt — Exchange(2, 0) and Exchange(3, 0): moves the string of 2 or 3 clients starting at u to
 * right after v, keeping its orientation (HGS move 2; PyVRP's Exchange20/30) or, with `reversed`,
 * backwards (HGS move 3; PyVRP's MoveTwoClientsReversed). Moving short strings
 * lets the search carry a cluster across routes in one step where single relocates would each
 * look worse.
 */
export function createOrOpt(
  ctx: OperatorContext,
  length: 2 | 3,
  options: { reversed?: boolean } = {},
): Exchange {
  const reversed = options.reversed ?? false;
  return new Exchange(ctx, length, 0, `or-opt(${length}${reversed ? ',reversed' : ''})`, reversed);
}
