import { type LoadScenario, ValidationError } from '@village/domain';
import { generateDemoVillage } from '../dataset/generate-village.ts';
import { stringKey } from '../devices/noise.ts';
import { scenarioHorizon } from './horizon.ts';
import { type ScenarioSeeds, scenarioHouseholds } from './scenario-households.ts';
import { EVN_PRICES } from './tariffs.ts';
import { sizeTransformerLimit } from './transformer-limit.ts';

export interface LoadScenarioOptions {
  /** Village households (1–20,000). Farming households' irrigation pumps are extra connections. */
  households: number;
  /** Include water heaters and rice-husk dryers as fixed-length blocks; false gives a pure LP. */
  nonInterruptible: boolean;
  /** Same seed, same scenario (and the same village as `generateDemoVillage({ seed })` for its size). */
  seed: number;
  /** Slots in the 24-hour horizon; must divide 1,440 minutes. Default 96 (15 minutes). */
  slots?: number;
}

function seedsFor(seed: number): ScenarioSeeds {
  const stream = (part: string) => (seed ^ stringKey(`load-scenario/${part}`)) >>> 0;
  return { demand: stream('demand'), weather: stream('weather'), choices: stream('choices') };
}

/**
 * Tomorrow's scheduling problem for the Bạch Đằng demo village: the households of
 * `generateDemoVillage` with their fixed-load profiles (evening peak), rooftop solar, batteries and
 * the flexible loads they use that day, on EVN tariffs (flat marginal price for residential
 * customers, three-price time of use for pumps, shops, workshops and drying yards). Slot 0 is 05:00
 * on a dry-season weekday (see horizon.ts). The transformer limit is set so that the unmanaged plan
 * overshoots it by ~20 % in the evening while a valley-filling plan provably fits (transformer-limit.ts).
 */
export function generateLoadScenario(options: LoadScenarioOptions): LoadScenario {
  const slots = options.slots ?? 96;
  if (!Number.isInteger(slots) || slots < 1 || 1440 % slots !== 0) {
    throw new ValidationError('invalid load scenario option "slots"', [
      { field: 'slots', message: 'must be a whole divisor of 1,440 (minutes in a day), e.g. 96' },
    ]);
  }
  // generateDemoVillage validates households and seed. Bins and vehicles draw from their own
  // streams, so asking for the minimum changes nothing about the households and saves the work.
  const village = generateDemoVillage({
    seed: options.seed,
    households: options.households,
    bins: 1,
    vehicles: 1,
  });
  const horizon = scenarioHorizon(slots);
  const seeds = seedsFor(options.seed);
  const households = village.households.flatMap((household) =>
    scenarioHouseholds(household, horizon, seeds, options.nonInterruptible),
  );
  const loads = { slots, slotMinutes: horizon.slotMinutes, households };
  return {
    slotMinutes: horizon.slotMinutes,
    slots,
    importPrice: new Array<number>(slots).fill(EVN_PRICES.residentialMarginal),
    exportPrice: new Array<number>(slots).fill(0),
    transformerKw: sizeTransformerLimit(loads).limitKw,
    households,
  };
}
