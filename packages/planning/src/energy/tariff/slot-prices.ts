import type { TariffKind, TariffVersion } from '@village/domain';
import { addDays, checkHorizon, DAY_MINUTES, weekdayOf } from '../calendar.ts';
import { residentialMarginalPrice } from './residential-bill.ts';
import { bandPrice, touBandAt } from './time-of-use.ts';

export interface SlotPriceOptions {
  /**
   * Residential customers have no time-of-day price: every slot costs the tier price of the kWh
   * after this many kWh in the month (see `residentialMarginalPrice`). Default 0.
   */
  residentialMonthKwh?: number;
}

/**
 * Import price of every slot, VND/kWh excluding VAT, for a customer on `tariffKind`, for `slots`
 * slots of `slotMinutes` starting at local minute `startMinuteOfDay` of `date`. A horizon may run
 * past midnight into the next days; each minute takes the band of its own weekday (so a Saturday
 * night horizon has no peak on Sunday). A slot straddling a band boundary (hourly slots at 09:30)
 * gets the time-weighted average, which is exact for a load running evenly through the slot.
 */
export function slotPrices(
  version: TariffVersion,
  tariffKind: TariffKind,
  date: string,
  slotMinutes: number,
  slots: number,
  startMinuteOfDay: number,
  options: SlotPriceOptions = {},
): number[] {
  checkHorizon({ slotMinutes, slots, startMinuteOfDay });
  if (tariffKind === 'residential-tiered') {
    return new Array<number>(slots).fill(residentialMarginalPrice(version, options.residentialMonthKwh ?? 0));
  }
  const rates = version.threePrice[tariffKind];
  const weekdays = new Map<number, ReturnType<typeof weekdayOf>>();
  const weekdayAfter = (days: number) => {
    let weekday = weekdays.get(days);
    if (!weekday) {
      weekday = weekdayOf(addDays(date, days));
      weekdays.set(days, weekday);
    }
    return weekday;
  };
  return Array.from({ length: slots }, (_, t) => {
    const first = startMinuteOfDay + t * slotMinutes;
    let sum = 0;
    for (let minute = first; minute < first + slotMinutes; minute++) {
      const days = Math.floor(minute / DAY_MINUTES);
      sum += bandPrice(rates, touBandAt(version.timeOfUse, weekdayAfter(days), minute - days * DAY_MINUTES));
    }
    return sum / slotMinutes;
  });
}
