import { projectedMonthKwh } from '../tariff/month-projection.ts';
import { type ResidentialBill, residentialBill } from '../tariff/residential-bill.ts';
import type { TariffInForce } from '../tariff/tariff-on.ts';

export interface MonthlyBillEstimate {
  projectedKwh: number;
  bill: ResidentialBill;
}

/**
 * The month's residential bill if every remaining day (the planned one included) imports `dailyKwh`
 * — typically a plan's `importKwh` for a 24-hour horizon — on top of `monthToDateKwh`. VAT is split
 * out in `bill`.
 */
export function estimateMonthlyBill(
  tariff: TariffInForce,
  input: { date: string; dailyKwh: number; monthToDateKwh?: number },
): MonthlyBillEstimate {
  const projectedKwh = projectedMonthKwh(input.date, input.dailyKwh, input.monthToDateKwh);
  return { projectedKwh, bill: residentialBill(tariff, projectedKwh) };
}
