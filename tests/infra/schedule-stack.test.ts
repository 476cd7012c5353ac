import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { dailyCron } from '../../infra/constructs/daily-schedule.ts';
import { PLAN_HANDLERS } from '../../infra/stacks/schedule-stack.ts';
import { CDK_TIMEOUT, fixturePlanHandler, resourcesOf, stacksFor } from './support.ts';

describe('ScheduleStack', () => {
  it(
    'holds the plans group and dead-letter queue, and no schedule for a plan without a handler',
    CDK_TIMEOUT,
    () => {
      const template = Template.fromStack(stacksFor({}, { planHandlers: {} }).schedule);
      template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'village-dev-plans' });
      template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'village-dev-plan-failures' });
      template.resourceCountIs('AWS::Scheduler::Schedule', 0);
      template.resourceCountIs('AWS::Lambda::Function', 0);
    },
  );

  it('wires the real planning handlers by default', CDK_TIMEOUT, () => {
    expect(PLAN_HANDLERS).toEqual({
      waste: 'functions/plan-waste/handler.ts',
      energy: 'functions/plan-energy/handler.ts',
    });
    const template = Template.fromStack(stacksFor().schedule);
    template.resourceCountIs('AWS::Scheduler::Schedule', 2);
    template.resourceCountIs('AWS::Lambda::Function', 2);
  });

  it('runs each wired plan daily in Asia/Ho_Chi_Minh: waste at 05:00, energy at 18:00', CDK_TIMEOUT, () => {
    const { schedule } = stacksFor(
      {},
      { planHandlers: { waste: fixturePlanHandler, energy: fixturePlanHandler } },
    );
    const template = Template.fromStack(schedule);
    template.resourceCountIs('AWS::Scheduler::Schedule', 2);
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    const fnId = (name: string) =>
      Object.keys(functions).find((id) => functions[id]?.Properties?.FunctionName === name);

    for (const [plan, cron] of [
      ['waste', 'cron(0 5 * * ? *)'],
      ['energy', 'cron(0 18 * * ? *)'],
    ] as const) {
      const id = fnId(`village-dev-plan-${plan}`);
      expect(id).toBeDefined();
      template.hasResource('AWS::Scheduler::Schedule', {
        DependsOn: Match.arrayWith([Match.stringLikeRegexp('^Plans')]),
        Properties: Match.objectLike({ Name: `village-dev-plan-${plan}` }),
      });
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: `village-dev-plan-${plan}`,
        GroupName: 'village-dev-plans',
        ScheduleExpression: cron,
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [id, 'Arn'] },
          Input: JSON.stringify({
            villageId: 'bach-dang',
            plan,
            scheduledTime: '<aws.scheduler.scheduled-time>',
          }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('PlanFailures'), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        },
      });
      // The scheduler's role may invoke exactly this function (no `:*` versions) and write its DLQ.
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [
            { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [id, 'Arn'] } },
            { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: Match.anyValue() },
          ],
        },
      });
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'village-dev-plan-waste',
      ReservedConcurrentExecutions: 1,
      DeadLetterConfig: Match.anyValue(),
      Architectures: ['arm64'],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': Match.anyValue() } }),
          }),
        ],
      },
    });
  });

  it('writes cron expressions for any time of day', () => {
    expect(dailyCron({ hour: 5, minute: 0 })).toBe('cron(0 5 * * ? *)');
    expect(dailyCron({ hour: 18, minute: 30 })).toBe('cron(30 18 * * ? *)');
  });
});
