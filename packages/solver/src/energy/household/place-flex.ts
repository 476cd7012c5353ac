import type { CompiledHousehold, FlexLoad } from '../model/compiled-scenario.ts';
import type { ResponseContext } from './response-context.ts';
import { writePieces } from './slot-tiers.ts';

// Scratch buffers shared by every call: pieces (slot, width, slope) and their sort order.
let pieceSlot = new Int32Array(0);
let pieceWidth = new Float64Array(0);
let pieceSlope = new Float64Array(0);
let order = new Int32Array(0);
let tieKeyRef: Float64Array = new Float64Array(0);

function ensureScratch(size: number): void {
  if (pieceSlot.length >= size) return;
  pieceSlot = new Int32Array(size);
  pieceWidth = new Float64Array(size);
  pieceSlope = new Float64Array(size);
  order = new Int32Array(size);
}

function byCheapest(i: number, j: number): number {
  const d = (pieceSlope[i] ?? 0) - (pieceSlope[j] ?? 0);
  if (d !== 0) return d;
  const si = pieceSlot[i] ?? 0;
  const sj = pieceSlot[j] ?? 0;
  const k = (tieKeyRef[si] ?? 0) - (tieKeyRef[sj] ?? 0);
  if (k !== 0) return k;
  return si !== sj ? si - sj : i - j;
}

/**
 * Places one interruptible load at least cost given everything else the household does (`netKw`,
 * its net before curtailment without this load): the slot costs are convex, so filling the cheapest
 * marginal pieces first is exact for this load. Writes kW per slot into `out` (zeroed first).
 * Returns false when the caps leave too little room for the load's energy.
 */
export function placeFlex(
  household: CompiledHousehold,
  load: FlexLoad,
  netKw: Float64Array,
  ctx: ResponseContext,
  out: Float64Array,
): boolean {
  out.fill(0);
  ensureScratch(3 * (load.latest - load.earliest) + 3);
  let count = 0;
  for (let t = load.earliest; t < load.latest; t++) {
    const y = netKw[t] ?? 0;
    let top = y + load.kw;
    const cap = ctx.capKw?.[t];
    if (cap !== undefined && cap < top) top = cap;
    if (top <= y) continue;
    const lambda = ctx.lambda[t] ?? 0;
    const a = (household.importPrice[t] ?? 0) + lambda;
    const b = (household.exportPrice[t] ?? 0) + lambda;
    const written = writePieces(y, top, household.pvKw[t] ?? 0, a, b, pieceWidth, pieceSlope, count);
    for (let k = 0; k < written; k++) pieceSlot[count + k] = t;
    count += written;
  }
  for (let i = 0; i < count; i++) order[i] = i;
  tieKeyRef = ctx.tieKey;
  const sorted = order.subarray(0, count).sort(byCheapest);
  let remaining = load.energySlots;
  for (let k = 0; k < count && remaining > 0; k++) {
    const piece = sorted[k] ?? 0;
    const take = Math.min(pieceWidth[piece] ?? 0, remaining);
    const slot = pieceSlot[piece] ?? 0;
    out[slot] = (out[slot] ?? 0) + take;
    remaining -= take;
  }
  return remaining <= 1e-9 * Math.max(1, load.energySlots);
}
