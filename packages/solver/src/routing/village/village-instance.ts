import {
  type Bin,
  createRng,
  type OpeningHours,
  type Rng,
  type Vehicle,
  type VillageDataset,
} from '@village/domain';
import type { BinToConsider, CollectionRequestInput } from './collection-request.ts';

/**
 * Seeded waste-collection days at village scale, for scale tests and the benchmark ("500 bins, 4
 * vehicles, disposal trips, 20 % time windows, must/may bins").
 *
 * It takes a `VillageDataset` instead of calling `generateDemoVillage` itself because the solver
 * package is pure and depends on `@village/domain` only; callers pass
 * `generateDemoVillage({ seed, vehicles: 4 })` from `@village/simulation`.
 *
 * From the dataset: its real bins (sampled, or duplicated with ~30 m jitter when more are asked for
 * than it has — a denser village on the same roads), its vehicles (cloned in turn up to the count), its
 * depots and disposal sites. Added: a predicted fill per bin, must/may (full bins and market/school
 * bins are musts), a value for may bins that grows with the fill (an emptier bin can wait a day), and
 * time windows on a share of bins (the dataset's market/school windows count towards it).
 */
export interface VillageInstanceOptions {
  /** Default 1. */
  seed?: number;
  /** Default 500. */
  bins?: number;
  /** Default 4. */
  vehicles?: number;
  /** Share of bins with a collection window. Default 0.2. */
  timeWindowShare?: number;
  /** Bins at least this full must be collected. Default 80 (%). */
  mustFillPercent?: number;
  /** Default `2026-12-01`. */
  date?: string;
  balance?: boolean;
}

/** Three-hour windows inside the 05:00–13:00 shifts (households asking "not before 7", shops, ...). */
const WINDOWS: readonly OpeningHours[] = [
  { open: '05:00', close: '08:00' },
  { open: '06:00', close: '09:00' },
  { open: '07:00', close: '10:00' },
  { open: '08:00', close: '11:00' },
  { open: '09:00', close: '12:00' },
  { open: '10:00', close: '13:00' },
];

/** ~30 m: another bin a few gates down the same road. */
const JITTER_DEGREES = 0.0003;

/** VND per (fill %)²/100: a may bin 50 % full is worth ~10,000 VND, 75 % ~22,500 VND. */
const VALUE_VND_PER_FILL_SQUARED = 40;

function sampleBins(source: readonly Bin[], count: number, rng: Rng): Bin[] {
  const shuffled = [...source];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const bins: Bin[] = shuffled.slice(0, count);
  for (let copy = 2; bins.length < count; copy++) {
    for (const original of shuffled) {
      if (bins.length >= count) break;
      bins.push({
        ...original,
        id: `${original.id}-C${copy}`,
        location: {
          lat: original.location.lat + rng.range(-JITTER_DEGREES, JITTER_DEGREES),
          lon: original.location.lon + rng.range(-JITTER_DEGREES, JITTER_DEGREES),
        },
      });
    }
  }
  return bins;
}

function fleetOf(source: readonly Vehicle[], count: number): Vehicle[] {
  return Array.from({ length: count }, (_, i) => {
    const template = source[i % source.length]!;
    if (i < source.length) return template;
    const id = `VEH-${String(i + 1).padStart(2, '0')}`;
    return { ...template, id, name: `${template.name} (${id})` };
  });
}

export function generateVillageInstance(
  dataset: VillageDataset,
  options: VillageInstanceOptions = {},
): CollectionRequestInput {
  const rng = createRng(options.seed ?? 1);
  const count = options.bins ?? 500;
  const mustFill = options.mustFillPercent ?? 80;
  if (dataset.bins.length === 0) throw new RangeError('the dataset has no bins');
  const bins = sampleBins(dataset.bins, count, rng);

  // Top up the windows the dataset already has (market, school) to the requested share.
  const wanted = Math.round(count * (options.timeWindowShare ?? 0.2));
  let windows = bins.filter((b) => b.timeWindow).length;
  const open = bins.map((_, i) => i).filter((i) => !bins[i]!.timeWindow);
  while (windows < wanted && open.length > 0) {
    const i = open.splice(rng.int(open.length), 1)[0]!;
    bins[i] = { ...bins[i]!, timeWindow: rng.pick(WINDOWS) };
    windows++;
  }

  const entries: BinToConsider[] = bins.map((bin) => {
    const fill = Math.round(rng.range(10, 100));
    const special = bin.kind === 'market' || bin.kind === 'school';
    const mustCollect = special || fill >= mustFill;
    return {
      bin,
      mustCollect,
      valueVnd: mustCollect ? 0 : Math.round(((fill * fill) / 100) * VALUE_VND_PER_FILL_SQUARED),
      predictedFillPercent: fill,
    };
  });

  return {
    date: options.date ?? '2026-12-01',
    timeZone: dataset.village.timeZone,
    vehicles: fleetOf(dataset.vehicles, options.vehicles ?? 4),
    depots: dataset.depots,
    disposalSites: dataset.disposalSites,
    bins: entries,
    balance: options.balance ?? false,
  };
}
