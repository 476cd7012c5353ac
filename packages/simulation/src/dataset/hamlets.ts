import type { Hamlet } from '@village/domain';
import { type LocalPoint, northShoreV, southShoreV, toCoordinates } from './island.ts';

/**
 * Six synthetic hamlets (ấp) strung along the island, numbered as many communes in Bình Dương
 * number theirs. Ấp 2 by the bridge holds the market; Ấp 4 in the middle holds the school.
 */
export interface HamletPlan {
  hamlet: Hamlet;
  centre: LocalPoint;
  /** Share of the commune's households. */
  populationShare: number;
}

interface HamletSpec {
  number: number;
  u: number;
  /** Position across the island as a fraction of the shore distance (+ north-west, − south-east). */
  across: number;
  populationShare: number;
  wasteRateFactor: number;
}

const SPECS: readonly HamletSpec[] = [
  { number: 1, u: -1.9, across: 0.3, populationShare: 0.14, wasteRateFactor: 0.9 },
  // Market hamlet next to the bridge: denser, more trade, more waste.
  { number: 2, u: -1.1, across: -0.35, populationShare: 0.22, wasteRateFactor: 1.3 },
  { number: 3, u: -0.35, across: 0.4, populationShare: 0.18, wasteRateFactor: 1.0 },
  { number: 4, u: 0.4, across: -0.3, populationShare: 0.2, wasteRateFactor: 1.1 },
  { number: 5, u: 1.15, across: 0.35, populationShare: 0.15, wasteRateFactor: 0.95 },
  // Orchards and rice fields at the eastern tip: sparse.
  { number: 6, u: 1.9, across: -0.15, populationShare: 0.11, wasteRateFactor: 0.85 },
];

export const MARKET_HAMLET_ID = 'ap-2';
export const SCHOOL_HAMLET_ID = 'ap-4';

export function planHamlets(): HamletPlan[] {
  return SPECS.map((spec) => {
    const shore = spec.across >= 0 ? northShoreV(spec.u) : -southShoreV(spec.u);
    const centre = { u: spec.u, v: spec.across * shore };
    return {
      hamlet: {
        id: `ap-${spec.number}`,
        name: `Ấp ${spec.number}`,
        center: toCoordinates(centre),
        wasteRateFactor: spec.wasteRateFactor,
      },
      centre,
      populationShare: spec.populationShare,
    };
  });
}
