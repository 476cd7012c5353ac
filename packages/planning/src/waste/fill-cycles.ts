import type { FillReading } from './forecast-types.ts';
import { HOUR_MS } from './local-calendar.ts';

/**
 * Splits a bin's clean readings into fill cycles: from one emptying to the next. The current level
 * comes from the last cycle only; the rate is learnt from all of them (a rate measured across an
 * emptying would be meaningless).
 *
 * An emptying is either
 * - a crew's report (`collectedAtMs`): trusted even before the sensor shows the drop, so a collected
 *   bin's forecast restarts at once; or
 * - a sudden drop of at least `dropPercent` points between consecutive readings: bins do not empty
 *   themselves gradually, and sensor noise is a point or two, far below the threshold.
 *
 * A drop within `matchHours` after a crew's report is that same emptying (phones and sensors do not
 * share a clock, and a reading can land between the report and the pickup): the cycle keeps the
 * reported start, and the still-full readings in between go back to the previous cycle.
 */

export interface FillCycle {
  /** When the cycle started: a crew's report, or the first reading after the drop; null for the first cycle. */
  startMs: number | null;
  emptiedBy: 'crew' | 'sensor' | null;
  readings: FillReading[];
}

export function splitIntoCycles(
  readings: readonly FillReading[],
  collectedAtMs: readonly number[],
  dropPercent: number,
  matchHours: number,
): FillCycle[] {
  const crew = [...collectedAtMs].filter(Number.isFinite).sort((a, b) => a - b);
  let nextCrew = 0;
  /** The latest crew report at or before `untilMs` not yet used, if any (earlier ones are superseded). */
  const takeCrewUntil = (untilMs: number): number | null => {
    let latest: number | null = null;
    while (nextCrew < crew.length && crew[nextCrew]! <= untilMs) latest = crew[nextCrew++]!;
    return latest;
  };

  const first = readings[0];
  if (!first) {
    const latest = takeCrewUntil(Number.POSITIVE_INFINITY);
    return latest === null ? [] : [{ startMs: latest, emptiedBy: 'crew', readings: [] }];
  }

  const initialCrew = takeCrewUntil(first.atMs);
  let current: FillCycle =
    initialCrew === null
      ? { startMs: null, emptiedBy: null, readings: [first] }
      : { startMs: initialCrew, emptiedBy: 'crew', readings: [first] };
  const cycles: FillCycle[] = [current];

  for (let i = 1; i < readings.length; i++) {
    const reading = readings[i]!;
    const previous = readings[i - 1]!;
    // A crew report between two readings starts the cycle at the reported instant: more precise
    // than the first low reading, and valid even when the sensor shows no drop (yet).
    const crewAt = takeCrewUntil(reading.atMs);
    if (crewAt !== null) {
      current = { startMs: crewAt, emptiedBy: 'crew', readings: [reading] };
      cycles.push(current);
    } else if (reading.fillPercent <= previous.fillPercent - dropPercent) {
      if (
        current.emptiedBy === 'crew' &&
        current.startMs !== null &&
        reading.atMs - current.startMs <= matchHours * HOUR_MS
      ) {
        const before = cycles[cycles.length - 2];
        if (before) before.readings.push(...current.readings);
        else cycles.unshift({ startMs: null, emptiedBy: null, readings: current.readings });
        current.readings = [reading];
      } else {
        current = { startMs: reading.atMs, emptiedBy: 'sensor', readings: [reading] };
        cycles.push(current);
      }
    } else {
      current.readings.push(reading);
    }
  }

  // Collected after the last reading: the bin is empty now whatever the sensor last said.
  const lateCrew = takeCrewUntil(Number.POSITIVE_INFINITY);
  if (lateCrew !== null) cycles.push({ startMs: lateCrew, emptiedBy: 'crew', readings: [] });
  return cycles;
}
