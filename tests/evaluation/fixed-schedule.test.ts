import { fixedScheduleBins, hamletGroups } from '@village/evaluation';
import { generateDemoVillage } from '@village/simulation';
import { describe, expect, it } from 'vitest';

/** Today's practice as the baseline: a fixed round a crew would run without sensors. */
describe('fixed schedule', () => {
  const village = generateDemoVillage({ seed: 1, households: 400, bins: 120, vehicles: 2 });
  const groups = hamletGroups(village, 2);
  // 2026-03-16 is a Monday; the 22nd a Sunday.
  const dates = [
    '2026-03-16',
    '2026-03-17',
    '2026-03-18',
    '2026-03-19',
    '2026-03-20',
    '2026-03-21',
    '2026-03-22',
  ];
  const visits = new Map<string, number>();
  const byDate = new Map(dates.map((date) => [date, fixedScheduleBins(village, date, groups, 2)]));
  for (const bins of byDate.values())
    for (const bin of bins) visits.set(bin.id, (visits.get(bin.id) ?? 0) + 1);

  it('empties home and public bins every second day, hamlet group by hamlet group', () => {
    for (const bin of village.bins.filter((b) => b.kind === 'household' || b.kind === 'public')) {
      const onDays = dates.map((date) => byDate.get(date)?.some((b) => b.id === bin.id) ?? false);
      // Alternate days: never two days running, never two days missed.
      onDays.slice(1).forEach((on, i) => {
        expect(on).not.toBe(onDays[i]);
      });
    }
  });

  it('empties market containers daily and school containers on school days', () => {
    const market = village.bins.filter((b) => b.kind === 'market');
    const school = village.bins.filter((b) => b.kind === 'school');
    expect(market.length).toBeGreaterThan(0);
    expect(school.length).toBeGreaterThan(0);
    for (const bin of market) expect(visits.get(bin.id)).toBe(7);
    for (const bin of school) expect(visits.get(bin.id)).toBe(6);
    expect(byDate.get('2026-03-22')?.some((b) => b.kind === 'school')).toBe(false);
  });

  it('cuts the island into contiguous groups of about equal size', () => {
    const hamlets = [...village.village.hamlets].sort((a, b) => a.center.lon - b.center.lon);
    const order = hamlets.map((h) => groups.get(h.id) ?? -1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const rotating = village.bins.filter((b) => b.kind === 'household' || b.kind === 'public');
    const inFirst = rotating.filter((b) => groups.get(b.hamletId) === 0).length;
    expect(inFirst / rotating.length).toBeGreaterThan(0.3);
    expect(inFirst / rotating.length).toBeLessThan(0.7);
  });
});
