import {
  type App,
  apiGatewayJwtClaims,
  createApp,
  createClaimsAuthenticator,
  createHs256Authenticator,
  type PlannerPort,
} from '@village/api';
import { systemClock } from '@village/domain';
import { createDynamoDbClient, createStore, type Store } from '@village/store';
import { handle } from 'hono/aws-lambda';
import { type RuntimeConfig, readRuntimeConfig } from '../shared/runtime-config.ts';

/**
 * The API for a configuration. Locally tokens are HS256-signed with the secret in DATA_DIR; in AWS
 * API Gateway's JWT authorizer has verified the Cognito token and the app only maps its claims.
 */
export function createApiApp(
  config: RuntimeConfig,
  options: { planner?: (store: Store) => PlannerPort } = {},
): App {
  const store = createStore({
    client: createDynamoDbClient({ endpoint: config.DYNAMODB_ENDPOINT }),
    tableName: config.TABLE_NAME,
  });
  const auth = config.JWT_SECRET
    ? createHs256Authenticator(config.JWT_SECRET)
    : createClaimsAuthenticator(apiGatewayJwtClaims);
  // The planner is composed in where it runs in-process (the local village). The Lambda bundle leaves
  // it out — solver and planner would take the API over its 1 MB budget — and in AWS the plans come
  // from the plan-waste / plan-energy functions (scheduled, or invoked by an operator).
  const planner = options.planner?.(store);
  return createApp({
    store,
    auth,
    clock: systemClock,
    villageId: config.VILLAGE_ID,
    ...(planner ? { planner } : {}),
  });
}

let lambdaHandler: ReturnType<typeof handle> | undefined;

/** Lambda entry: built on first invocation, so importing the module (locally, in tests) costs nothing. */
export const handler: ReturnType<typeof handle> = (event, context) => {
  lambdaHandler ??= handle(createApiApp(readRuntimeConfig(process.env)));
  return lambdaHandler(event, context);
};
