import type { Rng } from '@village/domain';

/** The orders one local-search call walks in; reset and reshuffled at the start of every call. */
export interface SearchOrder {
  /** Client locations (numDepots … numDepots + numClients − 1), visited in this order. */
  readonly clients: Int32Array;
  /** Granular neighbour lists (CSR by `offsets`), partly reshuffled copies of `proximity`. */
  readonly neighbours: Int32Array;
  readonly proximity: Int32Array;
  readonly offsets: Int32Array;
  /** Vehicle types, in the order empty routes are offered. */
  readonly types: Int32Array;
}

function shuffleRange(a: Int32Array, from: number, length: number, rng: Rng): void {
  for (let k = length - 1; k > 0; k--) {
    const r = rng.int(k + 1);
    const tmp = a[from + k]!;
    a[from + k] = a[from + r]!;
    a[from + r] = tmp;
  }
}

/**
 * Randomises the search order. Everything starts again from the fixed orders first, so a call depends
 * only on its inputs and the rng. As HGS: a random ~1/g of the neighbour lists is reshuffled per call
 * (O(n) work overall), the rest keeps proximity order.
 */
export function shuffleSearchOrder(order: SearchOrder, numDepots: number, rng: Rng): void {
  const { clients, neighbours, offsets, types } = order;
  for (let k = 0; k < clients.length; k++) clients[k] = numDepots + k;
  neighbours.set(order.proximity);
  for (let t = 0; t < types.length; t++) types[t] = t;
  shuffleRange(clients, 0, clients.length, rng);
  for (let l = 0; l + 1 < offsets.length; l++) {
    const from = offsets[l]!;
    const len = offsets[l + 1]! - from;
    if (len < 2 || rng.int(len) !== 0) continue;
    shuffleRange(neighbours, from, len, rng);
  }
  shuffleRange(types, 0, types.length, rng);
}
