import { type TariffVersion, ValidationError } from '@village/domain';
import type { TariffInForce } from './tariff-on.ts';

export interface BillTierLine {
  /** Tier number, 1-based. */
  tier: number;
  kwh: number;
  priceVndPerKwh: number;
  amountVnd: number;
}

export interface ResidentialBill {
  kwh: number;
  lines: BillTierLine[];
  /** Energy charge before VAT, VND. */
  energyVnd: number;
  vatRate: number;
  vatVnd: number;
  /** What the household pays, VND (not rounded: an estimate, not an invoice). */
  totalVnd: number;
}

function checkKwh(kwh: number, field: string): void {
  if (!Number.isFinite(kwh) || kwh < 0) {
    throw new ValidationError(`invalid ${field}`, [{ field, message: 'must be a finite number ≥ 0 (kWh)' }]);
  }
}

/**
 * A month's residential bill on the tiered tariff: each kWh is charged at the price of the tier it
 * falls in (the first 50 kWh at tier 1, the next 50 at tier 2, …), then VAT on the sum. EVN prorates
 * the tier sizes when a billing period is not a whole month or straddles a price change; this
 * estimate assumes a whole month on one version.
 */
export function residentialBill(tariff: TariffInForce, monthlyKwh: number): ResidentialBill {
  checkKwh(monthlyKwh, 'monthlyKwh');
  const lines: BillTierLine[] = [];
  let below = 0;
  tariff.residential.tiers.forEach((tier, i) => {
    const top = tier.upToKwh ?? Number.POSITIVE_INFINITY;
    const kwh = Math.max(0, Math.min(monthlyKwh, top) - below);
    if (kwh > 0) {
      lines.push({
        tier: i + 1,
        kwh,
        priceVndPerKwh: tier.priceVndPerKwh,
        amountVnd: kwh * tier.priceVndPerKwh,
      });
    }
    below = top;
  });
  const energyVnd = lines.reduce((sum, line) => sum + line.amountVnd, 0);
  const vatVnd = energyVnd * tariff.vat.rate;
  return {
    kwh: monthlyKwh,
    lines,
    energyVnd,
    vatRate: tariff.vat.rate,
    vatVnd,
    totalVnd: energyVnd + vatVnd,
  };
}

/**
 * The price (VND/kWh, excluding VAT) of the next kWh for a residential customer who has already used
 * `monthToDateKwh` this month: the tier that kWh falls in. At exactly 50 kWh the next kWh is in tier 2.
 */
export function residentialMarginalPrice(version: TariffVersion, monthToDateKwh: number): number {
  checkKwh(monthToDateKwh, 'monthToDateKwh');
  const tiers = version.residential.tiers;
  const tier = tiers.find((t) => t.upToKwh === null || monthToDateKwh < t.upToKwh) ?? tiers[tiers.length - 1];
  return tier?.priceVndPerKwh ?? 0;
}
