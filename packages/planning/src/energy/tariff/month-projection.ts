import { ValidationError } from '@village/domain';
import { dayOfMonth, daysInMonth } from '../calendar.ts';

/**
 * A household's kWh for the whole calendar month, projected from what it has used so far and a
 * typical day: `monthToDateKwh + dailyKwh × days left` (the given date included), or `dailyKwh ×
 * days in the month` when the month so far is unknown. Billing periods follow meter-reading dates,
 * not calendar months; the calendar month is the stand-in until the billing cycle is known.
 */
export function projectedMonthKwh(date: string, dailyKwh: number, monthToDateKwh?: number): number {
  if (!Number.isFinite(dailyKwh) || dailyKwh < 0) {
    throw new ValidationError('invalid dailyKwh', [{ field: 'dailyKwh', message: 'must be ≥ 0' }]);
  }
  const days = daysInMonth(date);
  if (monthToDateKwh === undefined) return dailyKwh * days;
  if (!Number.isFinite(monthToDateKwh) || monthToDateKwh < 0) {
    throw new ValidationError('invalid monthToDateKwh', [
      { field: 'monthToDateKwh', message: 'must be ≥ 0' },
    ]);
  }
  return monthToDateKwh + dailyKwh * (days - dayOfMonth(date) + 1);
}
