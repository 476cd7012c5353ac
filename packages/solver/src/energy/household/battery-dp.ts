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

/** Convex piecewise-linear function on [x0, x0 + Σ len], slopes ascending. */
interface Pwl {
  x0: number;
  f0: number;
  len: number[];
  slope: number[];
  /** For merged functions: 1 if the segment came from the later value function, 0 from the slot cost. */
  fromNext: number[];
}

/** Cost of the slot as a function of the household's net power y (VND for the slot); must be convex and non-decreasing. */
export interface SlotCost {
  /** Pieces of G between y = lo and y = hi: writes (width, slope per kW of the slot) pairs. */
  pieces(t: number, lo: number, hi: number, widths: Float64Array, slopes: Float64Array): number;
  value(t: number, y: number): number;
}

const widths = new Float64Array(8);
const slopes = new Float64Array(8);

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
  const etaC = battery.etaCharge;
  const etaD = battery.etaDischarge;
  const values: Pwl[] = new Array(slots + 1);
  let next: Pwl = {
    x0: battery.initialSocKwh,
    f0: 0,
    len: battery.capacityKwh > battery.initialSocKwh ? [battery.capacityKwh - battery.initialSocKwh] : [],
    slope: battery.capacityKwh > battery.initialSocKwh ? [0] : [],
    fromNext: battery.capacityKwh > battery.initialSocKwh ? [1] : [],
  };
  values[slots] = next;
  const merged: Pwl[] = new Array(slots);
  for (let t = slots - 1; t >= 0; t--) {
    const slotCost = slotCostOfChange(t, y0[t] ?? 0, battery, hours, etaC, etaD, cost, capKw?.[t]);
    if (!slotCost) return false;
    // V_t(s) = min_Δ c_t(Δ) + V_{t+1}(s + Δ) = (V_{t+1} □ ĉ)(s) with ĉ(x) = c_t(−x).
    const m = mergeReversed(next, slotCost);
    merged[t] = m;
    const clipped = clip(m, battery.minSocKwh, battery.capacityKwh);
    if (!clipped) return false;
    values[t] = clipped;
    next = clipped;
  }
  const first = values[0];
  if (!first || battery.initialSocKwh < first.x0 - 1e-9 || battery.initialSocKwh > end(first) + 1e-9)
    return false;
  let soc = battery.initialSocKwh;
  for (let t = 0; t < slots; t++) {
    const m = merged[t];
    const later = values[t + 1];
    if (!m || !later) return false;
    // Walk the merged slopes up to `soc`; the part contributed by V_{t+1} locates the next state.
    let x = m.x0;
    let nextSoc = later.x0;
    for (let k = 0; k < m.len.length && x < soc - 1e-12; k++) {
      const step = Math.min(m.len[k] ?? 0, soc - x);
      if (m.fromNext[k] === 1) nextSoc += step;
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

/** c_t(Δ) on [Δmin, Δmax] as a convex PWL; null when the cap leaves no admissible power. */
function slotCostOfChange(
  t: number,
  y0: number,
  battery: CompiledBattery,
  hours: number,
  etaC: number,
  etaD: number,
  cost: SlotCost,
  cap: number | undefined,
): Pwl | null {
  const pLow = -battery.maxDischargeKw;
  let pHigh = battery.maxChargeKw;
  if (cap !== undefined) pHigh = Math.min(pHigh, cap - y0);
  if (pHigh < pLow - 1e-12) return null;
  if (pHigh < pLow) pHigh = pLow;
  const toDelta = (p: number) => (p >= 0 ? p * etaC * hours : (p * hours) / etaD);
  const pwl: Pwl = { x0: toDelta(pLow), f0: cost.value(t, y0 + pLow), len: [], slope: [], fromNext: [] };
  const addPieces = (from: number, to: number, perKwToPerKwh: number) => {
    if (to <= from) return;
    const count = cost.pieces(t, y0 + from, y0 + to, widths, slopes);
    for (let k = 0; k < count; k++) {
      const width = widths[k] ?? 0;
      pwl.len.push(width * perKwToPerKwh === 0 ? 0 : width / perKwToPerKwh);
      pwl.slope.push((slopes[k] ?? 0) * perKwToPerKwh);
      pwl.fromNext.push(0);
    }
  };
  // d(cost)/dΔ = slope·dp/dΔ: discharging (p < 0) Δ = p·h/η_d, charging Δ = p·η_c·h.
  addPieces(pLow, Math.min(0, pHigh), etaD / hours);
  addPieces(Math.max(0, pLow), pHigh, 1 / (etaC * hours));
  return pwl;
}

/** (f □ ĉ) with ĉ(x) = c(−x): slopes of f and the negated, reversed slopes of c, merged ascending. */
function mergeReversed(f: Pwl, c: Pwl): Pwl {
  const cEnd = end(c);
  const cLen = c.len.length;
  const out: Pwl = { x0: f.x0 - cEnd, f0: f.f0 + valueAtEnd(c), len: [], slope: [], fromNext: [] };
  let i = 0;
  let j = cLen - 1;
  while (i < f.len.length || j >= 0) {
    const fs = i < f.len.length ? (f.slope[i] ?? 0) : Number.POSITIVE_INFINITY;
    const cs = j >= 0 ? -(c.slope[j] ?? 0) : Number.POSITIVE_INFINITY;
    if (fs <= cs) {
      out.len.push(f.len[i] ?? 0);
      out.slope.push(fs);
      out.fromNext.push(1);
      i++;
    } else {
      out.len.push(c.len[j] ?? 0);
      out.slope.push(cs);
      out.fromNext.push(0);
      j--;
    }
  }
  return out;
}

/** Restriction to [lo, hi]; null if the domains do not meet. */
function clip(f: Pwl, lo: number, hi: number): Pwl | null {
  if (f.x0 > hi + 1e-9 || end(f) < lo - 1e-9) return null;
  const out: Pwl = { x0: Math.max(f.x0, lo), f0: f.f0, len: [], slope: [], fromNext: [] };
  let x = f.x0;
  for (let k = 0; k < f.len.length; k++) {
    const a = x;
    const b = x + (f.len[k] ?? 0);
    const slope = f.slope[k] ?? 0;
    x = b;
    if (b <= lo) {
      out.f0 += slope * (b - a);
      continue;
    }
    const from = Math.max(a, lo);
    if (from > a) out.f0 += slope * (from - a);
    const to = Math.min(b, hi);
    if (to > from) {
      out.len.push(to - from);
      out.slope.push(slope);
      out.fromNext.push(f.fromNext[k] ?? 0);
    }
    if (b >= hi) break;
  }
  return out;
}

function end(f: Pwl): number {
  let x = f.x0;
  for (const len of f.len) x += len;
  return x;
}

function valueAtEnd(f: Pwl): number {
  let v = f.f0;
  for (let k = 0; k < f.len.length; k++) v += (f.len[k] ?? 0) * (f.slope[k] ?? 0);
  return v;
}
