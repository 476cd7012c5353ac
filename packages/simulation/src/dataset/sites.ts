import type { Depot, DisposalSite } from '@village/domain';
import { type LocalPoint, southShoreV, toCoordinates } from './island.ts';
import type { RoadNetwork } from './roads.ts';

/** The depot sits on the island by the bridge, so every shift starts and ends close to the mainland. */
export function depotNear(network: RoadNetwork): Depot {
  const u = network.bridgeHead.u + 0.15;
  const point: LocalPoint = { u, v: southShoreV(u) + 0.12 };
  return { id: 'DEPOT-01', name: 'Bãi tập kết xe thu gom rác xã Bạch Đằng', location: toCoordinates(point) };
}

/** Waste leaves the island: the transfer station is on the Tân Uyên bank, at the end of the mainland road. */
export function disposalSiteAt(network: RoadNetwork): DisposalSite {
  return {
    id: 'DISPOSAL-01',
    name: 'Trạm trung chuyển rác Tân Uyên (giả lập)',
    location: toCoordinates(network.mainlandEnd),
    openingHours: { open: '05:00', close: '17:00' },
    unloadMinutes: 15,
    acceptsStreams: ['general', 'organic', 'recyclable'],
  };
}
