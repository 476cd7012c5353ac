import { createRng } from '@village/domain';
import {
  createProblem,
  type ProblemData,
} from '../../../../packages/solver/src/routing/model/problem-data.ts';
import type { ClientInput } from '../../../../packages/solver/src/routing/model/problem-input.ts';

/**
 * A small problem with every feature SREX must respect: two depots (one a disposal site for reloads),
 * two load dimensions, time windows, two vehicle types in limited number, clients only the small type
 * may serve, and optional clients with prizes. Random but seeded.
 */
export function richProblem(seed = 3, numClients = 40): ProblemData {
  const rng = createRng(seed);
  const points = [
    [50, 50],
    [80, 20],
    ...Array.from({ length: numClients }, () => [rng.range(0, 100), rng.range(0, 100)]),
  ] as [number, number][];
  const distance = points.map(([x1, y1]) =>
    points.map(([x2, y2]) => Math.round(Math.hypot(x1 - x2, y1 - y2))),
  );
  const clients: ClientInput[] = points.slice(2).map((_, i) => {
    const open = rng.int(300);
    return {
      demand: [1 + rng.int(20), rng.int(3)],
      serviceDuration: 5,
      twEarly: open,
      twLate: open + 150 + rng.int(200),
      required: i % 5 !== 4,
      prize: i % 5 === 4 ? 30 + rng.int(60) : 0,
      ...(i % 7 === 0 ? { allowedVehicleTypes: [1] } : {}),
    };
  });
  return createProblem({
    numLoadDimensions: 2,
    depots: [{ twEarly: 0, twLate: 1000 }, { serviceDuration: 10 }],
    clients,
    vehicleTypes: [
      {
        numAvailable: 3,
        capacity: [100, 8],
        startDepot: 0,
        endDepot: 0,
        twLate: 1000,
        fixedCost: 50,
        reloadDepots: [1],
        maxReloads: 2,
      },
      { numAvailable: 3, capacity: [50, 4], startDepot: 0, endDepot: 0, twLate: 1000, fixedCost: 20 },
    ],
    distance,
  });
}
