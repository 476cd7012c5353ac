/** What a household responds to: its own prices shifted by the coordination price, plus limits. */
export interface ResponseContext {
  /** Slot length in hours. */
  readonly hours: number;
  /** Coordination price per slot, VND/kWh, added to both import and export prices (signed). */
  readonly lambda: Float64Array;
  /** Upper limit on the household's net power per slot (kW), or null when unconstrained. */
  readonly capKw: Float64Array | null;
  /**
   * Lower limit on net power per slot (kW), or null: the reverse-flow side of the transformer. Only
   * curtailing solar raises a household's net where it must, so it is enforced when the plan is
   * finalised, and a plan that cannot meet it is refused.
   */
  readonly floorKw?: Float64Array | null;
  /**
   * Breaks ties between slots of equal price, smaller first. Households on a flat tariff are
   * indifferent between slots; a per-household jitter spreads them instead of piling every load
   * into the first cheapest slot (the failure mode of price-only coordination).
   */
  readonly tieKey: Float64Array;
}
