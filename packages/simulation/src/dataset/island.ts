import { type Coordinates, haversineKm } from '@village/domain';

/**
 * Synthetic geometry of a Bạch Đằng-like river island ("cù lao") in the Đồng Nai river. It is NOT
 * a real map: a lens ~5 km long and ~2 km wide, centred near the real commune, rotated so it runs
 * roughly WSW–ENE like the river there. Everything is built in a local frame (kilometres) where `u`
 * runs along the island's long axis and `v` across it (positive = north-west bank), then converted to
 * WGS84 with an equirectangular approximation, which is accurate to metres over a few kilometres.
 */

export interface LocalPoint {
  /** Kilometres along the island's long axis, 0 at the centre. */
  u: number;
  /** Kilometres across the island, positive towards the north-west bank. */
  v: number;
}

export const ISLAND_CENTER: Coordinates = { lat: 11.07, lon: 106.82 };
/** Half of the island's length, km. */
export const ISLAND_HALF_LENGTH_KM = 2.5;
const AXIS_ANGLE_RAD = (25 * Math.PI) / 180;
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((ISLAND_CENTER.lat * Math.PI) / 180);

/** 1 in the middle of the island, tapering to 0 at both tips. */
function taper(u: number): number {
  const x = Math.min(1, Math.abs(u) / ISLAND_HALF_LENGTH_KM);
  return (1 - x ** 2.2) ** 0.55;
}

/** The north-west shore's `v` at `u`; slightly wavy so the outline does not look machine-made. */
export function northShoreV(u: number): number {
  return 1.0 * taper(u) * (1 + 0.08 * Math.sin(1.3 * u));
}

/** The south-east shore's `v` at `u` (negative). The bridge and the mainland road are on this side. */
export function southShoreV(u: number): number {
  return -0.95 * taper(u) * (1 - 0.06 * Math.sin(0.9 * u + 0.5));
}

/** True when the local point lies on the island at least `marginKm` from the shore. */
export function isInsideIslandLocal(point: LocalPoint, marginKm = 0): boolean {
  if (Math.abs(point.u) > ISLAND_HALF_LENGTH_KM - marginKm) return false;
  return point.v <= northShoreV(point.u) - marginKm && point.v >= southShoreV(point.u) + marginKm;
}

export function toCoordinates(point: LocalPoint): Coordinates {
  const eastKm = point.u * Math.cos(AXIS_ANGLE_RAD) - point.v * Math.sin(AXIS_ANGLE_RAD);
  const northKm = point.u * Math.sin(AXIS_ANGLE_RAD) + point.v * Math.cos(AXIS_ANGLE_RAD);
  return {
    lat: round6(ISLAND_CENTER.lat + northKm / KM_PER_DEGREE_LAT),
    lon: round6(ISLAND_CENTER.lon + eastKm / KM_PER_DEGREE_LON),
  };
}

export function toLocal(coordinates: Coordinates): LocalPoint {
  const northKm = (coordinates.lat - ISLAND_CENTER.lat) * KM_PER_DEGREE_LAT;
  const eastKm = (coordinates.lon - ISLAND_CENTER.lon) * KM_PER_DEGREE_LON;
  return {
    u: eastKm * Math.cos(AXIS_ANGLE_RAD) + northKm * Math.sin(AXIS_ANGLE_RAD),
    v: -eastKm * Math.sin(AXIS_ANGLE_RAD) + northKm * Math.cos(AXIS_ANGLE_RAD),
  };
}

/** Straight-line distance in km: the domain's haversine, one formula for the whole project. */
export const distanceKm = haversineKm;

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const OUTLINE_POINTS_PER_SHORE = 48;

/** The island's shoreline as a closed polygon (first point not repeated), clockwise from the west tip. */
export function islandOutline(): Coordinates[] {
  const us: number[] = [];
  for (let i = 0; i <= OUTLINE_POINTS_PER_SHORE; i++) {
    // Cosine spacing puts more vertices near the rounded tips.
    us.push(-ISLAND_HALF_LENGTH_KM * Math.cos((Math.PI * i) / OUTLINE_POINTS_PER_SHORE));
  }
  const north = us.map((u) => toCoordinates({ u, v: northShoreV(u) }));
  const south = us
    .slice(1, -1)
    .reverse()
    .map((u) => toCoordinates({ u, v: southShoreV(u) }));
  return [...north, ...south];
}

const OUTLINE = islandOutline();

/** Point-in-polygon (ray casting) against the published outline, so callers and tests agree on "on the island". */
export function isOnIsland(point: Coordinates, outline: readonly Coordinates[] = OUTLINE): boolean {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const a = outline[i];
    const b = outline[j];
    if (!a || !b) continue;
    const crosses =
      a.lat > point.lat !== b.lat > point.lat &&
      point.lon < ((b.lon - a.lon) * (point.lat - a.lat)) / (b.lat - a.lat) + a.lon;
    if (crosses) inside = !inside;
  }
  return inside;
}
