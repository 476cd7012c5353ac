import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '@village/domain';
import type { Store } from '@village/store';
import type { Authenticator, Principal } from './auth/authenticator.ts';
import type { Guard } from './auth/middleware.ts';
import type { Logger } from './logger.ts';
import type { PlannerPort } from './planner-port.ts';

export interface AppDeps {
  store: Store;
  auth: Authenticator;
  clock: Clock;
  /** The one village this deployment serves; every query is scoped to it. */
  villageId: string;
  logger?: Logger;
  /** The planning loop; without it the plan-triggering routes answer 503. */
  planner?: PlannerPort;
}

/** Context variables: set by the request-id and authentication middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal?: Principal;
  };
}

export type App = OpenAPIHono<AppEnv>;

/** What each route module's `register…Routes` function receives. */
export interface RouteContext {
  app: App;
  deps: AppDeps;
  guard: Guard;
}
