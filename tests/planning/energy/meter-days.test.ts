import { describe, expect, it } from 'vitest';
import { meterDaySeries } from '../../../packages/planning/src/energy/index.ts';

const at = (time: string) => `2026-03-11T${time}:00+07:00`;

describe('meterDaySeries', () => {
  it('spreads register energy over the slots between readings', () => {
    const days = meterDaySeries(
      [
        { ts: at('10:00'), kwhTotal: 100 },
        { ts: at('10:15'), kwhTotal: 100.5 }, // 0.5 kWh in 15 min: 2 kW
        { ts: at('10:45'), kwhTotal: 101 }, // 0.5 kWh in 30 min: 1 kW over two slots
      ],
      { slotMinutes: 15 },
    );
    expect(days).toHaveLength(1);
    const kw = days[0]?.kw ?? [];
    expect(days[0]?.date).toBe('2026-03-11');
    expect(kw).toHaveLength(96);
    expect(kw[40]).toBeCloseTo(2, 9);
    expect(kw[41]).toBeCloseTo(1, 9);
    expect(kw[42]).toBeCloseTo(1, 9);
    expect(kw[39]).toBeNull();
    expect(kw[43]).toBeNull();
  });

  it('ignores duplicates and order, skips long gaps and register resets', () => {
    const days = meterDaySeries(
      [
        { ts: at('10:15'), kwhTotal: 100.5 },
        { ts: at('10:00'), kwhTotal: 100 },
        { ts: at('10:15'), kwhTotal: 100.5 }, // redelivered
        { ts: '2026-03-11T03:15:00Z', kwhTotal: 100.5 }, // 10:15 local again, other offset
        { ts: at('13:00'), kwhTotal: 104 }, // 2 h 45 min later: a gap, not 1.27 kW
        { ts: at('13:15'), kwhTotal: 3 }, // meter replaced
        { ts: at('13:30'), kwhTotal: 3.25 },
      ],
      { slotMinutes: 15 },
    );
    const kw = days[0]?.kw ?? [];
    expect(kw[40]).toBeCloseTo(2, 9);
    expect(kw.slice(41, 52).every((v) => v === null)).toBe(true);
    expect(kw[52]).toBeNull(); // 13:00–13:15 spans the reset
    expect(kw[53]).toBeCloseTo(1, 9);
  });

  it('takes the kW samples where the register is blind (exporting) or silent', () => {
    const days = meterDaySeries(
      [
        { ts: at('12:00'), kwhTotal: 50, kw: -1.2 },
        { ts: at('12:05'), kwhTotal: 50, kw: -1.4 },
        { ts: at('12:10'), kwhTotal: 50, kw: -1.0 },
        { ts: at('12:15'), kwhTotal: 50 },
        { ts: at('20:00'), kw: 2.5 },
      ],
      { slotMinutes: 15 },
    );
    const kw = days[0]?.kw ?? [];
    expect(kw[48]).toBeCloseTo(-1.2, 9);
    expect(kw[80]).toBe(2.5);
  });

  it('splits readings across local days (UTC+7)', () => {
    const days = meterDaySeries(
      [
        { ts: '2026-03-11T16:45:00Z', kwhTotal: 10 }, // 23:45 local
        { ts: '2026-03-11T17:15:00Z', kwhTotal: 10.5 }, // 00:15 next day
      ],
      { slotMinutes: 15 },
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-11', '2026-03-12']);
    expect(days[0]?.kw[95]).toBeCloseTo(1, 9);
    expect(days[1]?.kw[0]).toBeCloseTo(1, 9);
  });
});
