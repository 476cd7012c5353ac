import type { Rng, Road, RoadClass } from '@village/domain';
import type { HamletPlan } from './hamlets.ts';
import {
  ISLAND_HALF_LENGTH_KM,
  isInsideIslandLocal,
  type LocalPoint,
  northShoreV,
  southShoreV,
  toCoordinates,
} from './island.ts';

/**
 * The synthetic road network: one commune road along the island's spine, a hamlet road from it to
 * each hamlet, a few lanes (hẻm) branching off, the bridge to the south-east bank, and a provincial
 * road on the mainland towards the disposal site. Kept in local km so houses can be placed beside it.
 */

export interface PlacedRoad {
  id: string;
  name: string;
  roadClass: RoadClass;
  points: LocalPoint[];
  /** The hamlet whose houses line it; undefined for the commune road, bridge and mainland road. */
  hamletId?: string;
}

export interface RoadNetwork {
  roads: PlacedRoad[];
  mainRoad: PlacedRoad;
  /** Island end of the bridge; the depot sits next to it. */
  bridgeHead: LocalPoint;
  /** Far end of the mainland road, where the disposal site is. */
  mainlandEnd: LocalPoint;
}

const BRIDGE_U = -1.25;
const MAIN_ROAD_END_U = ISLAND_HALF_LENGTH_KM - 0.2;
/** Keeps lanes from running into the river. */
const SHORE_MARGIN_KM = 0.04;

export function mainRoadV(u: number): number {
  return 0.12 * Math.sin(1.1 * u);
}

function mainRoad(): PlacedRoad {
  const points: LocalPoint[] = [];
  for (let i = 0; i <= 30; i++) {
    const u = -MAIN_ROAD_END_U + (2 * MAIN_ROAD_END_U * i) / 30;
    points.push({ u, v: mainRoadV(u) });
  }
  return { id: 'road-commune-main', name: 'Đường trục chính xã Bạch Đằng', roadClass: 'commune', points };
}

/** From the commune road through the hamlet centre, ending short of the shore. */
function hamletRoad(plan: HamletPlan, rng: Rng): PlacedRoad {
  const { u, v } = plan.centre;
  const startV = mainRoadV(u);
  const endV = v >= startV ? 0.85 * northShoreV(u) : 0.85 * southShoreV(u);
  const points: LocalPoint[] = [];
  for (let i = 0; i <= 8; i++) {
    const f = i / 8;
    const wiggle = i === 0 ? 0 : 0.03 * Math.sin(f * Math.PI * 2 + rng.range(0, 1));
    points.push({ u: u + wiggle, v: startV + (endV - startV) * f });
  }
  return {
    id: `road-${plan.hamlet.id}`,
    name: `Đường ${plan.hamlet.name}`,
    roadClass: 'hamlet',
    points,
    hamletId: plan.hamlet.id,
  };
}

/** Lanes run roughly along the island from points on the hamlet road, stopping at the shore. */
function lanes(plan: HamletPlan, road: PlacedRoad, rng: Rng): PlacedRoad[] {
  const result: PlacedRoad[] = [];
  const count = 3 + rng.int(3);
  for (let n = 1; n <= count; n++) {
    const anchor = road.points[Math.min(road.points.length - 1, 2 + rng.int(road.points.length - 2))];
    if (!anchor) continue;
    const direction = rng.next() < 0.5 ? -1 : 1;
    const lengthKm = rng.range(0.2, 0.45);
    const drift = rng.range(-0.12, 0.12);
    const points: LocalPoint[] = [anchor];
    for (let i = 1; i <= 6; i++) {
      const f = i / 6;
      const next = {
        u: anchor.u + direction * lengthKm * f,
        v: anchor.v + drift * f + 0.015 * Math.sin(f * 5),
      };
      if (!isInsideIslandLocal(next, SHORE_MARGIN_KM)) break;
      points.push(next);
    }
    if (points.length < 2) continue;
    result.push({
      id: `lane-${plan.hamlet.id}-${n}`,
      name: `Hẻm ${n} ${road.name}`,
      roadClass: 'lane',
      points,
      hamletId: plan.hamlet.id,
    });
  }
  return result;
}

export function buildRoadNetwork(hamlets: readonly HamletPlan[], rng: Rng): RoadNetwork {
  const spine = mainRoad();
  const roads: PlacedRoad[] = [spine];
  for (const plan of hamlets) {
    const road = hamletRoad(plan, rng);
    roads.push(road, ...lanes(plan, road, rng));
  }
  const bridgeHead = { u: BRIDGE_U, v: southShoreV(BRIDGE_U) + 0.03 };
  const bridgeFoot = { u: BRIDGE_U, v: southShoreV(BRIDGE_U) - 0.33 };
  roads.push({
    id: 'road-bridge-approach',
    name: 'Đường dẫn cầu Bạch Đằng',
    roadClass: 'commune',
    points: [{ u: BRIDGE_U, v: mainRoadV(BRIDGE_U) }, bridgeHead],
  });
  roads.push({
    id: 'bridge-bach-dang',
    name: 'Cầu Bạch Đằng',
    roadClass: 'bridge',
    points: [bridgeHead, bridgeFoot],
  });
  const mainlandEnd = { u: -3.2, v: -2.25 };
  roads.push({
    id: 'road-provincial-mainland',
    name: 'Đường tỉnh phía bờ Tân Uyên',
    roadClass: 'provincial',
    points: [bridgeFoot, { u: -1.6, v: -1.45 }, { u: -2.3, v: -1.8 }, { u: -3.0, v: -2.1 }, mainlandEnd],
  });
  return { roads, mainRoad: spine, bridgeHead, mainlandEnd };
}

export function toDomainRoads(network: RoadNetwork): Road[] {
  return network.roads.map((road) => ({
    id: road.id,
    name: road.name,
    roadClass: road.roadClass,
    path: road.points.map(toCoordinates),
  }));
}

/** A point `distanceKm` along a polyline with its unit direction; clamps to the ends. */
export function pointAlong(
  points: readonly LocalPoint[],
  distanceKm: number,
): { at: LocalPoint; du: number; dv: number } {
  let remaining = distanceKm;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const length = Math.hypot(b.u - a.u, b.v - a.v);
    if (length === 0) continue;
    if (remaining <= length || i === points.length - 1) {
      const f = Math.min(1, remaining / length);
      return {
        at: { u: a.u + (b.u - a.u) * f, v: a.v + (b.v - a.v) * f },
        du: (b.u - a.u) / length,
        dv: (b.v - a.v) / length,
      };
    }
    remaining -= length;
  }
  const only = points[0] ?? { u: 0, v: 0 };
  return { at: only, du: 1, dv: 0 };
}

export function polylineLengthKm(points: readonly LocalPoint[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) total += Math.hypot(b.u - a.u, b.v - a.v);
  }
  return total;
}
