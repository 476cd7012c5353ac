import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  RecursiveLoop,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { handlerEntry, nodejsBundling, projectRoot } from './bundling.ts';

/**
 * What a function may do on the table, as the exact DynamoDB actions its code paths call (see
 * packages/store): no `dynamodb:*`, no `index/*`.
 */
export type TableAccess = 'api' | 'ingest' | 'plan';

const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  /** Registry GetItem, latest-state and time-range Query (gsi1), bins' BatchGetItem. */
  api: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  /** Known-device and duplicate checks (BatchGetItem), readings (BatchWriteItem), rejections (PutItem). */
  ingest: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
  /** Planning reads the registry and readings and writes plans. */
  plan: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:BatchWriteItem',
  ],
};

export interface VillageFunctionProps {
  config: StageConfig;
  /** The directory under `functions/`; also the function's name after the stage prefix. */
  handler: string;
  /** Defaults to `functions/<handler>/handler.ts`. */
  entry?: string;
  description: string;
  memoryMb: number;
  timeout: Duration;
  table: ITable;
  tableAccess: TableAccess;
  /** Reserved concurrency (a cost cap); undefined leaves the function in the account's shared pool. */
  reservedConcurrency: number | undefined;
  /**
   * For functions invoked asynchronously (IoT rule, Scheduler): after Lambda's retries the original
   * event goes to this queue, unchanged. Omit for functions only ever invoked synchronously.
   */
  deadLetterQueue?: IQueue;
  /**
   * Lambda's own log lines (START, REPORT with duration and init duration) are INFO. Keep them where
   * invocations are few; at telemetry volume they would be most of the log bill (see docs/deploy.md).
   */
  platformLogs?: 'all' | 'warnings-only';
}

/**
 * One Lambda function per handler in `functions/`, built the same way for all: the local esbuild, arm64,
 * the current Node.js runtime, JSON logs to its own log group with a set retention, least-privilege
 * table access, the runtime configuration `functions/shared/runtime-config.ts` parses.
 */
export class VillageFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: VillageFunctionProps) {
    super(scope, id);
    const { config } = props;
    const functionName = `${config.prefix}-${props.handler}`;

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetentionDays,
      // Logs are not the record of anything (the table is); a redeploy must be able to recreate the name.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of the managed AWSLambdaBasicExecutionRole: write to this log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${functionName}: logs, table (${props.tableAccess})`,
    });
    this.logGroup.grantWrite(role);
    const table = props.table;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: TABLE_ACTIONS[props.tableAccess],
        resources: [table.tableArn, `${table.tableArn}/index/gsi1`],
      }),
    );

    const async = props.deadLetterQueue !== undefined;
    this.fn = new NodejsFunction(this, 'Function', {
      functionName,
      description: props.description,
      entry: props.entry ?? handlerEntry(props.handler),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}/package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      role,
      bundling: nodejsBundling(),
      environment: {
        TABLE_NAME: table.tableName,
        VILLAGE_ID: config.villageId,
      },
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: props.platformLogs === 'warnings-only' ? SystemLogLevel.WARN : SystemLogLevel.INFO,
      tracing: config.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      reservedConcurrentExecutions: props.reservedConcurrency,
      recursiveLoop: RecursiveLoop.TERMINATE,
      ...(async
        ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2, maxEventAge: Duration.hours(6) }
        : {}),
    });

    this.acknowledgeFindings(async, config.tracing);
  }

  private acknowledgeFindings(async: boolean, tracing: boolean): void {
    const v = Validations.of(this);
    if (async) {
      v.acknowledge({
        id: 'Serverless-LambdaAsyncFailureDestination',
        reason:
          'Failed async events go to a dead-letter queue instead: it keeps the original event unchanged as ' +
          'the message body (for ingest, exactly the SQS record body the handler accepts, so a redrive needs ' +
          'no reshaping). An on-failure destination as well would store every failure twice.',
      });
    } else {
      v.acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked only synchronously (API Gateway HTTP API waits for the response and returns errors to ' +
          'the client); Lambda never queues an async event for it, so a dead-letter queue would stay empty.',
      });
    }
    if (tracing) {
      v.acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'xray:PutTraceSegments and xray:PutTelemetryRecords, added by active tracing, support no ' +
          'resource-level permissions (https://docs.aws.amazon.com/xray/latest/devguide/security_iam_service-with-iam.html).',
      });
    } else {
      v.acknowledge({
        id: 'Serverless-LambdaTracing',
        reason:
          'X-Ray is off by default (config `tracing`, `-c tracing=on`): at the demo load the default sampling ' +
          '(1 request/s + 5 %) can record up to ~2.6 M traces a month, ~$13 at $5 per million, more than the ' +
          "function's own cost; the JSON logs carry request ids.",
      });
    }
  }
}
