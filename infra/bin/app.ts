import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageConfig } from '../config.ts';
import { DataStack } from '../stacks/data-stack.ts';

/** The CDK app: grows one stack per concern (data now; ingest, api, schedules, web with their issues). */
export function buildApp(app: App = new App()): App {
  const config = stageConfig(app.node.tryGetContext('stage'));
  new DataStack(app, `${config.prefix}-data`, config);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().synth();
