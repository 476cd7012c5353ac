/**
 * A household's cost in one slot as a function of its net power before curtailment, y (kW):
 * import at slope `a` (VND/kWh) above zero, export at slope `b` below zero (b ≤ a), and the option
 * to leave up to `pv` kW of solar unused. Curtailing is worth it only when exporting loses money
 * (b < 0) or when even importing pays (a < 0, which happens only under a coordination price), so the
 * best curtailment is a closed form and the slot cost stays convex and piecewise linear with at most
 * three pieces. Everything here is allocation-free; it runs inside every household response.
 */

/** kW of solar to leave unused at pre-curtailment net power `y`. */
export function curtailmentKw(y: number, pv: number, a: number, b: number): number {
  if (pv <= 0) return 0;
  if (a < 0) return pv;
  if (b < 0) return y >= 0 ? 0 : Math.min(pv, -y);
  return 0;
}

/** Cost rate (VND per hour) at pre-curtailment net power `y`, curtailing optimally. */
export function slotCostRate(y: number, pv: number, a: number, b: number): number {
  const net = y + curtailmentKw(y, pv, a, b);
  return net >= 0 ? a * net : b * net;
}

/** Cost rate of a final net power (after curtailment). */
export function netCostRate(net: number, a: number, b: number): number {
  return net >= 0 ? a * net : b * net;
}

/** Receives the pieces of [from, to] with their slopes, lowest first. */
export type PieceSink = (width: number, slope: number) => void;

/**
 * Splits the increase of y from `from` to `to` into pieces of constant slope. Returns the number of
 * pieces written into `widths`/`slopes` starting at `offset` (at most 3).
 */
export function writePieces(
  from: number,
  to: number,
  pv: number,
  a: number,
  b: number,
  widths: Float64Array,
  slopes: Float64Array,
  offset: number,
): number {
  let count = 0;
  let lo = from;
  const push = (upTo: number, slope: number) => {
    const hi = Math.min(upTo, to);
    if (hi > lo + 1e-12) {
      widths[offset + count] = hi - lo;
      slopes[offset + count] = slope;
      count++;
      lo = hi;
    } else if (hi > lo) {
      lo = hi;
    }
  };
  if (pv > 0 && a < 0) {
    push(-pv, b);
    push(Number.POSITIVE_INFINITY, a);
  } else if (pv > 0 && b < 0) {
    push(-pv, b);
    push(0, 0);
    push(Number.POSITIVE_INFINITY, a);
  } else {
    push(0, b);
    push(Number.POSITIVE_INFINITY, a);
  }
  return count;
}
