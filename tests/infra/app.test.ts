import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CDK_TIMEOUT, fixturePlanHandler, stacksFor } from './support.ts';

describe('the CDK app', () => {
  it('has one stack per concern, each depending on the data stack by name only', CDK_TIMEOUT, () => {
    const stacks = stacksFor({ stage: 'prod' });
    expect([stacks.data, stacks.ingest, stacks.api, stacks.schedule].map((s) => s.stackName)).toEqual([
      'village-prod-data',
      'village-prod-ingest',
      'village-prod-api',
      'village-prod-schedule',
    ]);
    for (const stack of [stacks.ingest, stacks.api, stacks.schedule]) {
      expect(stack.dependencies).toEqual([stacks.data]);
      expect(stack.region).toBe('ap-southeast-1');
    }
    // No CloudFormation exports: the table can change without unpicking cross-stack references.
    for (const stack of [stacks.data, stacks.ingest, stacks.api, stacks.schedule]) {
      const outputs = Template.fromStack(stack).toJSON().Outputs ?? {};
      for (const output of Object.values(outputs)) expect(output).not.toHaveProperty('Export');
      expect(stack.tags.tagValues()).toEqual({ project: 'smart-village', stage: 'prod' });
    }
  });

  it('declares exactly these resource kinds (a new kind needs a test here)', CDK_TIMEOUT, () => {
    const stacks = stacksFor({}, { planHandlers: { waste: fixturePlanHandler } });
    const kinds = (stack: 'data' | 'ingest' | 'api' | 'schedule') =>
      [
        ...new Set(
          Object.values(
            Template.fromStack(stacks[stack]).toJSON().Resources as Record<string, { Type: string }>,
          ).map((r) => r.Type),
        ),
      ].sort();
    expect(kinds('data')).toEqual(['AWS::DynamoDB::Table']);
    expect(kinds('ingest')).toEqual([
      'AWS::IAM::Policy',
      'AWS::IAM::Role',
      'AWS::IoT::Policy',
      'AWS::IoT::ThingType',
      'AWS::IoT::TopicRule',
      'AWS::Lambda::EventInvokeConfig',
      'AWS::Lambda::Function',
      'AWS::Lambda::Permission',
      'AWS::Logs::LogGroup',
      'AWS::SQS::Queue',
      'AWS::SQS::QueuePolicy',
    ]);
    expect(kinds('api')).toEqual([
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Authorizer',
      'AWS::ApiGatewayV2::Integration',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
      'AWS::Cognito::UserPool',
      'AWS::Cognito::UserPoolClient',
      'AWS::Cognito::UserPoolGroup',
      'AWS::IAM::Policy',
      'AWS::IAM::Role',
      'AWS::Lambda::Function',
      'AWS::Lambda::Permission',
      'AWS::Logs::LogGroup',
    ]);
    expect(kinds('schedule')).toEqual([
      'AWS::IAM::Policy',
      'AWS::IAM::Role',
      'AWS::Lambda::EventInvokeConfig',
      'AWS::Lambda::Function',
      'AWS::Logs::LogGroup',
      'AWS::SQS::Queue',
      'AWS::SQS::QueuePolicy',
      'AWS::Scheduler::Schedule',
      'AWS::Scheduler::ScheduleGroup',
    ]);
  });

  it('encrypts and TLS-guards every queue', CDK_TIMEOUT, () => {
    const stacks = stacksFor();
    for (const stack of [stacks.ingest, stacks.schedule]) {
      const template = Template.fromStack(stack);
      template.allResourcesProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1_209_600,
      });
      template.allResourcesProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: [
            {
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Resource: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
            },
          ],
        },
      });
    }
  });
});
