import type { FlexibleLoad, Rng } from '@village/domain';

/**
 * The movable loads of one household, with windows as residents would state them. Evening/night
 * windows wrap past midnight: `latest` earlier than `earliest` means "the next morning".
 */

export type HouseholdKind = 'residential' | 'shop' | 'workshop' | 'dryer-yard';

export interface LoadOwner {
  householdId: string;
  kind: HouseholdKind;
  residents: number;
  /** Set for farming households: the pump's meter id, reused as the pump load's id. */
  pumpMeterId?: string;
}

function formatTime(minutes: number): string {
  const wrapped = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** Random minute of day in [from, to] on a `step`-minute grid. */
function timeBetween(rng: Rng, from: string, to: string, step = 15): string {
  const [fh = 0, fm = 0] = from.split(':').map(Number);
  const [th = 0, tm = 0] = to.split(':').map(Number);
  const start = fh * 60 + fm;
  const steps = Math.floor((th * 60 + tm - start) / step);
  return formatTime(start + step * rng.int(steps + 1));
}

function roundTo(value: number, step: number): number {
  // toFixed trims binary noise such as 8.200000000000001.
  return Number((Math.round(value / step) * step).toFixed(2));
}

function irrigationPump(id: string, rng: Rng): FlexibleLoad {
  // 1.5–4 HP surface pumps; 2–4 hours of water a day in the dry season.
  const kw = rng.pick([1.1, 1.5, 2.2, 3.0]);
  const morning = rng.next() < 0.6;
  return {
    id,
    kind: 'irrigation-pump',
    interruptible: true,
    kw,
    energyKwh: roundTo(kw * rng.range(2, 4), 0.1),
    earliest: morning ? timeBetween(rng, '05:00', '06:00') : timeBetween(rng, '15:00', '16:30'),
    latest: morning ? '17:00' : '22:00',
  };
}

function motorbikeCharger(id: string, rng: Rng): FlexibleLoad {
  // VinFast-style e-scooters: 0.5–1.2 kW chargers, 2–3 kWh to refill after a day's riding.
  return {
    id,
    kind: 'e-motorbike-charger',
    interruptible: true,
    kw: roundTo(rng.range(0.5, 1.2), 0.1),
    energyKwh: roundTo(rng.range(2, 3), 0.1),
    earliest: timeBetween(rng, '17:30', '20:30'),
    latest: timeBetween(rng, '05:30', '06:30'),
  };
}

function evCharger(id: string, rng: Rng): FlexibleLoad {
  return {
    id,
    kind: 'ev-charger',
    interruptible: true,
    kw: rng.pick([2.2, 3.3, 7.4]),
    energyKwh: roundTo(rng.range(10, 25), 0.5),
    earliest: timeBetween(rng, '18:00', '20:00'),
    latest: '06:00',
  };
}

function waterHeater(id: string, rng: Rng): FlexibleLoad {
  const morning = rng.next() < 0.2;
  return {
    id,
    kind: 'water-heater',
    interruptible: false,
    kw: rng.pick([2, 2.5, 3]),
    durationMinutes: rng.pick([30, 45, 60]),
    earliest: morning ? timeBetween(rng, '05:00', '05:45') : timeBetween(rng, '16:30', '18:30'),
    latest: morning ? '07:30' : '21:30',
  };
}

function riceHuskDryer(id: string, rng: Rng): FlexibleLoad {
  // Flat-bed dryers burn husk for heat; electricity runs the blower, one batch at a time.
  return {
    id,
    kind: 'rice-husk-dryer',
    interruptible: false,
    kw: rng.pick([7.5, 11]),
    durationMinutes: rng.pick([300, 360, 420]),
    earliest: '06:00',
    latest: '22:00',
  };
}

export function flexibleLoadsFor(owner: LoadOwner, rng: Rng): FlexibleLoad[] {
  const loads: FlexibleLoad[] = [];
  const id = (suffix: string) => `${owner.householdId}-${suffix}`;
  if (owner.pumpMeterId) loads.push(irrigationPump(owner.pumpMeterId, rng));
  if (owner.kind === 'dryer-yard') loads.push(riceHuskDryer(id('DRYER1'), rng));
  const business = owner.kind !== 'residential';
  if (rng.next() < (business ? 0.35 : 0.3)) {
    loads.push(motorbikeCharger(id('MOTO1'), rng));
    if (owner.residents >= 4 && rng.next() < 0.2) loads.push(motorbikeCharger(id('MOTO2'), rng));
  }
  if (rng.next() < (business ? 0.03 : 0.012)) loads.push(evCharger(id('EV1'), rng));
  if (owner.kind === 'residential' && rng.next() < 0.14) loads.push(waterHeater(id('WH1'), rng));
  return loads;
}
