import type { TransformerOverload } from '@village/domain';

/** Groups the slots where the village's net power leaves ±limit into ranges, per direction. */
export function transformerOverloads(
  aggregateKw: Float64Array,
  limitKw: number,
  toleranceKw = 1e-6,
): TransformerOverload[] {
  const ranges: TransformerOverload[] = [];
  let open: TransformerOverload | null = null;
  aggregateKw.forEach((kw, t) => {
    const direction = kw > limitKw + toleranceKw ? 'import' : kw < -limitKw - toleranceKw ? 'export' : null;
    if (open && open.direction !== direction) {
      ranges.push(open);
      open = null;
    }
    if (!direction) return;
    const over = Math.abs(kw) - limitKw;
    if (!open) open = { fromSlot: t, toSlot: t + 1, maxOverKw: over, direction };
    else {
      open.toSlot = t + 1;
      open.maxOverKw = Math.max(open.maxOverKw, over);
    }
  });
  if (open) ranges.push(open);
  return ranges;
}

export function aggregateNet(plans: readonly { netKw: Float64Array }[], slots: number): Float64Array {
  const aggregate = new Float64Array(slots);
  for (const plan of plans)
    for (let t = 0; t < slots; t++) aggregate[t] = (aggregate[t] ?? 0) + (plan.netKw[t] ?? 0);
  return aggregate;
}

export function peakKw(aggregateKw: Float64Array): number {
  let peak = 0;
  for (const kw of aggregateKw) peak = Math.max(peak, kw);
  return peak;
}
