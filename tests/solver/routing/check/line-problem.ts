import type {
  ClientInput,
  DepotInput,
  ProblemInput,
  VehicleTypeInput,
} from '../../../../packages/solver/src/routing/model/problem-input.ts';

/**
 * Hand-checkable problems: every location sits on a line at position `x`, so distance and travel
 * time are |xᵢ − xⱼ| and expected arrivals can be worked out on paper.
 */
export interface LineProblem {
  depots: (DepotInput & { x: number })[];
  clients: (ClientInput & { x: number })[];
  vehicleTypes?: Partial<VehicleTypeInput>[];
  numLoadDimensions?: number;
}

export function lineProblem(spec: LineProblem): ProblemInput {
  const xs = [...spec.depots, ...spec.clients].map((l) => l.x);
  const matrix = xs.map((a) => xs.map((b) => Math.abs(a - b)));
  const K = spec.numLoadDimensions ?? 1;
  return {
    numLoadDimensions: K,
    depots: spec.depots.map(({ x: _x, ...depot }) => depot),
    clients: spec.clients.map(({ x: _x, ...client }) => client),
    vehicleTypes: (spec.vehicleTypes ?? [{}]).map((vt) => ({
      numAvailable: 5,
      capacity: new Array(K).fill(100),
      startDepot: 0,
      endDepot: 0,
      ...vt,
    })),
    distance: matrix,
  };
}
