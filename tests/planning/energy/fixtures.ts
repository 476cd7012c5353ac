import { readFileSync } from 'node:fs';
import { type TariffBook, tariffBookSchema } from '@village/domain';

/** The operator's file, as the service would read it. */
export function evnBook(): TariffBook {
  const url = new URL('../../../data/tariffs/evn.json', import.meta.url);
  return tariffBookSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/**
 * The real book plus a made-up later version (round prices, an evening-only peak) so tests can tell
 * which version a date picked: a what-if an operator might write, not a real decision.
 */
export function twoVersionBook(): TariffBook {
  const book = evnBook();
  const current = book.versions[0];
  if (!current) throw new Error('the EVN book has no version');
  const later = structuredClone(current);
  later.effectiveFrom = '2026-06-01';
  later.source = { document: 'Test fixture: a hypothetical later decision' };
  later.timeOfUse.periods = [
    { band: 'peak', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: '17:30', to: '22:30' },
    { band: 'offPeak', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '06:00' },
  ];
  later.threePrice['business-tou'] = {
    customerClass: 'test',
    peakVndPerKwh: 6000,
    normalVndPerKwh: 3000,
    offPeakVndPerKwh: 2000,
  };
  later.residential.tiers = later.residential.tiers.map((tier) => ({
    ...tier,
    priceVndPerKwh: tier.priceVndPerKwh + 100,
  }));
  return tariffBookSchema.parse({ ...book, versions: [current, later] });
}
