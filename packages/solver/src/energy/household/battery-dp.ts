import type { CompiledBattery } from '../model/compiled-scenario.ts';

/**
 * Exact battery dispatch against convex, non-decreasing slot costs, by dynamic programming over the
 * state of charge with convex piecewise-linear value functions ("slope trick"): the value function
 * one slot earlier is the infimal convolution of the next one with the slot's cost of changing the
 * charge, which is a merge of their slopes — O(slots²) in all, no discretisation, no LP.
 *
 * The slot cost of a change Δ in stored energy is G(y0 + p(Δ)) with p = Δ/(η_c·h) when charging and
 * Δ·η_d/h when discharging; with G non-decreasing that composition is convex (losses make the
 * charge side steeper), and charging and discharging in the same slot never pays.
 */

/**
 * Value functions live in flat scratch buffers: function k (k = slot, plus one for the terminal
 * value) owns segments [offset[k], offset[k] + count[k]); the merged (unclipped) function of slot t
 * is kept too, for the forward pass. No allocation once the buffers have grown to the horizon.
 */
let len = new Float64Array(0);
let slope = new Float64Array(0);
let fromNext = new Uint8Array(0);
let offset = new Int32Array(0);
let count = new Int32Array(0);
let x0 = new Float64Array(0);
let f0 = new Float64Array(0);
let mergedOffset = new Int32Array(0);
let mergedCount = new Int32Array(0);
let mergedX0 = new Float64Array(0);
let used = 0;

/** Cost of the slot as a function of the household's net power y (VND for the slot); must be convex and non-decreasing. */
export interface SlotCost {
  /** Pieces of G between y = lo and y = hi: writes (width, slope per kW of the slot) pairs. */
  pieces(t: number, lo: number, hi: number, widths: Float64Array, slopes: Float64Array): number;
  value(t: number, y: number): number;
}

const widths = new Float64Array(8);
const slopes = new Float64Array(8);
// The slot's cost of changing the charge, c_t(Δ), before it is merged: at most 6 pieces.
const cLen = new Float64Array(8);
const cSlope = new Float64Array(8);

function ensure(slots: number): void {
  const segments = (slots + 1) * (8 * slots + 8) * 2;
  if (len.length < segments) {
    len = new Float64Array(segments);
    slope = new Float64Array(segments);
    fromNext = new Uint8Array(segments);
  }
  if (offset.length < slots + 1) {
    offset = new Int32Array(slots + 1);
    count = new Int32Array(slots + 1);
    x0 = new Float64Array(slots + 1);
    f0 = new Float64Array(slots + 1);
    mergedOffset = new Int32Array(slots + 1);
    mergedCount = new Int32Array(slots + 1);
    mergedX0 = new Float64Array(slots + 1);
  }
  used = 0;
}

/**
 * Dispatches the battery for the least total cost given the household's other net power `y0`
 * (kW per slot) and an optional cap on net power. Writes charge/discharge kW; returns false if no
 * dispatch respects the caps.
 */
export function dispatchBattery(
  battery: CompiledBattery,
  y0: Float64Array,
  hours: number,
  cost: SlotCost,
  capKw: Float64Array | null,
  chargeKw: Float64Array,
  dischargeKw: Float64Array,
): boolean {
  const slots = y0.length;
  ensure(slots);
  const etaC = battery.etaCharge;
  const etaD = battery.etaDischarge;
  // Terminal value: 0 for any state of charge at least the initial one.
  offset[slots] = used;
  x0[slots] = battery.initialSocKwh;
  f0[slots] = 0;
  if (battery.capacityKwh > battery.initialSocKwh) {
    len[used] = battery.capacityKwh - battery.initialSocKwh;
    slope[used] = 0;
    fromNext[used] = 1;
    used++;
  }
  count[slots] = used - (offset[slots] ?? 0);
  for (let t = slots - 1; t >= 0; t--) {
    const change = slotCostOfChange(t, y0[t] ?? 0, battery, hours, etaC, etaD, cost, capKw?.[t]);
    if (!change) return false;
    // V_t(s) = min_Δ c_t(Δ) + V_{t+1}(s + Δ) = (V_{t+1} □ ĉ)(s) with ĉ(x) = c_t(−x).
    mergeReversed(t, change.pieces, change.deltaMax, change.valueAtMax);
    if (!clip(t, battery.minSocKwh, battery.capacityKwh)) return false;
  }
  if (battery.initialSocKwh < (x0[0] ?? 0) - 1e-9 || battery.initialSocKwh > end(0) + 1e-9) return false;
  let soc = battery.initialSocKwh;
  for (let t = 0; t < slots; t++) {
    // Walk the merged slopes up to `soc`; the part contributed by V_{t+1} locates the next state.
    let x = mergedX0[t] ?? 0;
    let nextSoc = x0[t + 1] ?? 0;
    const from = mergedOffset[t] ?? 0;
    const to = from + (mergedCount[t] ?? 0);
    for (let k = from; k < to && x < soc - 1e-12; k++) {
      const step = Math.min(len[k] ?? 0, soc - x);
      if (fromNext[k] === 1) nextSoc += step;
      x += step;
    }
    nextSoc = Math.min(Math.max(nextSoc, battery.minSocKwh), battery.capacityKwh);
    const delta = nextSoc - soc;
    chargeKw[t] = delta > 0 ? Math.min(battery.maxChargeKw, delta / (etaC * hours)) : 0;
    dischargeKw[t] = delta < 0 ? Math.min(battery.maxDischargeKw, (-delta * etaD) / hours) : 0;
    soc += etaC * (chargeKw[t] ?? 0) * hours - ((dischargeKw[t] ?? 0) * hours) / etaD;
  }
  return true;
}

const change = { pieces: 0, deltaMax: 0, valueAtMax: 0 };

/** c_t(Δ) on [Δmin, Δmax] into cLen/cSlope (ascending slopes); null when the cap leaves no admissible power. */
function slotCostOfChange(
  t: number,
  y0: number,
  battery: CompiledBattery,
  hours: number,
  etaC: number,
  etaD: number,
  cost: SlotCost,
  cap: number | undefined,
): typeof change | null {
  const pLow = -battery.maxDischargeKw;
  let pHigh = battery.maxChargeKw;
  if (cap !== undefined) pHigh = Math.min(pHigh, cap - y0);
  if (pHigh < pLow - 1e-12) return null;
  if (pHigh < pLow) pHigh = pLow;
  let pieces = 0;
  let value = cost.value(t, y0 + pLow);
  // d(cost)/dΔ = slope·dp/dΔ: discharging (p < 0) Δ = p·h/η_d, charging Δ = p·η_c·h.
  const add = (from: number, to: number, perKwToPerKwh: number) => {
    if (to <= from) return;
    const n = cost.pieces(t, y0 + from, y0 + to, widths, slopes);
    for (let k = 0; k < n; k++) {
      const width = widths[k] ?? 0;
      cLen[pieces] = width / perKwToPerKwh;
      cSlope[pieces] = (slopes[k] ?? 0) * perKwToPerKwh;
      value += width * (slopes[k] ?? 0);
      pieces++;
    }
  };
  add(pLow, Math.min(0, pHigh), etaD / hours);
  add(Math.max(0, pLow), pHigh, 1 / (etaC * hours));
  change.pieces = pieces;
  change.deltaMax = pHigh >= 0 ? pHigh * etaC * hours : (pHigh * hours) / etaD;
  change.valueAtMax = value;
  return change;
}

/** Merged function of slot t: slopes of V_{t+1} and the negated, reversed slopes of c_t, ascending. */
function mergeReversed(t: number, pieces: number, deltaMax: number, valueAtMax: number): void {
  const next = t + 1;
  let i = offset[next] ?? 0;
  const iEnd = i + (count[next] ?? 0);
  let j = pieces - 1;
  mergedOffset[t] = used;
  mergedX0[t] = (x0[next] ?? 0) - deltaMax;
  f0[t] = (f0[next] ?? 0) + valueAtMax;
  while (i < iEnd || j >= 0) {
    const fs = i < iEnd ? (slope[i] ?? 0) : Number.POSITIVE_INFINITY;
    const cs = j >= 0 ? -(cSlope[j] ?? 0) : Number.POSITIVE_INFINITY;
    if (fs <= cs) {
      len[used] = len[i] ?? 0;
      slope[used] = fs;
      fromNext[used] = 1;
      i++;
    } else {
      len[used] = cLen[j] ?? 0;
      slope[used] = cs;
      fromNext[used] = 0;
      j--;
    }
    used++;
  }
  mergedCount[t] = used - (mergedOffset[t] ?? 0);
}

/** V_t: the merged function of slot t restricted to [lo, hi]; false if the domains do not meet. */
function clip(t: number, lo: number, hi: number): boolean {
  const from = mergedOffset[t] ?? 0;
  const to = from + (mergedCount[t] ?? 0);
  let x = mergedX0[t] ?? 0;
  let mergedEnd = x;
  for (let k = from; k < to; k++) mergedEnd += len[k] ?? 0;
  if (x > hi + 1e-9 || mergedEnd < lo - 1e-9) return false;
  offset[t] = used;
  x0[t] = Math.max(x, lo);
  let value = f0[t] ?? 0;
  for (let k = from; k < to; k++) {
    const a = x;
    const b = x + (len[k] ?? 0);
    const s = slope[k] ?? 0;
    x = b;
    if (b <= lo) {
      value += s * (b - a);
      continue;
    }
    const start = Math.max(a, lo);
    if (start > a) value += s * (start - a);
    const stop = Math.min(b, hi);
    if (stop > start) {
      len[used] = stop - start;
      slope[used] = s;
      fromNext[used] = fromNext[k] ?? 0;
      used++;
    }
    if (b >= hi) break;
  }
  f0[t] = value;
  count[t] = used - (offset[t] ?? 0);
  return true;
}

function end(t: number): number {
  let x = x0[t] ?? 0;
  const from = offset[t] ?? 0;
  for (let k = from; k < from + (count[t] ?? 0); k++) x += len[k] ?? 0;
  return x;
}
