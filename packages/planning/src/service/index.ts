export { createPlanner, type Planner, type PlannerOptions } from './create-planner.ts';
export type { PlanningData } from './planning-data.ts';
