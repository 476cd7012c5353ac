import type { EnergyPlan } from '@village/domain';
import { addDays } from '../calendar.ts';
import type { DaySeries } from './day-series.ts';

/**
 * How the service's own fixed-load forecasts have fared: for recent plans, the village's fixed net
 * load the plan was made around (`forecastFixedKw`: every home's base load minus its solar) against
 * what the home meters then saw minus what the plan (or, before plans, the at-will assumption) put
 * on them. The largest shortfall is what the transformer reserve must cover: a plan that rides
 * the limit on a forecast that falls short overloads the transformer by the shortfall.
 *
 * Slots count only where nearly every home meter reported (missing meters are scaled up, not read
 * as zero). A plan counts once the meters have seen 90 % of its horizon: the newest plan, made
 * the evening before, has only its first hours observed and its evening still ahead.
 */
export interface ForecastTrackRecord {
  /** Plans whose horizon the meters have (almost) all seen, compared slot by slot. */
  plansCompared: number;
  /** Largest excess of the observed fixed net load over its forecast, kW; 0 when never short. */
  shortfallKw: number;
}

export type PlanForecast = Pick<EnergyPlan, 'date' | 'slotMinutes' | 'startMinuteOfDay' | 'forecastFixedKw'>;

/** How many of the newest plans are compared: a week, so weekdays and a weekend are both in it. */
export const TRACK_RECORD_PLANS = 7;
/** A plan counts when the meters have seen at least this share of its horizon. */
const MIN_OBSERVED_SHARE = 0.9;
/** A slot counts when at least this share of the home meters reported in it. */
const MIN_METER_COVERAGE = 0.9;

export function forecastTrackRecord(input: {
  plans: readonly PlanForecast[];
  /** Per household id, its home meter's kW by date. */
  meterKw: ReadonlyMap<string, readonly DaySeries[]>;
  /** Per household id, what its movable loads and battery drew on the home meter, by date. */
  movableKw: ReadonlyMap<string, readonly DaySeries[]>;
  slotMinutes: number;
}): ForecastTrackRecord {
  const { slotMinutes } = input;
  const slotsPerDay = 1440 / slotMinutes;
  const plans = [...input.plans]
    .filter((plan) => plan.forecastFixedKw && plan.slotMinutes === slotMinutes)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, TRACK_RECORD_PLANS);
  const byDate = (series: readonly DaySeries[] | undefined) =>
    new Map((series ?? []).map((d) => [d.date, d.kw]));
  const homes = [...input.meterKw.entries()].map(([id, series]) => ({
    meter: byDate(series),
    movable: byDate(input.movableKw.get(id)),
  }));
  let plansCompared = 0;
  let shortfallKw = 0;
  for (const plan of plans) {
    const forecast = plan.forecastFixedKw ?? [];
    const start = plan.startMinuteOfDay ?? 0;
    let observed = 0;
    let planShortfallKw = Number.NEGATIVE_INFINITY;
    forecast.forEach((forecastKw, t) => {
      const minute = start + t * slotMinutes;
      const date = addDays(plan.date, Math.floor(minute / 1440));
      const slot = (minute % 1440) / slotMinutes;
      if (!Number.isInteger(slot) || slot >= slotsPerDay) return;
      let reporting = 0;
      let fixedKw = 0;
      for (const home of homes) {
        const kw = home.meter.get(date)?.[slot];
        if (kw === null || kw === undefined) continue;
        reporting++;
        fixedKw += kw - (home.movable.get(date)?.[slot] ?? 0);
      }
      if (homes.length === 0 || reporting < MIN_METER_COVERAGE * homes.length) return;
      observed++;
      planShortfallKw = Math.max(planShortfallKw, (fixedKw * homes.length) / reporting - forecastKw);
    });
    // A plan whose evening the meters have not seen yet says nothing about the evening peak.
    if (observed >= MIN_OBSERVED_SHARE * forecast.length) {
      plansCompared++;
      shortfallKw = Math.max(shortfallKw, planShortfallKw);
    }
  }
  return { plansCompared, shortfallKw };
}
