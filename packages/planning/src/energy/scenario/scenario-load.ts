import type { FlexibleLoad, LoadSpec } from '@village/domain';
import type { Horizon } from '../calendar.ts';
import { loadWindowSlots } from './load-window.ts';

/** Why a load is not planned as asked. */
export interface LoadNote {
  householdId: string;
  loadId: string;
  code: 'OUTSIDE_HORIZON' | 'WINDOW_TOO_SHORT' | 'ENERGY_CAPPED';
  message: string;
}

/** kWh to three decimals: the scheduler must deliver exactly what is asked, and what fits must still fit. */
function floorKwh(kwh: number): number {
  return Math.floor(kwh * 1000) / 1000;
}

/**
 * A household's flexible load as the scheduler's load: its window in slots; interruptible loads keep
 * their kW and daily kWh, non-interruptible ones run whole slots (a 45-minute heater fills three
 * 15-minute slots). A window the horizon cuts short may no longer hold the load: an interruptible
 * load then asks for what the window can deliver at full power, a block is left out — both noted.
 */
export function scenarioLoad(
  householdId: string,
  load: FlexibleLoad,
  horizon: Horizon,
): { spec?: LoadSpec; note?: LoadNote } {
  const window = loadWindowSlots(horizon, load.earliest, load.latest);
  const slots = window.latest - window.earliest;
  const where = `${load.earliest}–${load.latest}`;
  if (slots <= 0) {
    const message = `window ${where} does not open within the planning horizon`;
    return { note: { householdId, loadId: load.id, code: 'OUTSIDE_HORIZON', message } };
  }
  const base = { id: load.id, kw: load.kw, earliest: window.earliest, latest: window.latest };
  if (load.interruptible) {
    const capacityKwh = load.kw * slots * (horizon.slotMinutes / 60);
    if (load.energyKwh <= capacityKwh) {
      return { spec: { ...base, interruptible: true, energyKwh: load.energyKwh } };
    }
    const energyKwh = floorKwh(capacityKwh);
    const message = `window ${where}${window.cut ? ' (cut at the horizon end)' : ''} holds ${energyKwh} of the ${load.energyKwh} kWh asked`;
    return {
      ...(energyKwh > 0 ? { spec: { ...base, interruptible: true as const, energyKwh } } : {}),
      note: { householdId, loadId: load.id, code: 'ENERGY_CAPPED', message },
    };
  }
  const durationSlots = Math.ceil(load.durationMinutes / horizon.slotMinutes);
  if (durationSlots > slots) {
    const message = `window ${where}${window.cut ? ' (cut at the horizon end)' : ''} is shorter than the ${load.durationMinutes}-minute run`;
    return { note: { householdId, loadId: load.id, code: 'WINDOW_TOO_SHORT', message } };
  }
  return { spec: { ...base, interruptible: false, durationSlots } };
}
