export { createApp } from './app.ts';
export type { App, AppDeps } from './app-env.ts';
export { accessPolicy, type RouteAccess, type RouteName, type RoutePolicy } from './auth/access-policy.ts';
export type { Authenticator, AuthRequestInfo, Principal, Role } from './auth/authenticator.ts';
export { apiGatewayJwtClaims, type ClaimsSource, createClaimsAuthenticator } from './auth/claims.ts';
export { createHs256Authenticator, signDemoToken } from './auth/hs256.ts';
export type { Logger } from './logger.ts';
export type {
  BillEstimate,
  BillEstimateRequest,
  EnergyPlanRequest,
  PlannerPort,
  PlanRequester,
  WastePlanRequest,
  WasteReplan,
} from './planner-port.ts';
export { UnavailableError } from './unavailable-error.ts';
