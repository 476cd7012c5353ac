import { DomainError, type TariffBook, type TariffVersion, type VatPeriod } from '@village/domain';
import { dayNumber } from '../calendar.ts';

/** A tariff version together with the VAT rate in force on the same date. */
export interface TariffInForce extends TariffVersion {
  vat: VatPeriod;
}

function lastStartedBy<T extends { effectiveFrom: string }>(
  items: readonly T[],
  date: string,
): T | undefined {
  let found: T | undefined;
  // Ascending order is guaranteed by the schema; ISO dates compare as strings.
  for (const item of items) if (item.effectiveFrom <= date) found = item;
  return found;
}

/**
 * The version of the book in force on `date` (the latest whose `effectiveFrom` is on or before it)
 * and the VAT period in force then. A date before the first version is an error, not a guess: plans
 * and bills must never silently use prices that did not apply yet.
 */
export function tariffOn(book: TariffBook, date: string): TariffInForce {
  dayNumber(date);
  const version = lastStartedBy(book.versions, date);
  const vat = lastStartedBy(book.vat, date);
  if (!version || !vat) {
    const what = version ? 'VAT rate' : 'tariff version';
    const first = version ? book.vat[0]?.effectiveFrom : book.versions[0]?.effectiveFrom;
    throw new DomainError('NOT_FOUND', `no ${what} of ${book.utility} is in force on ${date}`, [
      { field: 'date', message: `the tariff book starts on ${first ?? '(empty)'}` },
    ]);
  }
  return { ...version, vat };
}
