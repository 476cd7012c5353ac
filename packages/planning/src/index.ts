/**
 * @village/planning — the daily loop's decisions: forecasts from telemetry, which bins to collect,
 * what each household's day looks like, and the plans built from them with @village/solver.
 * Pure: no I/O; callers (functions/, scripts/) bring readings in and store plans.
 */

export * from './daily/index.ts';
export * from './energy/index.ts';
export * from './service/index.ts';
export * from './waste/index.ts';
