import type { Bin, BinKind, OpeningHours, Rng, VehicleType, WasteStream } from '@village/domain';
import { KG_PER_LITRE } from '../devices/bin-fill-rates.ts';
import { type HamletPlan, MARKET_HAMLET_ID, SCHOOL_HAMLET_ID } from './hamlets.ts';
import { apportion, COMMUNE_ADDRESS, type PlacedHome } from './households.ts';
import { type LocalPoint, toCoordinates } from './island.ts';
import { mainRoadV, type RoadNetwork } from './roads.ts';

/**
 * Bins: 660 l containers at the market and the school (with collection windows), 240 l bins at public
 * places along the commune road, and 240 l bins at the roadside in front of homes, each shared by a
 * few neighbouring families. Bins on lanes are often reachable only by the small truck.
 */

const BOTH: VehicleType[] = ['small-truck', 'compactor-truck'];
const SMALL_ONLY: VehicleType[] = ['small-truck'];
/** Market waste must be gone before the morning market fills the square. */
const MARKET_WINDOW: OpeningHours = { open: '05:00', close: '07:00' };
/** The school lets trucks in only while pupils are at lunch. */
const SCHOOL_WINDOW: OpeningHours = { open: '10:30', close: '13:30' };
/** Share of lane bins the compactor cannot reach (lanes under ~3 m wide). */
const NARROW_LANE_SHARE = 0.5;

interface BinDraft {
  hamletId: string;
  kind: BinKind;
  stream: WasteStream;
  capacityLitres: number;
  point: LocalPoint;
  address: string;
  timeWindow?: OpeningHours;
  accessibleBy: VehicleType[];
}

function pickStream(rng: Rng, general: number, organic: number): WasteStream {
  const draw = rng.next();
  return draw < general ? 'general' : draw < general + organic ? 'organic' : 'recyclable';
}

function jitter(point: LocalPoint, rng: Rng, km = 0.006): LocalPoint {
  return { u: point.u + rng.range(-km, km), v: point.v + rng.range(-km, km) };
}

function centreOf(hamlets: readonly HamletPlan[], id: string): HamletPlan {
  const plan = hamlets.find((h) => h.hamlet.id === id) ?? hamlets[0];
  if (!plan) throw new Error('a village needs at least one hamlet');
  return plan;
}

function specialBins(hamlets: readonly HamletPlan[], total: number, rng: Rng): BinDraft[] {
  const market = centreOf(hamlets, MARKET_HAMLET_ID);
  const school = centreOf(hamlets, SCHOOL_HAMLET_ID);
  const marketPoint = { u: market.centre.u + 0.1, v: mainRoadV(market.centre.u + 0.1) - 0.04 };
  const schoolPoint = { u: school.centre.u, v: (school.centre.v + mainRoadV(school.centre.u)) / 2 };
  const marketStreams: WasteStream[] =
    total >= 40 ? ['organic', 'organic', 'general', 'recyclable'] : total >= 10 ? ['organic', 'general'] : [];
  const schoolStreams: WasteStream[] =
    total >= 40 ? ['general', 'organic', 'recyclable'] : total >= 15 ? ['general'] : [];
  return [
    ...marketStreams.map((stream) => ({
      hamletId: market.hamlet.id,
      kind: 'market' as const,
      stream,
      capacityLitres: 660,
      point: jitter(marketPoint, rng),
      address: `Chợ Bạch Đằng, ${market.hamlet.name}, ${COMMUNE_ADDRESS}`,
      timeWindow: MARKET_WINDOW,
      accessibleBy: BOTH,
    })),
    ...schoolStreams.map((stream) => ({
      hamletId: school.hamlet.id,
      kind: 'school' as const,
      stream,
      capacityLitres: 660,
      point: jitter(schoolPoint, rng),
      address: `Trường Tiểu học Bạch Đằng, ${school.hamlet.name}, ${COMMUNE_ADDRESS}`,
      timeWindow: SCHOOL_WINDOW,
      accessibleBy: BOTH,
    })),
  ];
}

const PUBLIC_PLACES = ['Nhà văn hóa', 'Trạm chờ xe buýt', 'Chùa', 'Bến đò', 'Sân bóng', 'Trạm y tế'];

/** Public bins spread evenly along the commune road, assigned to the hamlet whose centre is nearest. */
function publicBins(
  hamlets: readonly HamletPlan[],
  network: RoadNetwork,
  count: number,
  rng: Rng,
): BinDraft[] {
  const points = network.mainRoad.points;
  const first = points[0]?.u ?? -2;
  const last = points[points.length - 1]?.u ?? 2;
  const drafts: BinDraft[] = [];
  for (let i = 0; i < count; i++) {
    const u = first + ((last - first) * (i + 0.5)) / count;
    const plan = hamlets.reduce((best, h) =>
      Math.abs(h.centre.u - u) < Math.abs(best.centre.u - u) ? h : best,
    );
    const place = PUBLIC_PLACES[i % PUBLIC_PLACES.length] ?? 'Điểm công cộng';
    drafts.push({
      hamletId: plan.hamlet.id,
      kind: 'public',
      stream: pickStream(rng, 0.6, 0.15),
      capacityLitres: 240,
      point: jitter({ u, v: mainRoadV(u) + 0.008 }, rng, 0.003),
      address: `${place}, Đường trục chính xã Bạch Đằng, ${plan.hamlet.name}, ${COMMUNE_ADDRESS}`,
      accessibleBy: BOTH,
    });
  }
  return drafts;
}

/** Roadside bins in front of randomly chosen homes, hamlet counts proportional to households. */
function householdBins(
  hamlets: readonly HamletPlan[],
  homes: readonly PlacedHome[],
  count: number,
  rng: Rng,
): BinDraft[] {
  const byHamlet = hamlets.map((plan) => homes.filter((home) => home.hamletId === plan.hamlet.id));
  const perHamlet = apportion(
    count,
    byHamlet.map((list) => list.length),
  );
  const drafts: BinDraft[] = [];
  byHamlet.forEach((candidates, index) => {
    const pool = [...candidates];
    for (let k = 0; k < (perHamlet[index] ?? 0) && candidates.length > 0; k++) {
      // Without replacement while homes last, so bins do not pile up at one gate.
      const home = pool.length > 0 ? pool.splice(rng.int(pool.length), 1)[0] : rng.pick(candidates);
      if (!home) continue;
      const narrow = home.road.roadClass === 'lane' && rng.next() < NARROW_LANE_SHARE;
      drafts.push({
        hamletId: home.hamletId,
        kind: 'household',
        stream: pickStream(rng, 0.55, 0.3),
        capacityLitres: 240,
        point: jitter(home.roadPoint, rng, 0.003),
        address: home.address.replace(/^Số/, 'Trước số'),
        accessibleBy: narrow ? SMALL_ONLY : BOTH,
      });
    }
  });
  return drafts;
}

export function generateBins(
  villageId: string,
  hamlets: readonly HamletPlan[],
  network: RoadNetwork,
  homes: readonly PlacedHome[],
  count: number,
  rng: Rng,
): Bin[] {
  const special = specialBins(hamlets, count, rng);
  const publicCount = Math.round(count * 0.07);
  const drafts = [
    ...special,
    ...publicBins(hamlets, network, publicCount, rng),
    ...householdBins(hamlets, homes, Math.max(0, count - special.length - publicCount), rng),
  ];
  return drafts.map((draft, index) => ({
    id: `BIN-${String(index + 1).padStart(4, '0')}`,
    villageId,
    hamletId: draft.hamletId,
    kind: draft.kind,
    stream: draft.stream,
    capacityLitres: draft.capacityLitres,
    fullKg: Math.round(draft.capacityLitres * KG_PER_LITRE[draft.stream]),
    location: toCoordinates(draft.point),
    address: draft.address,
    serviceMinutes: draft.capacityLitres > 240 ? 3 : 1.5,
    ...(draft.timeWindow ? { timeWindow: draft.timeWindow } : {}),
    accessibleBy: draft.accessibleBy,
  }));
}
