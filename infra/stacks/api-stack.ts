import { accessPolicy } from '@village/api';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { VillageFunction } from '../constructs/village-function.ts';

/** The only route API Gateway lets through without a token (load balancers and uptime checks). */
export const PUBLIC_ROUTE = '/health';

/** Cognito groups, most privileged first; the API maps them to roles (packages/api `principalFromClaims`). */
export const USER_GROUPS = ['operator', 'crew', 'household'] as const;

/**
 * One JSON object per request in the access log, with the HTTP API's own context variables
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html).
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  subject: '$context.authorizer.claims.sub',
};

export interface ApiStackProps extends StackProps {
  /** The table of DataStack, by name: no CloudFormation export ties the stacks together. */
  tableName: string;
}

/**
 * Browser / phone → HTTP API (JWT authorizer backed by a Cognito user pool) → functions/api, the same
 * Hono app `npm start` serves. Routes are declared from the API's own access table, so API Gateway
 * answers unknown paths with 404 without invoking (and paying for) the function.
 */
export class ApiStack extends Stack {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly api: HttpApi;
  readonly fn: VillageFunction;

  constructor(scope: Construct, id: string, config: StageConfig, props: ApiStackProps) {
    super(scope, id, props);
    const table: ITable = Table.fromTableName(this, 'Table', props.tableName);

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `${config.prefix}-users`,
      // Operators invite crews and households (AdminCreateUser); nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      customAttributes: {
        // Which household a `household` user may see; set by operators, never by the user (see the client).
        householdId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      featurePlan: FeaturePlan.LITE,
      deletionProtection: config.protectData,
      removalPolicy: config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP, no SMS): households sign in from shared family phones where an ' +
          'authenticator app is not realistic. Operators are expected to enrol TOTP; their accounts ' +
          'are few and created by hand.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan (threat protection) costs $0.02 per MAU; the pool is invite-only with a strong ' +
          'password policy, and the Lite plan keeps the pilot inside the free 10,000 MAU. Revisit for 100x.',
      },
    );

    USER_GROUPS.forEach((group, precedence) => {
      new UserPoolGroup(this, `Group-${group}`, {
        userPool: this.userPool,
        groupName: group,
        precedence,
        description: `API role ${group}`,
      });
    });

    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: `${config.prefix}-web`,
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted-UI OAuth flows until the web app exists (it adds its callback URLs then).
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Standard profile fields only: `custom:householdId` is readable but writable by admins alone,
      // or a resident could point it at a neighbour's household.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('householdId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.fn = new VillageFunction(this, 'Api', {
      config,
      handler: 'api',
      description: 'HTTP API (Hono): bins, meters, households, rejections',
      memoryMb: config.memoryMb.api,
      timeout: Duration.seconds(10),
      table,
      tableAccess: 'api',
      reservedConcurrency: config.reservedConcurrency?.api,
    });

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${config.prefix}-api`,
      description: 'Smart village API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [config.webOrigin],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type', 'if-match'],
        // Settings answer with an ETag that the next PUT sends back as If-Match.
        exposeHeaders: ['etag'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/http-api/${config.prefix}-api`,
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    // The ID token carries `cognito:groups` and `custom:householdId`, which the app maps to a principal.
    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, {
      userPoolClients: [this.client],
      identitySource: ['$request.header.Authorization'],
    });
    const integration = new HttpLambdaIntegration('Hono', this.fn.fn);
    // One API Gateway route per policy entry, with its own method: the access table drives the cloud too.
    const methods = { get: HttpMethod.GET, post: HttpMethod.POST, put: HttpMethod.PUT } as const;
    for (const { method, path } of Object.values(accessPolicy)) {
      const isPublic = path === PUBLIC_ROUTE && method === 'get';
      const routes = this.api.addRoutes({
        path,
        methods: [methods[method]],
        integration,
        authorizer: isPublic ? new HttpNoneAuthorizer() : authorizer,
      });
      if (isPublic) {
        for (const route of routes) {
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              'GET /health is public on purpose: uptime checks call it without a token. It touches no ' +
              'store and returns only {"status":"ok","time":…}.',
          });
        }
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }
}
