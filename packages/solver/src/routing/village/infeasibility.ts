import { minutesOfDay } from '@village/domain';
import type { ProblemData } from '../model/problem-data.ts';
import { type BinToConsider, expectedLoad } from './collection-request.ts';
import { allowedFleetTypes, type FleetType } from './fleet-types.ts';
import { cheapestInsertion, type ScheduledRoute } from './insertion-cost.ts';
import type { TravelMatrix } from './travel-matrix.ts';

/**
 * Why a bin is not in the plan. Codes are stable (the web app translates them into Vietnamese); the
 * English message carries the figures so an operator can act on it.
 *
 * Before solving we set aside bins no vehicle could ever serve, so the solver does not burn time on
 * them and the reason is specific. After solving, left-out bins are explained by what adding them
 * would cost.
 */
export const UNASSIGNED_CODES = [
  'NO_VEHICLE_WITH_ACCESS',
  'TOO_HEAVY',
  'TIME_WINDOW_UNREACHABLE',
  'NOT_WORTH_DETOUR',
  'NO_CAPACITY_OR_TIME',
] as const;
export type UnassignedCode = (typeof UNASSIGNED_CODES)[number];

export interface UnassignedBin {
  binId: string;
  code: UnassignedCode;
  /** Plain-English explanation with the numbers behind it. */
  reason: string;
  mustCollect: boolean;
  valueVnd: number;
  /** NOT_WORTH_DETOUR: the cheapest feasible insertion cost into the final plan, VND (rounded). */
  insertionCostVnd?: number;
}

const vnd = (x: number) => `${Math.round(x).toLocaleString('en-US')} VND`;
const num = (x: number) => Math.round(x).toLocaleString('en-US');

export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  const hh = Math.floor(m / 60) % 24;
  return `${String(hh).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function unassigned(entry: BinToConsider, code: UnassignedCode, reason: string): UnassignedBin {
  return { binId: entry.bin.id, code, reason, mustCollect: entry.mustCollect, valueVnd: entry.valueVnd };
}

type Reach = { ok: true } | { ok: false; arrival: number; late: 'window' | 'return' };

/** Can type `t` serve the bin on a route of its own (the most favourable case there is)? */
function reach(entry: BinToConsider, location: number, t: FleetType, matrix: TravelMatrix): Reach {
  const n = matrix.size;
  const bin = entry.bin;
  const toBin = matrix.durationMinutes[t.startLocation * n + location]!;
  const toDisposal = matrix.durationMinutes[location * n + t.disposalLocation]!;
  const open = bin.timeWindow ? minutesOfDay(bin.timeWindow.open) : 0;
  const close = bin.timeWindow ? minutesOfDay(bin.timeWindow.close) : Number.POSITIVE_INFINITY;
  const arrival = t.startMinutes + toBin;
  if (close < open || arrival > close) return { ok: false, arrival, late: 'window' };
  const atDisposal = Math.max(arrival, open) + bin.serviceMinutes + toDisposal;
  const site = t.disposalSite.openingHours;
  const finalUnload = Math.max(atDisposal, minutesOfDay(site.open));
  // Travel and service only: the solver may depart later to avoid waiting, so waiting is not counted.
  const busy = toBin + bin.serviceMinutes + toDisposal;
  if (
    atDisposal > minutesOfDay(site.close) ||
    finalUnload > t.latestFinalArrivalMinutes ||
    busy > t.maxDurationMinutes
  ) {
    return { ok: false, arrival, late: 'return' };
  }
  return { ok: true };
}

export interface PrecheckedBin {
  entry: BinToConsider;
  location: number;
  allowed: FleetType[];
}

/** Splits the candidate bins into those the solver gets and those set aside with a reason. */
export function precheckBins(
  candidates: readonly { entry: BinToConsider; location: number }[],
  types: readonly FleetType[],
  matrix: TravelMatrix,
): { accepted: PrecheckedBin[]; rejected: UnassignedBin[] } {
  const accepted: PrecheckedBin[] = [];
  const rejected: UnassignedBin[] = [];
  for (const { entry, location } of candidates) {
    const { bin } = entry;
    const allowed = allowedFleetTypes(bin, types);
    if (allowed.length === 0) {
      const reaching = types.filter((t) => bin.accessibleBy.includes(t.vehicles[0]!.type));
      rejected.push(
        unassigned(
          entry,
          'NO_VEHICLE_WITH_ACCESS',
          reaching.length === 0
            ? `Only ${bin.accessibleBy.join(' or ')} can reach this bin and the fleet has none available`
            : `No ${bin.accessibleBy.join(' or ')} that can reach this bin collects ${bin.stream} waste`,
        ),
      );
      continue;
    }
    const load = expectedLoad(entry);
    const roomy = allowed.filter((t) => load.litres <= t.capacityLitres && load.kg <= t.capacityKg);
    if (roomy.length === 0) {
      const biggestLitres = Math.max(...allowed.map((t) => t.capacityLitres));
      const biggestKg = Math.max(...allowed.map((t) => t.capacityKg));
      rejected.push(
        unassigned(
          entry,
          'TOO_HEAVY',
          `Expected load ${num(load.litres)} l / ${num(load.kg)} kg exceeds the largest vehicle that may serve it (${num(biggestLitres)} l / ${num(biggestKg)} kg)`,
        ),
      );
      continue;
    }
    const reaches = roomy.map((t) => reach(entry, location, t, matrix));
    if (reaches.every((r) => !r.ok)) {
      const failures = reaches.filter((r): r is Extract<Reach, { ok: false }> => !r.ok);
      const earliest = failures.reduce((a, b) => (b.arrival < a.arrival ? b : a));
      const window = bin.timeWindow;
      const reason =
        window && minutesOfDay(window.close) < minutesOfDay(window.open)
          ? `Its time window ${window.open}–${window.close} closes before it opens`
          : earliest.late === 'window' && window
            ? `Earliest possible arrival ${formatMinutes(earliest.arrival)} is after its time window ${window.open}–${window.close} closes`
            : `No vehicle can collect it${window ? ` within ${window.open}–${window.close}` : ''} and still unload and return to the depot within its shift`;
      rejected.push(unassigned(entry, 'TIME_WINDOW_UNREACHABLE', reason));
      continue;
    }
    accepted.push({ entry, location, allowed });
  }
  return { accepted, rejected };
}

/**
 * Explains a bin the final plan leaves out (after the repair pass, so every profitable feasible
 * insertion has been made): a may-collect bin was not worth its cheapest feasible insertion; a bin
 * with no feasible insertion at all (must-collect, or may-collect with every route full) lacks room.
 */
export function explainLeftOut(
  entry: BinToConsider,
  client: number,
  data: ProblemData,
  routes: readonly ScheduledRoute[],
  sunkTypes: readonly boolean[],
): UnassignedBin {
  const insertion = cheapestInsertion(data, client, routes, sunkTypes);
  if (!insertion) {
    return unassigned(
      entry,
      'NO_CAPACITY_OR_TIME',
      `No vehicle that may serve it has the room (litres or kg) or the time for it, even with an extra disposal trip, before ${entry.bin.timeWindow ? 'its time window closes' : 'its shift ends'}`,
    );
  }
  if (entry.mustCollect) {
    // Only reachable if the repair pass was skipped; say what it would take.
    return {
      ...unassigned(
        entry,
        'NO_CAPACITY_OR_TIME',
        `Left out by the search; it fits at an extra ${vnd(insertion.cost)}`,
      ),
      insertionCostVnd: Math.round(insertion.cost),
    };
  }
  const cost = Math.round(insertion.cost);
  const value = Math.round(entry.valueVnd);
  return {
    ...unassigned(
      entry,
      'NOT_WORTH_DETOUR',
      `Not worth the detour: cost ${vnd(cost)} ${cost > value ? '>' : '≥'} value ${vnd(value)}`,
    ),
    insertionCostVnd: cost,
  };
}
