import { parseIngestEvent } from '@village/ingest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeConfig } from '../../functions/shared/runtime-config.ts';
import { TELEMETRY_RULE_SQL } from '../../infra/stacks/ingest-stack.ts';
import { CDK_TIMEOUT, joined, resourcesOf, stacksFor, strings } from './support.ts';

let template: Template;
beforeAll(() => {
  template = Template.fromStack(stacksFor().ingest);
}, 60_000);

interface Statement {
  Sid: string;
  Action: string;
  Resource: unknown;
  Condition?: unknown;
}

function devicePolicy(): Statement[] {
  const [policy] = Object.values(resourcesOf(template, 'AWS::IoT::Policy'));
  const doc = policy?.Properties?.PolicyDocument as { Statement: Statement[] };
  return doc.Statement;
}

/** `${name}` as IoT writes a policy variable. */
const policyVar = (name: string) => `$\{${name}}`;
const THING_NAME = policyVar('iot:Connection.Thing.ThingName');

const resourcesOfStatement = (s: Statement) =>
  (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(joined);

describe('IngestStack', () => {
  it('declares one thing type per device kind, searchable by village and kind', CDK_TIMEOUT, () => {
    template.resourceCountIs('AWS::IoT::ThingType', 2);
    for (const name of ['village-dev-bin', 'village-dev-meter']) {
      template.hasResourceProperties('AWS::IoT::ThingType', {
        ThingTypeName: name,
        ThingTypeProperties: { SearchableAttributes: ['villageId', 'kind'] },
      });
    }
  });

  it('has a device policy with no wildcard resource: own client id, own topics only', CDK_TIMEOUT, () => {
    template.resourceCountIs('AWS::IoT::Policy', 1);
    template.hasResourceProperties('AWS::IoT::Policy', { PolicyName: 'village-dev-device' });
    const statements = devicePolicy();
    for (const statement of statements) {
      expect(statement).toMatchObject({ Effect: 'Allow' });
      expect(statement.Action).not.toMatch(/\*/);
      for (const resource of resourcesOfStatement(statement)) {
        expect(resource).not.toMatch(/\*/);
        expect(resource).toContain(THING_NAME);
      }
    }
    expect(statements.map((s) => s.Action).sort()).toEqual([
      'iot:Connect',
      'iot:Publish',
      'iot:Receive',
      'iot:Subscribe',
    ]);
    const own = `village/${policyVar('iot:Connection.Thing.Attributes[villageId]')}/${policyVar('iot:Connection.Thing.Attributes[kind]')}/${THING_NAME}`;
    const byAction = Object.fromEntries(statements.map((s) => [s.Action, s]));
    expect(resourcesOfStatement(byAction['iot:Connect']!)).toEqual([
      expect.stringMatching(/:client\/\$\{iot:Connection\.Thing\.ThingName\}$/),
    ]);
    expect(byAction['iot:Connect']!.Condition).toEqual({
      Bool: { 'iot:Connection.Thing.IsAttached': 'true' },
    });
    expect(resourcesOfStatement(byAction['iot:Publish']!)).toEqual([
      expect.stringMatching(new RegExp(`:topic/${escapeRegExp(own)}/telemetry$`)),
      expect.stringMatching(
        new RegExp(`:topic/\\$aws/rules/village_dev_telemetry/${escapeRegExp(own)}/telemetry$`),
      ),
    ]);
    expect(resourcesOfStatement(byAction['iot:Subscribe']!)).toEqual([
      expect.stringMatching(new RegExp(`:topicfilter/${escapeRegExp(own)}/commands$`)),
    ]);
  });

  it('selects exactly the envelope the ingest handler parses', CDK_TIMEOUT, () => {
    template.hasResourceProperties('AWS::IoT::TopicRule', {
      RuleName: 'village_dev_telemetry',
      TopicRulePayload: { Sql: TELEMETRY_RULE_SQL, AwsIotSqlVersion: '2016-03-23', RuleDisabled: false },
    });
    const aliases = [...TELEMETRY_RULE_SQL.matchAll(/ AS (\w+)/g)].map((m) => m[1]).sort();
    expect(aliases).toEqual(['payloadBase64', 'receivedAtMs', 'topic']);
    expect(TELEMETRY_RULE_SQL).toMatch(/FROM 'village\/\+\/\+\/\+\/telemetry'$/);
    // What the rule hands the function for a bin message, as packages/ingest reads it.
    const payload = '{"messageId":"m1","ts":"2026-11-29T07:00:00+07:00","fillPercent":40}';
    const [raw] = parseIngestEvent({
      topic: 'village/bach-dang/bins/BIN-0001/telemetry',
      payloadBase64: Buffer.from(payload).toString('base64'),
      receivedAtMs: Date.parse('2026-11-29T00:00:01Z'),
    });
    expect(raw).toMatchObject({ topic: 'village/bach-dang/bins/BIN-0001/telemetry', payload });
  });

  it('invokes the ingest function and keeps failed messages in an SQS dead-letter queue', CDK_TIMEOUT, () => {
    const [rule] = Object.values(resourcesOf(template, 'AWS::IoT::TopicRule'));
    const payload = rule?.Properties?.TopicRulePayload as {
      Actions: { Lambda: { FunctionArn: { 'Fn::GetAtt': [string, string] } } }[];
      ErrorAction: { Sqs: { QueueUrl: { Ref: string }; RoleArn: unknown; UseBase64: boolean } };
    };
    expect(payload.Actions).toHaveLength(1);
    const fnId = payload.Actions[0]!.Lambda.FunctionArn['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[fnId].Properties.FunctionName).toBe('village-dev-ingest-telemetry');

    const queueId = payload.ErrorAction.Sqs.QueueUrl.Ref;
    expect(template.toJSON().Resources[queueId]).toMatchObject({
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: 'village-dev-telemetry-rule-errors', SqsManagedSseEnabled: true },
    });
    expect(payload.ErrorAction.Sqs.UseBase64).toBe(false);
    // The error action's role may send to that queue, and nothing else.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: Match.arrayWith(['sqs:SendMessage']),
            Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
          },
        ],
      },
      Roles: [{ Ref: (payload.ErrorAction.Sqs.RoleArn as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0] }],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'iot.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('TelemetryRule'), 'Arn'] },
    });
  });

  it(
    'builds the ingest function as every function: arm64, Node 24, JSON logs, capped, DLQ',
    CDK_TIMEOUT,
    () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: 'village-dev-ingest-telemetry',
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 256,
        Timeout: 30,
        ReservedConcurrentExecutions: 10,
        LoggingConfig: {
          LogFormat: 'JSON',
          ApplicationLogLevel: 'INFO',
          SystemLogLevel: 'WARN',
          LogGroup: Match.anyValue(),
        },
        DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('IngestFailures'), 'Arn'] } },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 21_600,
      });
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: '/aws/lambda/village-dev-ingest-telemetry',
        RetentionInDays: 14,
      });
      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: 'village-dev-ingest-failures',
        MessageRetentionPeriod: 1_209_600,
      });
    },
  );

  it(
    'gives the function the environment its runtime config parses, and exact table actions',
    CDK_TIMEOUT,
    () => {
      const [fn] = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));
      const env = (fn!.Properties!.Environment as { Variables: Record<string, string> }).Variables;
      const config = readRuntimeConfig(env);
      expect(config).toMatchObject({ TABLE_NAME: 'village-dev-village', VILLAGE_ID: 'bach-dang' });
      expect(config.DYNAMODB_ENDPOINT).toBeUndefined();
      expect(config.JWT_SECRET).toBeUndefined();

      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Action: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
              Resource: [Match.anyValue(), Match.anyValue()],
            },
          ]),
        },
      });
      const tableResources = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
        .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement)
        .filter((s) => strings(s.Action).some((a) => a.startsWith('dynamodb:')))
        .flatMap(resourcesOfStatement);
      expect(tableResources.map((r) => r.replace(/^.*:table\//, 'table/'))).toEqual([
        'table/village-dev-village',
        'table/village-dev-village/index/gsi1',
      ]);
    },
  );

  it('uses no AWS managed policy anywhere', CDK_TIMEOUT, () => {
    for (const role of Object.values(resourcesOf(template, 'AWS::IAM::Role'))) {
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
