import { type ScenarioLoads, valleyFillPlan } from './valley-fill.ts';

/**
 * How far the unmanaged evening peak overshoots the planning limit — the situation the scheduler
 * exists to fix (see dataset/transformer.ts, which sizes the demo village's transformer the same way).
 */
export const UNMANAGED_PEAK_OVER_LIMIT = 1.2;
/** Headroom kept above the valley-fill witness, so the limit is reachable by a clear margin. */
const WITNESS_HEADROOM = 1.02;

/**
 * Village net power per slot when nobody plans: every flexible load starts at full power the moment
 * its window opens (an interruptible one runs until its energy is delivered), batteries stay idle
 * and all solar is used.
 */
export function unmanagedVillageKw(scenario: ScenarioLoads): number[] {
  const slotHours = scenario.slotMinutes / 60;
  const village = new Array<number>(scenario.slots).fill(0);
  const add = (t: number, kw: number) => {
    village[t] = (village[t] ?? 0) + kw;
  };
  for (const household of scenario.households) {
    for (let t = 0; t < scenario.slots; t++) add(t, (household.baseKw[t] ?? 0) - (household.pvKw?.[t] ?? 0));
    for (const load of household.loads) {
      if (load.interruptible) {
        let remainingKwh = load.energyKwh;
        for (let t = load.earliest; t < load.latest && remainingKwh > 0; t++) {
          const kw = Math.min(load.kw, remainingKwh / slotHours);
          add(t, kw);
          remainingKwh -= kw * slotHours;
        }
      } else {
        for (let t = load.earliest; t < load.earliest + load.durationSlots; t++) add(t, load.kw);
      }
    }
  }
  return village;
}

export interface TransformerSizing {
  limitKw: number;
  unmanagedPeakKw: number;
  /** Peak of the valley-fill witness plan, an upper bound on the best achievable peak. */
  witnessPeakKw: number;
}

/**
 * The planning limit: the unmanaged peak divided by 1.2, unless the witness plan shows that would be
 * unreachable — then just above the witness's peak, and the unmanaged overshoot comes out smaller.
 */
export function sizeTransformerLimit(scenario: ScenarioLoads): TransformerSizing {
  const unmanagedPeakKw = Math.max(...unmanagedVillageKw(scenario));
  const witnessPeakKw = valleyFillPlan(scenario).peakKw;
  // Tenths of a kW: whole kW would be too coarse for the tiny villages tests and benchmarks use.
  const limitKw = Math.max(
    0.1,
    Math.round((unmanagedPeakKw / UNMANAGED_PEAK_OVER_LIMIT) * 10) / 10,
    Math.ceil(witnessPeakKw * WITNESS_HEADROOM * 10) / 10,
  );
  return { limitKw, unmanagedPeakKw, witnessPeakKw };
}
