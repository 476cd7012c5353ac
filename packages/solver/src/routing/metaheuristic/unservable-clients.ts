import type { ProblemData } from '../model/problem-data.ts';

const exceeds = (a: number, b: number) => a - b > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Clients that no available vehicle can serve even on a route of their own — the most favourable case:
 * no type allowed, too heavy for every allowed type, or unreachable within the window, the shift or the
 * maximum duration. Only necessary conditions are tested, so a client passing them may still be
 * unservable (a non-metric matrix, say); the search then simply finds no feasible plan with it.
 *
 * The village adapter sets such bins aside beforehand with reasons; `solve` checks again because it
 * must never crash or spin on them whoever calls it.
 */
export function unservableClients(problem: ProblemData): number[] {
  const out: number[] = [];
  for (let c = problem.numDepots; c < problem.numLocations; c++) {
    let servable = false;
    for (let t = 0; t < problem.numVehicleTypes && !servable; t++) servable = canServeAlone(problem, t, c);
    if (!servable) out.push(c);
  }
  return out;
}

function canServeAlone(p: ProblemData, t: number, c: number): boolean {
  if (p.numAvailable[t]! < 1 || ((p.allowedTypesMask[c]! >>> t) & 1) === 0) return false;
  const K = p.numLoadDims;
  // With a reload depot the vehicle can unload before its first client; without, it carries its initial load.
  const canUnloadFirst = p.maxReloads[t]! > 0 && p.reloadOffsets[t + 1]! > p.reloadOffsets[t]!;
  for (let d = 0; d < K; d++) {
    const onBoard = canUnloadFirst ? 0 : p.initialLoad[t * K + d]!;
    if (exceeds(onBoard + p.demand[c * K + d]!, p.capacity[t * K + d]!)) return false;
  }
  const n = p.numLocations;
  const start = p.startDepot[t]!;
  const end = p.endDepot[t]!;
  const departure = Math.max(p.shiftEarly[t]!, p.twEarly[start]!);
  if (exceeds(departure, p.twLate[start]!)) return false;
  const arrival = departure + p.duration[start * n + c]!;
  if (exceeds(arrival, p.twLate[c]!)) return false;
  const back = Math.max(arrival, p.twEarly[c]!) + p.serviceDuration[c]! + p.duration[c * n + end]!;
  if (exceeds(back, Math.min(p.shiftLate[t]!, p.twLate[end]!))) return false;
  const shortest = p.duration[start * n + c]! + p.serviceDuration[c]! + p.duration[c * n + end]!;
  return !exceeds(shortest, p.maxDuration[t]!);
}

/**
 * The problem the search runs on: unservable clients become optional, without prize and with no vehicle
 * type allowed, so no move ever inserts them and no plan is penalised for leaving them out. Arrays of
 * the original problem are shared, never mutated.
 */
export function withoutClients(problem: ProblemData, clients: readonly number[]): ProblemData {
  if (clients.length === 0) return problem;
  const required = problem.required.slice();
  const prize = problem.prize.slice();
  const allowedTypesMask = problem.allowedTypesMask.slice();
  for (const c of clients) {
    required[c] = 0;
    prize[c] = 0;
    allowedTypesMask[c] = 0;
  }
  return { ...problem, required, prize, allowedTypesMask };
}
