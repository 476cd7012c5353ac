import {
  createRng,
  type Rng,
  ValidationError,
  VILLAGE_TIME_ZONE,
  type VillageDataset,
  villageDatasetSchema,
} from '@village/domain';
import { stringKey } from '../devices/noise.ts';
import { generateBins } from './bins.ts';
import { generateFleet } from './fleet.ts';
import { planHamlets } from './hamlets.ts';
import { generateHouseholds } from './households.ts';
import { ISLAND_CENTER } from './island.ts';
import { buildRoadNetwork, mainRoadV, toDomainRoads } from './roads.ts';
import { depotNear, disposalSiteAt } from './sites.ts';
import { sizeTransformer } from './transformer.ts';

export interface DemoVillageOptions {
  /** Same seed, same village. Default 1. */
  seed?: number;
  /** Default 1,500. */
  households?: number;
  /** Default 300. */
  bins?: number;
  /** Default 3 (two compactors and a small truck). */
  vehicles?: number;
}

export const DEMO_VILLAGE_ID = 'bach-dang';

export const DATA_NOTICE =
  'Bố cục giả lập, không phải bản đồ thật: cù lao, ấp, đường, hộ dân và thiết bị đều được tạo ngẫu nhiên. / ' +
  'Synthetic layout, not a real map: the island, hamlets, roads, households and devices are all generated.';

const LIMITS = { households: [1, 20_000], bins: [1, 5_000], vehicles: [1, 20] } as const;

function checkCount(name: keyof typeof LIMITS, value: number): void {
  const [min, max] = LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`invalid demo village option "${name}"`, [
      { field: name, message: `must be an integer from ${min} to ${max}` },
    ]);
  }
}

/**
 * Each part draws from its own stream, so asking for more bins does not move the houses and asking
 * for more vehicles changes nothing else.
 */
function streamFor(seed: number, part: string): Rng {
  return createRng((seed ^ stringKey(part)) >>> 0);
}

/** A synthetic Bạch Đằng-like river-island commune, valid per `villageDatasetSchema` and deterministic for a seed. */
export function generateDemoVillage(options: DemoVillageOptions = {}): VillageDataset {
  const seed = options.seed ?? 1;
  const householdCount = options.households ?? 1_500;
  const binCount = options.bins ?? 300;
  const vehicleCount = options.vehicles ?? 3;
  if (!Number.isInteger(seed)) {
    throw new ValidationError('invalid demo village option "seed"', [
      { field: 'seed', message: 'must be an integer' },
    ]);
  }
  checkCount('households', householdCount);
  checkCount('bins', binCount);
  checkCount('vehicles', vehicleCount);

  const villageId = DEMO_VILLAGE_ID;
  const hamlets = planHamlets();
  const network = buildRoadNetwork(hamlets, streamFor(seed, 'roads'));
  const { households, meters, homes } = generateHouseholds(
    villageId,
    hamlets,
    network,
    householdCount,
    streamFor(seed, 'households'),
  );
  const bins = generateBins(villageId, hamlets, network, homes, binCount, streamFor(seed, 'bins'));
  const depot = depotNear(network);
  const transformerSpot = { u: -0.2, v: mainRoadV(-0.2) + 0.02 };
  const sized = sizeTransformer(households, transformerSpot, streamFor(seed, 'transformer').int(2 ** 31));

  return villageDatasetSchema.parse({
    village: {
      id: villageId,
      name: 'Làng thông minh Bạch Đằng',
      commune: 'Xã Bạch Đằng',
      district: 'Thành phố Tân Uyên',
      province: 'Tỉnh Bình Dương',
      timeZone: VILLAGE_TIME_ZONE,
      currency: 'VND',
      center: ISLAND_CENTER,
      dataNotice: DATA_NOTICE,
      hamlets: hamlets.map((plan) => plan.hamlet),
      roads: toDomainRoads(network),
      transformer: sized.transformer,
    },
    households,
    meters: [...meters, { ...sized.meter, villageId }],
    bins,
    vehicles: generateFleet(vehicleCount, depot.id),
    depots: [depot],
    disposalSites: [disposalSiteAt(network)],
  });
}
