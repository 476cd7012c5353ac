import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { App, AppDeps, AppEnv, RouteContext } from './app-env.ts';
import { createGuard } from './auth/middleware.ts';
import { installErrorHandling, validationHook } from './errors.ts';
import { jsonConsoleLogger } from './logger.ts';
import { registerBinRoutes } from './routes/bins.ts';
import { registerEnergyPlanRoutes } from './routes/energy-plans.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerHouseholdPlanRoutes } from './routes/household-plans.ts';
import { registerHouseholdRoutes } from './routes/households.ts';
import { registerMeRoutes } from './routes/me.ts';
import { registerMeterRoutes } from './routes/meters.ts';
import { registerOpenApiRoutes } from './routes/openapi.ts';
import { registerRejectionRoutes } from './routes/rejections.ts';
import { registerSettingsRoutes } from './routes/settings.ts';
import { registerStopReportRoutes } from './routes/stop-reports.ts';
import { registerWastePlanRoutes } from './routes/waste-plans.ts';

/**
 * The HTTP API as a plain fetch handler: served by `@hono/node-server` locally and by
 * `hono/aws-lambda` in AWS. Request handling uses only web-standard APIs so both runtimes behave alike.
 */
export function createApp(deps: AppDeps): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // First, so every response — errors and 404s included — carries an X-Request-Id.
  app.use('*', requestId());
  installErrorHandling(app, deps.logger ?? jsonConsoleLogger);

  const context: RouteContext = { app, deps, guard: createGuard(deps.auth) };
  registerHealthRoutes(context);
  registerMeRoutes(context);
  registerBinRoutes(context);
  registerMeterRoutes(context);
  registerHouseholdRoutes(context);
  registerRejectionRoutes(context);
  registerWastePlanRoutes(context);
  registerStopReportRoutes(context);
  registerEnergyPlanRoutes(context);
  registerHouseholdPlanRoutes(context);
  registerSettingsRoutes(context);
  registerOpenApiRoutes(context);
  return app;
}
