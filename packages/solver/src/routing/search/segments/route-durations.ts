import type { Route } from '../route.ts';
import type { SearchData } from '../search-data.ts';
import { DurationSegment } from './duration-segment.ts';

const seg = new DurationSegment();

/**
 * Fills a route's duration caches: `pre*[p]` summarises positions 0..p (start depot included,
 * p = size + 1 is the whole route), `suf*[q]` positions q..size (end depot excluded, so a tail can
 * be joined to another vehicle type's end depot). Returns the whole route's segment (a shared
 * object: read it before the next call).
 */
export function fillDurationCaches(route: Route, data: SearchData): DurationSegment {
  const { n, duration, service, twEarly, twLate, depots } = data;
  const t = route.type;
  const m = route.size;
  const nodes = route.nodes;
  const { preD, preTW, preE, preL, sufD, sufTW, sufE, sufL } = route;
  seg.set(0, depots.startWarp[t]!, depots.startEarly[t]!, depots.startLate[t]!);
  for (let p = 0; p <= m + 1; p++) {
    if (p > 0 && p <= m) {
      const x = nodes[p]!;
      seg.append(duration[nodes[p - 1]! * n + x]!, service[x]!, 0, twEarly[x]!, twLate[x]!);
    } else if (p === m + 1) {
      const travel = duration[nodes[m]! * n + nodes[m + 1]!]!;
      seg.append(travel, 0, depots.endWarp[t]!, depots.endEarly[t]!, depots.endLate[t]!);
    }
    preD[p] = seg.duration;
    preTW[p] = seg.timeWarp;
    preE[p] = seg.twEarly;
    preL[p] = seg.twLate;
  }
  const wholeDuration = seg.duration;
  const wholeTimeWarp = seg.timeWarp;
  if (m > 0) {
    const last = nodes[m]!;
    seg.set(service[last]!, 0, twEarly[last]!, twLate[last]!);
    for (let q = m; q >= 1; q--) {
      if (q < m) {
        const x = nodes[q]!;
        seg.prepend(service[x]!, 0, twEarly[x]!, twLate[x]!, duration[x * n + nodes[q + 1]!]!);
      }
      sufD[q] = seg.duration;
      sufTW[q] = seg.timeWarp;
      sufE[q] = seg.twEarly;
      sufL[q] = seg.twLate;
    }
  }
  seg.set(wholeDuration, wholeTimeWarp, 0, 0);
  return seg;
}
