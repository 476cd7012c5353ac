/**
 * @village/solver — pure optimisation, no I/O; depends only on @village/domain.
 * Routing: a hybrid genetic search for rich vehicle routing (capacity in several dimensions, time
 * windows, disposal trips, optional jobs with values, heterogeneous fleet), and the mapping from a
 * village's collection day to it. Load scheduling: every household's flexible loads, battery and
 * solar against prices and the village transformer's limit (`scheduleLoads`).
 */

export * from './energy/index.ts';
export * from './routing/index.ts';
export * from './routing/village/index.ts';
