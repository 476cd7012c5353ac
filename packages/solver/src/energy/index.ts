export { type ScheduleOptions, scheduleLoads } from './schedule-loads.ts';
export { unmanagedSchedule } from './unmanaged-schedule.ts';
