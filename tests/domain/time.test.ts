import { minutesOfDay, toZonedIso, zonedDate } from '@village/domain';
import { describe, expect, it } from 'vitest';

describe('zoned time', () => {
  it('formats instants in village time with the +07:00 offset', () => {
    expect(toZonedIso(Date.parse('2026-11-28T22:30:15Z'))).toBe('2026-11-29T05:30:15+07:00');
    expect(zonedDate(Date.parse('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
    expect(zonedDate(Date.parse('2026-11-28T16:59:59Z'))).toBe('2026-11-28');
  });

  it('follows daylight-saving transitions in other zones despite caching', () => {
    // Europe/Berlin switched from +01:00 to +02:00 at 2026-03-29T01:00Z.
    expect(toZonedIso(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:00+01:00');
    expect(toZonedIso(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    expect(toZonedIso(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:00+01:00');
  });

  it('round-trips: the formatted string parses back to the same instant', () => {
    for (
      let ms = Date.parse('2026-01-01T00:00:00Z');
      ms < Date.parse('2026-01-03T00:00:00Z');
      ms += 7 * 60_017
    ) {
      expect(Date.parse(toZonedIso(ms))).toBe(Math.floor(ms / 1000) * 1000);
    }
  });

  it('reads HH:MM as minutes of the day', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('17:30')).toBe(1050);
  });
});
