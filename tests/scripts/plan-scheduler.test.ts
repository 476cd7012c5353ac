import { describe, expect, it } from 'vitest';
import { msUntilNext } from '../../scripts/local/plan-scheduler.ts';

describe('local plan scheduler', () => {
  const at = (iso: string) => Date.parse(iso);
  it('waits until the next village-time occurrence (UTC+7)', () => {
    // 04:00 in the village is 21:00 UTC the day before: one hour to 05:00.
    expect(msUntilNext(at('2026-03-10T21:00:00Z'), '05:00')).toBe(3_600_000);
    // 18:30 village time: 05:00 is 10.5 h away, tomorrow.
    expect(msUntilNext(at('2026-03-11T11:30:00Z'), '05:00')).toBe(10.5 * 3_600_000);
  });
  it('never fires twice at the same instant: exactly on time means tomorrow', () => {
    expect(msUntilNext(at('2026-03-11T11:00:00Z'), '18:00')).toBe(24 * 3_600_000);
  });
});
