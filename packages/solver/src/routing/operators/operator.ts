import type { Route } from '../search/route.ts';
import { RouteProposal } from '../search/route-proposal.ts';
import type { SearchData } from '../search/search-data.ts';

/**
 * Shared state of the operators of one local search: the problem tables, one reusable proposal and
 * scratch space, so that evaluating a move never allocates.
 */
export interface OperatorContext {
  readonly data: SearchData;
  readonly proposal: RouteProposal;
  /** Scratch for `apply`: copies of the visits being moved (2·n entries). */
  readonly scratch: Int32Array;
  /**
   * When false, `evaluate` may return a lower bound ≥ 0 as soon as it proves the move does not
   * improve (the search only needs the sign). Tests set it to get exact deltas for every move.
   */
  exact: boolean;
}

/** What `evaluate` returns for a move that does not exist (overlap, wrong vehicle type, …). */
export const NOT_APPLICABLE = Number.POSITIVE_INFINITY;

export function createOperatorContext(data: SearchData): OperatorContext {
  return { data, proposal: new RouteProposal(data), scratch: new Int32Array(2 * data.n + 16), exact: false };
}

/**
 * A move defined by two positions: `U`'s visit at position `i` (a client) and `V`'s position `j`
 * (a client, or 0 = V's start depot where the operator allows it). `evaluate` returns the change of
 * the plan's penalised cost the move would cause — exact whenever it is negative (or `exact` is set),
 * `NOT_APPLICABLE` (+∞) when the move does not exist; `apply` performs the move last evaluated for the same
 * arguments and leaves the routes' caches stale (the caller updates the touched routes).
 */
export interface NodeOperator {
  readonly name: string;
  evaluate(U: Route, i: number, V: Route, j: number): number;
  apply(U: Route, i: number, V: Route, j: number): void;
}

/** A move between two whole routes (SWAP*). Same contract as `NodeOperator`. */
export interface RouteOperator {
  readonly name: string;
  evaluate(U: Route, V: Route): number;
  apply(U: Route, V: Route): void;
}
