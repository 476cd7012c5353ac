export { localInstantMs, VILLAGE_OFFSET } from './local-clock.ts';
export { type EnergyDayInput, type EnergyDayResult, planEnergyDay } from './plan-energy-day.ts';
export {
  planWasteDay,
  type WasteDayInput,
  type WasteDayResult,
  type WasteDaySettings,
} from './plan-waste-day.ts';
