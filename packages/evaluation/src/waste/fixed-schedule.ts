import type { Bin, VillageDataset } from '@village/domain';
import { DAY_MS, weekdayOf } from '../local-day.ts';
import { routeChosenBins } from './route-bins.ts';
import type { WastePolicy } from './waste-policy.ts';

/**
 * Today's practice: a fixed round, as a commune crew would set it up without sensors.
 * - Market containers every day: the morning market fills most of a 660 l container daily.
 * - School containers every school day (Monday–Saturday): the school is closed on Sundays.
 * - Every other bin (homes, public places) every `everyDays` days, hamlet by hamlet: the hamlets,
 *   taken along the island west to east, are cut into `everyDays` contiguous groups of about equal
 *   bin counts, and group g is collected on the days whose day number ≡ g (mod `everyDays`). Two days
 *   is what rural Bình Dương crews typically run and what a shared 240 l bin needs (it fills in 2–4
 *   days), so it is the default.
 */

export interface FixedScheduleOptions {
  everyDays?: number;
}

/** Group per hamlet id: contiguous along the island, balanced by the number of rotating bins. */
export function hamletGroups(dataset: VillageDataset, groups: number): Map<string, number> {
  const rotating = dataset.bins.filter((bin) => isRotating(bin));
  const counts = new Map<string, number>();
  for (const bin of rotating) counts.set(bin.hamletId, (counts.get(bin.hamletId) ?? 0) + 1);
  const hamlets = [...dataset.village.hamlets].sort((a, b) => a.center.lon - b.center.lon);
  const total = rotating.length;
  const result = new Map<string, number>();
  let before = 0;
  for (const hamlet of hamlets) {
    const count = counts.get(hamlet.id) ?? 0;
    // A hamlet goes to the group its middle bin falls in, so groups stay close to total / groups.
    const middle = before + count / 2;
    result.set(hamlet.id, Math.min(groups - 1, Math.floor((middle / Math.max(1, total)) * groups)));
    before += count;
  }
  return result;
}

function isRotating(bin: Bin): boolean {
  return bin.kind === 'household' || bin.kind === 'public';
}

/** The bins the fixed round empties on `date`. */
export function fixedScheduleBins(
  dataset: VillageDataset,
  date: string,
  groups: ReadonlyMap<string, number>,
  everyDays: number,
): Bin[] {
  const dayNumber = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  const weekday = weekdayOf(date);
  return dataset.bins.filter((bin) => {
    if (bin.kind === 'market') return true;
    if (bin.kind === 'school') return weekday !== 0;
    return (groups.get(bin.hamletId) ?? 0) === dayNumber % everyDays;
  });
}

export function createFixedSchedulePolicy(
  dataset: VillageDataset,
  options: FixedScheduleOptions = {},
): WastePolicy {
  const everyDays = options.everyDays ?? 2;
  const groups = hamletGroups(dataset, everyDays);
  return {
    name: 'fixedSchedule',
    plan: (context) => routeChosenBins(context, fixedScheduleBins(dataset, context.date, groups, everyDays)),
  };
}
