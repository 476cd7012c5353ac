import { createRng } from '@village/domain';
import type { MeterSample } from '@village/planning';
import { describe, expect, it } from 'vitest';
import { createMeterHistory } from '../../packages/evaluation/src/energy/meter-history.ts';

/** The month harness's meter history before it kept columns: a list of sample objects per meter. */
function referenceMeterHistory(meterIds: readonly string[], keepDays: number) {
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const samples = new Map<string, MeterSample[]>(meterIds.map((id) => [id, []]));
  const lists = meterIds.map((id) => samples.get(id) ?? []);
  let queued: { atMs: number; kwhTotal: Float64Array; kw: Float64Array }[] = [];
  return {
    samples,
    add(atMs: number, kwhTotal: ArrayLike<number>, kw: ArrayLike<number>) {
      queued.push({ atMs, kwhTotal: Float64Array.from(kwhTotal), kw: Float64Array.from(kw) });
    },
    release(untilMs: number) {
      const due = queued.filter((s) => s.atMs <= untilMs);
      queued = queued.filter((s) => s.atMs > untilMs);
      for (const snapshot of due) {
        const ts = new Date(snapshot.atMs).toISOString();
        lists.forEach((list, m) => {
          list.push({ ts, kwhTotal: round3(snapshot.kwhTotal[m] ?? 0), kw: round3(snapshot.kw[m] ?? 0) });
        });
      }
      const cutoff = new Date(untilMs - keepDays * 86_400_000).toISOString();
      for (const list of lists) {
        let drop = 0;
        while (drop < list.length && (list[drop]?.ts ?? '') < cutoff) drop++;
        if (drop > 0) list.splice(0, drop);
      }
    },
  };
}

describe('meter history', () => {
  it('shows each meter the samples the per-meter lists showed, as columns are released and forgotten', () => {
    const meterIds = ['M1', 'M2', 'M3', 'M4'];
    const history = createMeterHistory(meterIds, 2);
    const reference = referenceMeterHistory(meterIds, 2);
    const rng = createRng(9);
    const start = Date.parse('2026-03-01T17:00:00Z');
    const registers = new Float64Array(meterIds.length);
    let releasedUntil = start;
    for (let step = 1; step <= 6 * 96; step++) {
      const atMs = start + step * 900_000;
      const kw = Float64Array.from(meterIds, () => rng.range(-1.5, 3));
      kw.forEach((value, m) => {
        registers[m] = (registers[m] ?? 0) + Math.max(0, value) / 4;
      });
      history.add(atMs, registers, kw);
      reference.add(atMs, registers, kw);
      // Released in uneven batches, some queued samples staying behind.
      if (rng.next() < 0.05) {
        releasedUntil = atMs - rng.int(8) * 900_000;
        history.release(releasedUntil);
        reference.release(releasedUntil);
        for (const id of meterIds) expect(history.samples.get(id)).toStrictEqual(reference.samples.get(id));
        expect(new Map(history.samples)).toStrictEqual(reference.samples);
      }
    }
    expect(history.samples.get('M1')?.length).toBeGreaterThan(100);
    expect(history.samples.get('unknown')).toBeUndefined();
    expect(history.samples.size).toBe(4);
  });
});
