import { ISLAND_CENTER } from '../dataset/island.ts';
import {
  HOUR_MS,
  hourIndex,
  isRainySeason,
  localDayIndex,
  localMinuteOfDay,
  localMonthAndDayOfYear,
} from './local-time.ts';
import { unitNoise } from './noise.ts';

/**
 * Rooftop PV output from solar geometry and a cloud process. Simple on purpose: the planner needs
 * a believable midday bump that vanishes at night and dips on cloudy afternoons, not an irradiance
 * model to the watt.
 */

const LATITUDE_RAD = (ISLAND_CENTER.lat * Math.PI) / 180;
/** Inverter, wiring, soiling and heat losses: a typical performance ratio in the tropics. */
const PERFORMANCE_RATIO = 0.78;
/** Local clock time of solar noon: UTC+7 is centred on 105°E, the island is ~1.8° east of it. */
const SOLAR_NOON_MINUTE = 12 * 60 - (ISLAND_CENTER.lon - 105) * 4;

/** Cosine of the sun's zenith angle (0 when the sun is below the horizon). */
export function sunElevationFactor(epochMs: number): number {
  const { dayOfYear } = localMonthAndDayOfYear(epochMs);
  const declination = ((23.44 * Math.PI) / 180) * Math.sin((2 * Math.PI * (284 + dayOfYear)) / 365);
  const hourAngle = ((localMinuteOfDay(epochMs) - SOLAR_NOON_MINUTE) / 4) * (Math.PI / 180);
  const cosZenith =
    Math.sin(LATITUDE_RAD) * Math.sin(declination) +
    Math.cos(LATITUDE_RAD) * Math.cos(declination) * Math.cos(hourAngle);
  return Math.max(0, cosZenith);
}

/**
 * Fraction of clear-sky light blocked by cloud, 0–0.85. One weather draw per day (clear, mixed or
 * overcast) plus an hourly flicker; rainy-season afternoons bring the typical convective showers.
 */
export function cloudAttenuation(seed: number, epochMs: number): number {
  const day = localDayIndex(epochMs);
  const rainy = isRainySeason(epochMs);
  const dayDraw = unitNoise(seed, 101, day);
  const dayCloud = rainy ? 0.15 + 0.45 * dayDraw : 0.05 + 0.3 * dayDraw;
  const minute = localMinuteOfDay(epochMs);
  const afternoonStorm = rainy && minute >= 13 * 60 && unitNoise(seed, 102, day) < 0.55 ? 0.35 : 0;
  const hourly = 0.25 * (unitNoise(seed, 103, hourIndex(epochMs)) - 0.5);
  return Math.min(0.85, Math.max(0, dayCloud + afternoonStorm + hourly));
}

/** AC output of a PV system of `peakKw` at an instant. Zero at night by construction. */
export function solarOutputKw(peakKw: number, epochMs: number, weatherSeed: number): number {
  const sun = sunElevationFactor(epochMs);
  if (sun === 0) return 0;
  return peakKw * PERFORMANCE_RATIO * sun * (1 - cloudAttenuation(weatherSeed, epochMs));
}

/** Convenience for tests and reports: energy over one local day, integrating in 5-minute steps. */
export function solarDailyKwh(peakKw: number, dayStartMs: number, weatherSeed: number): number {
  const stepMs = HOUR_MS / 12;
  let kwh = 0;
  for (let t = dayStartMs; t < dayStartMs + 24 * HOUR_MS; t += stepMs) {
    kwh += solarOutputKw(peakKw, t + stepMs / 2, weatherSeed) * (stepMs / HOUR_MS);
  }
  return kwh;
}
