import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule, type IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TimeOfDay } from '../config.ts';

export interface DailyScheduleProps {
  scheduleName: string;
  description: string;
  /** The function to run once a day. */
  target: IFunction;
  /** Local time of day in `timeZone`. */
  at: TimeOfDay;
  /** IANA zone, e.g. `Asia/Ho_Chi_Minh`: the schedule follows local time, not UTC. */
  timeZone: string;
  group: IScheduleGroup;
  /** Where Scheduler puts an invocation it could not deliver after its retries. */
  deadLetterQueue: IQueue;
  /** Merged into the event the function receives, next to `scheduledTime`. */
  input: Record<string, string>;
}

/** Scheduler's placeholder for the time a run was scheduled for (ISO-8601, UTC). */
const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

/** `cron(m h * * ? *)`: every day at h:m, in the schedule's time zone. */
export function dailyCron(at: TimeOfDay): string {
  return `cron(${at.minute} ${at.hour} * * ? *)`;
}

/**
 * Runs a function every day at a local time with EventBridge Scheduler. The event is
 * `{ ...input, scheduledTime }`, so a late or retried invocation still plans for the day it was meant
 * for. Built on the L1 resource with its own role so the role may invoke exactly this function (the L2
 * target grants every version and alias, `arn:*`).
 */
export class DailySchedule extends Construct {
  readonly schedule: CfnSchedule;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: DailyScheduleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const scheduleArn = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${props.group.scheduleGroupName}/${props.scheduleName}`,
    });
    this.role = new Role(this, 'Role', {
      description: `${props.scheduleName}: invoke the function, dead-letter to SQS`,
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': scheduleArn },
        },
      }),
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.target.functionArn] }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
    );

    this.schedule = new CfnSchedule(this, 'Schedule', {
      name: props.scheduleName,
      description: props.description,
      groupName: props.group.scheduleGroupName,
      scheduleExpression: dailyCron(props.at),
      scheduleExpressionTimezone: props.timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.target.functionArn,
        roleArn: this.role.roleArn,
        input: JSON.stringify({ ...props.input, scheduledTime: SCHEDULED_TIME }),
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        retryPolicy: {
          maximumRetryAttempts: 3,
          maximumEventAgeInSeconds: Duration.hours(2).toSeconds(),
        },
      },
    });
    // The group's name is a literal, so CloudFormation would not otherwise wait for the group.
    this.schedule.node.addDependency(props.group);
  }
}
