import type { Role } from './authenticator.ts';

/**
 * How a household principal is confined on a route open to households: to its own household id in
 * the path, or to the meter registered to its household.
 */
export type HouseholdScope = 'own-household' | 'own-meter';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'roles'; roles: readonly Role[]; householdScope?: HouseholdScope };

export interface RoutePolicy {
  method: 'get' | 'post' | 'put';
  /** OpenAPI path syntax, exactly as the route is registered and documented. */
  path: string;
  access: RouteAccess;
}

const PUBLIC = { kind: 'public' } as const;
const OPERATOR = { kind: 'roles', roles: ['operator'] } as const;
const OPERATOR_OR_CREW = { kind: 'roles', roles: ['operator', 'crew'] } as const;

/**
 * Every route and who may call it, in one table: route modules take method, path and guard from
 * here, so the OpenAPI document, the enforcement and an authorization-matrix test cannot drift apart.
 */
export const accessPolicy = {
  health: { method: 'get', path: '/health', access: PUBLIC },
  openApi: { method: 'get', path: '/api/openapi.json', access: PUBLIC },
  me: { method: 'get', path: '/api/me', access: { kind: 'roles', roles: ['operator', 'crew', 'household'] } },
  listBins: { method: 'get', path: '/api/bins', access: { kind: 'roles', roles: ['operator', 'crew'] } },
  getBin: {
    method: 'get',
    path: '/api/bins/{binId}',
    access: { kind: 'roles', roles: ['operator', 'crew'] },
  },
  listMeterReadings: {
    method: 'get',
    path: '/api/meters/{meterId}/readings',
    access: { kind: 'roles', roles: ['operator', 'household'], householdScope: 'own-meter' },
  },
  getHouseholdUsage: {
    method: 'get',
    path: '/api/households/{householdId}/usage',
    access: { kind: 'roles', roles: ['operator', 'household'], householdScope: 'own-household' },
  },
  listRejections: { method: 'get', path: '/api/rejections', access: OPERATOR },
  planWaste: { method: 'post', path: '/api/plans/waste', access: OPERATOR },
  // `latest` is registered before `{date}` (the router tries routes in registration order).
  getLatestWastePlan: { method: 'get', path: '/api/plans/waste/latest', access: OPERATOR_OR_CREW },
  getWastePlan: { method: 'get', path: '/api/plans/waste/{date}', access: OPERATOR_OR_CREW },
  getVehicleRoute: {
    method: 'get',
    path: '/api/plans/waste/{date}/vehicles/{vehicleId}',
    access: OPERATOR_OR_CREW,
  },
  reportStop: { method: 'post', path: '/api/plans/waste/{date}/stops', access: OPERATOR_OR_CREW },
  planEnergy: { method: 'post', path: '/api/plans/energy', access: OPERATOR },
  getLatestEnergyPlan: { method: 'get', path: '/api/plans/energy/latest', access: OPERATOR },
  getEnergyPlan: { method: 'get', path: '/api/plans/energy/{date}', access: OPERATOR },
  getHouseholdPlan: {
    method: 'get',
    path: '/api/households/{householdId}/plan',
    access: { kind: 'roles', roles: ['operator', 'household'], householdScope: 'own-household' },
  },
  getSettings: { method: 'get', path: '/api/settings', access: OPERATOR },
  putSettings: { method: 'put', path: '/api/settings', access: OPERATOR },
  listSettingsAudit: { method: 'get', path: '/api/settings/audit', access: OPERATOR },
} as const satisfies Record<string, RoutePolicy>;

export type RouteName = keyof typeof accessPolicy;
