import { App, type StackProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { configFromContext, type StageConfig } from '../config.ts';
import { ApiStack } from '../stacks/api-stack.ts';
import { DataStack } from '../stacks/data-stack.ts';
import { IngestStack } from '../stacks/ingest-stack.ts';
import { type PlanHandlers, ScheduleStack } from '../stacks/schedule-stack.ts';

export interface VillageStacks {
  config: StageConfig;
  data: DataStack;
  ingest: IngestStack;
  api: ApiStack;
  schedule: ScheduleStack;
}

export interface BuildOptions {
  /** Overrides `PLAN_HANDLERS` (tests). */
  planHandlers?: PlanHandlers;
}

/**
 * The CDK app: one stack per concern, named `village-<stage>-<concern>`. Stacks are account-agnostic
 * (the account comes from the credentials at deploy time), so `cdk synth` needs none; the region is
 * fixed by the config so the IoT policy and ARNs name it.
 */
export function buildStacks(app: App, options: BuildOptions = {}): VillageStacks {
  const config = configFromContext((key) => app.node.tryGetContext(key));
  const props: StackProps = {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
    tags: { project: 'smart-village', stage: config.stage },
  };
  const data = new DataStack(app, `${config.prefix}-data`, config, {
    ...props,
    description: 'Smart village: the DynamoDB table',
  });
  const ingest = new IngestStack(app, `${config.prefix}-ingest`, config, {
    ...props,
    description: 'Smart village: IoT Core devices, telemetry rule, ingest function',
    tableName: config.tableName,
  });
  const api = new ApiStack(app, `${config.prefix}-api`, config, {
    ...props,
    description: 'Smart village: Cognito users, HTTP API, API function',
    tableName: config.tableName,
  });
  const schedule = new ScheduleStack(app, `${config.prefix}-schedule`, config, {
    ...props,
    description: 'Smart village: daily waste and energy plans (EventBridge Scheduler)',
    tableName: config.tableName,
    ...(options.planHandlers ? { planHandlers: options.planHandlers } : {}),
  });
  // The table is found by name, not by export: deploy it first, and nothing else pins it.
  for (const stack of [ingest, api, schedule]) stack.addStackDependency(data);
  return { config, data, ingest, api, schedule };
}

/** The app with cdk-nag's AwsSolutions and Serverless packs: any unacknowledged finding fails synth. */
export function buildApp(app: App = new App(), options: BuildOptions = {}): App {
  buildStacks(app, options);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().synth();
