import { describe, expect, it } from 'vitest';
import { cleanReadings } from '../../../packages/planning/src/waste/clean-readings.ts';
import { splitIntoCycles } from '../../../packages/planning/src/waste/fill-cycles.ts';
import { HOUR } from './synthetic.ts';

const at = (hours: number, fillPercent: number) => ({ atMs: hours * HOUR, fillPercent });
const levels = (cycle: { readings: { fillPercent: number }[] }) => cycle.readings.map((r) => r.fillPercent);

describe('cleanReadings', () => {
  it('sorts, merges redelivered readings, keeps the window and drops lone glitches', () => {
    const { readings, duplicates, glitches } = cleanReadings(
      [at(3, 13), at(1, 11), at(2, 12), at(2, 12), at(4, 60), at(5, 15), at(0, 10), at(-1, 5), at(9, 20)],
      { fromMs: 0, toMs: 6 * HOUR, glitchPercent: 10 },
    );
    expect(readings.map((r) => r.fillPercent)).toEqual([10, 11, 12, 13, 15]);
    expect(duplicates).toBe(1);
    expect(glitches).toBe(1);
  });

  it('keeps a drop that the next readings confirm, and the latest reading whatever it says', () => {
    const confirmed = cleanReadings([at(0, 80), at(1, 81), at(2, 3), at(3, 4)], {
      fromMs: 0,
      toMs: 10 * HOUR,
      glitchPercent: 10,
    });
    expect(confirmed.readings).toHaveLength(4);
    const latest = cleanReadings([at(0, 80), at(1, 81), at(2, 3)], {
      fromMs: 0,
      toMs: 10 * HOUR,
      glitchPercent: 10,
    });
    expect(latest.readings.at(-1)!.fillPercent).toBe(3);
  });
});

describe('splitIntoCycles', () => {
  const rising = [at(0, 50), at(1, 55), at(2, 60), at(3, 2), at(4, 6), at(5, 10)];

  it('starts a cycle at a sudden drop', () => {
    const cycles = splitIntoCycles(rising, [], 15, 3);
    expect(cycles.map(levels)).toEqual([
      [50, 55, 60],
      [2, 6, 10],
    ]);
    expect(cycles[1]).toMatchObject({ startMs: 3 * HOUR, emptiedBy: 'sensor' });
    expect(cycles[0]!.startMs).toBeNull();
  });

  it('takes a crew report as the start, merging the sensor drop that follows it', () => {
    const cycles = splitIntoCycles(rising, [1.5 * HOUR], 15, 3);
    expect(cycles.map(levels)).toEqual([
      [50, 55, 60],
      [2, 6, 10],
    ]);
    expect(cycles[1]).toMatchObject({ startMs: 1.5 * HOUR, emptiedBy: 'crew' });
    // A drop long after the report is a second emptying.
    const far = splitIntoCycles(rising, [1.5 * HOUR], 15, 1);
    expect(far.map((c) => c.emptiedBy)).toEqual([null, 'crew', 'sensor']);
  });

  it('opens an empty cycle for a collection after the last reading, and starts from one before the first', () => {
    const late = splitIntoCycles(rising, [7 * HOUR, 6 * HOUR], 15, 3);
    expect(late.at(-1)).toEqual({ startMs: 7 * HOUR, emptiedBy: 'crew', readings: [] });
    const early = splitIntoCycles(rising.slice(3), [-5 * HOUR], 15, 3);
    expect(early).toEqual([{ startMs: -5 * HOUR, emptiedBy: 'crew', readings: rising.slice(3) }]);
    expect(splitIntoCycles([], [], 15, 3)).toEqual([]);
  });
});
