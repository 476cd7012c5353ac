export { type ScheduleOptions, scheduleLoads } from './schedule-loads.ts';
