import type { Battery, Household, Meter, MeterKind, Rng, Solar, TariffKind } from '@village/domain';
import { flexibleLoadsFor, type HouseholdKind } from './flexible-loads.ts';
import type { HamletPlan } from './hamlets.ts';
import { isInsideIslandLocal, type LocalPoint, toCoordinates } from './island.ts';
import { dryerYardName, personName, shopName, workshopName } from './names.ts';
import { type PlacedRoad, pointAlong, polylineLengthKm, type RoadNetwork } from './roads.ts';

/** A household's place on the map, kept for putting bins near homes. */
export interface PlacedHome {
  householdId: string;
  hamletId: string;
  point: LocalPoint;
  /** The spot on the road in front of the house, where its bin would stand. */
  roadPoint: LocalPoint;
  road: PlacedRoad;
  address: string;
}

export interface HouseholdsResult {
  households: Household[];
  meters: Meter[];
  homes: PlacedHome[];
}

export const COMMUNE_ADDRESS = 'xã Bạch Đằng, TP. Tân Uyên, tỉnh Bình Dương';
const HOUSE_SETBACK_KM = { min: 0.012, max: 0.07 };
const SHORE_MARGIN_KM = 0.03;
/** Average household size in rural Bình Dương is ~3.7; this distribution gives ~3.8. */
const RESIDENT_WEIGHTS = [0, 6, 14, 22, 27, 17, 9, 5];

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/** Largest-remainder split of `total` by shares, so hamlet counts add up exactly. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function residents(rng: Rng): number {
  const total = RESIDENT_WEIGHTS.reduce((a, b) => a + b, 0);
  let draw = rng.next() * total;
  for (let n = 1; n < RESIDENT_WEIGHTS.length; n++) {
    draw -= RESIDENT_WEIGHTS[n] ?? 0;
    if (draw < 0) return n;
  }
  return 4;
}

/** Roads whose frontage belongs to a hamlet: its own roads plus its stretch of the commune road. */
function frontage(plan: HamletPlan, all: readonly HamletPlan[], network: RoadNetwork): PlacedRoad[] {
  const us = all.map((p) => p.centre.u).sort((a, b) => a - b);
  const index = us.indexOf(plan.centre.u);
  const lo = index > 0 ? ((us[index - 1] ?? 0) + plan.centre.u) / 2 : -Infinity;
  const hi = index < us.length - 1 ? ((us[index + 1] ?? 0) + plan.centre.u) / 2 : Infinity;
  const stretch = network.mainRoad.points.filter((p) => p.u >= lo && p.u <= hi);
  const own = network.roads.filter((r) => r.hamletId === plan.hamlet.id);
  return stretch.length >= 2 ? [...own, { ...network.mainRoad, points: stretch }] : own;
}

/** A spot beside a random road of the hamlet, set back from it, on dry land. */
function placeBeside(
  roads: readonly PlacedRoad[],
  rng: Rng,
): { point: LocalPoint; roadPoint: LocalPoint; road: PlacedRoad; side: 1 | -1 } {
  const lengths = roads.map((r) => polylineLengthKm(r.points));
  const total = lengths.reduce((a, b) => a + b, 0);
  for (let attempt = 0; attempt < 50; attempt++) {
    let draw = rng.next() * total;
    let chosen = roads[0];
    for (let i = 0; i < roads.length; i++) {
      draw -= lengths[i] ?? 0;
      if (draw < 0) {
        chosen = roads[i];
        break;
      }
    }
    if (!chosen) break;
    const { at, du, dv } = pointAlong(chosen.points, rng.next() * polylineLengthKm(chosen.points));
    const side: 1 | -1 = rng.next() < 0.5 ? 1 : -1;
    const setback = side * rng.range(HOUSE_SETBACK_KM.min, HOUSE_SETBACK_KM.max);
    const point = { u: at.u - dv * setback, v: at.v + du * setback };
    if (isInsideIslandLocal(point, SHORE_MARGIN_KM)) return { point, roadPoint: at, road: chosen, side };
  }
  throw new Error('could not place a house on the island; the road network is degenerate');
}

function solarFor(kind: HouseholdKind, rng: Rng): Solar | undefined {
  const chance = kind === 'residential' ? 0.12 : 0.25;
  if (rng.next() >= chance) return undefined;
  // Most village systems are small (3–5 kWp); a few larger ones on shop and warehouse roofs.
  const peakKw = kind === 'residential' ? 3 + 7 * rng.next() ** 2 : rng.range(5, 10);
  return { peakKw: Math.round(peakKw * 2) / 2 };
}

function batteryFor(rng: Rng): Battery {
  const capacityKwh = rng.pick([5, 7.5, 10]);
  const maxKw = capacityKwh >= 7.5 ? 5 : 2.5;
  return {
    capacityKwh,
    maxChargeKw: maxKw,
    maxDischargeKw: maxKw,
    efficiency: 0.92,
    minSocKwh: capacityKwh * 0.1,
    initialSocKwh: capacityKwh * 0.5,
  };
}

function baseLoadKwhPerDay(kind: HouseholdKind, people: number, rng: Rng): number {
  const kwh =
    kind === 'shop'
      ? rng.range(7, 15)
      : kind === 'workshop'
        ? rng.range(12, 25)
        : kind === 'dryer-yard'
          ? rng.range(8, 14)
          : Math.min(10, Math.max(3, 1.6 + 1.05 * people + 0.8 * rng.normal()));
  return Math.round(kwh * 10) / 10;
}

const TARIFF: Record<HouseholdKind, TariffKind> = {
  residential: 'residential-tiered',
  shop: 'business-tou',
  workshop: 'business-tou',
  'dryer-yard': 'production-tou',
};

export function generateHouseholds(
  villageId: string,
  hamlets: readonly HamletPlan[],
  network: RoadNetwork,
  count: number,
  rng: Rng,
): HouseholdsResult {
  const perHamlet = apportion(
    count,
    hamlets.map((h) => h.populationShare),
  );
  // Two rice-drying yards in a commune of this size; none in tiny test villages.
  const dryerSlots = new Set(count >= 100 ? [rng.int(count), rng.int(count)] : []);
  const households: Household[] = [];
  const meters: Meter[] = [];
  const homes: PlacedHome[] = [];
  const houseNumbers = new Map<string, number>();
  let pumps = 0;

  hamlets.forEach((plan, hamletIndex) => {
    const roads = frontage(plan, hamlets, network);
    // Farming is more common towards the island's tips, away from the market and bridge.
    const farmingChance = 0.08 + 0.22 * (Math.abs(plan.centre.u) / 2.5);
    for (let k = 0; k < (perHamlet[hamletIndex] ?? 0); k++) {
      const n = households.length + 1;
      const id = `HH-${pad(n)}`;
      const draw = rng.next();
      const kind: HouseholdKind = dryerSlots.has(n - 1)
        ? 'dryer-yard'
        : draw < 0.06
          ? 'shop'
          : draw < 0.08
            ? 'workshop'
            : 'residential';
      const people = residents(rng);
      const { point, roadPoint, road, side } = placeBeside(roads, rng);
      const numberKey = `${road.id}:${side}`;
      const houseIndex = (houseNumbers.get(numberKey) ?? 0) + 1;
      houseNumbers.set(numberKey, houseIndex);
      const address = `Số ${2 * houseIndex - (side === 1 ? 1 : 0)}, ${road.name}, ${plan.hamlet.name}, ${COMMUNE_ADDRESS}`;
      const location = toCoordinates(point);
      const meterId = `MTR-${pad(n)}`;
      const meterKind: MeterKind = kind === 'residential' ? 'household' : 'business';
      meters.push({ id: meterId, villageId, kind: meterKind, householdId: id, location });

      let pumpMeterId: string | undefined;
      if (kind === 'residential' && rng.next() < farmingChance) {
        pumps += 1;
        pumpMeterId = `PUMP-${pad(pumps)}`;
        const field = placeBeside([road], rng).point;
        meters.push({
          id: pumpMeterId,
          villageId,
          kind: 'pump',
          householdId: id,
          location: toCoordinates(field),
        });
      }

      const solar = solarFor(kind, rng);
      const battery = solar && rng.next() < 0.15 ? batteryFor(rng) : undefined;
      const name =
        kind === 'shop'
          ? shopName(rng)
          : kind === 'workshop'
            ? workshopName(rng)
            : kind === 'dryer-yard'
              ? dryerYardName(rng)
              : personName(rng).fullName;
      households.push({
        id,
        villageId,
        hamletId: plan.hamlet.id,
        name,
        address,
        location,
        residents: people,
        meterId,
        tariff: TARIFF[kind],
        baseLoadKwhPerDay: baseLoadKwhPerDay(kind, people, rng),
        ...(solar ? { solar } : {}),
        ...(battery ? { battery } : {}),
        flexibleLoads: flexibleLoadsFor({ householdId: id, kind, residents: people, pumpMeterId }, rng),
      });
      homes.push({ householdId: id, hamletId: plan.hamlet.id, point, roadPoint, road, address });
    }
  });
  return { households, meters, homes };
}
