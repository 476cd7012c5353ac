import { Annotations, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import type { StageConfig, TimeOfDay } from '../config.ts';
import { DailySchedule } from '../constructs/daily-schedule.ts';
import { DeadLetterQueue } from '../constructs/dead-letter-queue.ts';
import { VillageFunction } from '../constructs/village-function.ts';

export type PlanKind = 'waste' | 'energy';

/** Entry file of each planning handler; a plan without one is not deployed (and not scheduled). */
export type PlanHandlers = Partial<Record<PlanKind, string>>;

/*
 * ┌──────────────────────────────────────────────────────────────────────────────────────────────┐
 * │ WIRING POINT for the planning loop. When the handlers land, name them here:                  │
 * │   waste:  'functions/plan-waste/handler.ts'   (daily 05:00 Asia/Ho_Chi_Minh)                 │
 * │   energy: 'functions/plan-energy/handler.ts'  (daily 18:00 Asia/Ho_Chi_Minh)                 │
 * │ Each receives { villageId, plan, scheduledTime } (see DailySchedule) and gets table access   │
 * │ 'plan'. Nothing else in infra/ changes; tests/infra/schedule-stack.test.ts covers the wiring │
 * │ with a fixture handler.                                                                      │
 * └──────────────────────────────────────────────────────────────────────────────────────────────┘
 */
export const PLAN_HANDLERS: PlanHandlers = {
  waste: 'functions/plan-waste/handler.ts',
  energy: 'functions/plan-energy/handler.ts',
};

const PLANS: Record<PlanKind, { handler: string; description: string; at: (c: StageConfig) => TimeOfDay }> = {
  waste: {
    handler: 'plan-waste',
    description: "Plans the day's waste-collection routes",
    at: (c) => c.schedules.wastePlan,
  },
  energy: {
    handler: 'plan-energy',
    description: "Schedules the next day's flexible electric loads",
    at: (c) => c.schedules.energyPlan,
  },
};

export interface ScheduleStackProps extends StackProps {
  /** The table of DataStack, by name: no CloudFormation export ties the stacks together. */
  tableName: string;
  /** Defaults to `PLAN_HANDLERS`; tests pass a fixture. */
  planHandlers?: PlanHandlers;
}

/**
 * EventBridge Scheduler runs the daily plans in the village's time zone. The group and the
 * dead-letter queue exist from the start; each plan's function and schedule appear once its handler
 * is named in `PLAN_HANDLERS`.
 */
export class ScheduleStack extends Stack {
  readonly group: ScheduleGroup;
  readonly failures: DeadLetterQueue;
  readonly plans: Partial<Record<PlanKind, { fn: VillageFunction; schedule: DailySchedule }>> = {};

  constructor(scope: Construct, id: string, config: StageConfig, props: ScheduleStackProps) {
    super(scope, id, props);
    const table: ITable = Table.fromTableName(this, 'Table', props.tableName);
    this.group = new ScheduleGroup(this, 'Plans', {
      scheduleGroupName: `${config.prefix}-plans`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const handlers = props.planHandlers ?? PLAN_HANDLERS;
    this.failures = new DeadLetterQueue(this, 'PlanFailures', {
      queueName: `${config.prefix}-plan-failures`,
      catches: 'plan runs Scheduler could not deliver and plan events the function failed on after retries',
      lambdaDeadLetterQueue: Object.values(handlers).some((entry) => entry !== undefined),
      retain: config.protectData,
    });

    for (const kind of ['waste', 'energy'] as const) {
      const plan = PLANS[kind];
      const entry = handlers[kind];
      if (entry === undefined) {
        Annotations.of(this).addInfo(
          `${plan.handler} is not wired yet: name its handler in PLAN_HANDLERS (infra/stacks/schedule-stack.ts)`,
        );
        continue;
      }
      const Kind = kind === 'waste' ? 'Waste' : 'Energy';
      const fn = new VillageFunction(this, `Plan${Kind}`, {
        config,
        handler: plan.handler,
        entry,
        description: plan.description,
        memoryMb: config.memoryMb.plan,
        timeout: Duration.minutes(5),
        table,
        tableAccess: 'plan',
        // One run at a time: a retry can never overlap the run it retries.
        reservedConcurrency: config.reservedConcurrency?.plan,
        deadLetterQueue: this.failures.queue,
      });
      const at = plan.at(config);
      const schedule = new DailySchedule(this, `Plan${Kind}Daily`, {
        scheduleName: `${config.prefix}-${plan.handler}`,
        description: `${plan.description}, daily at ${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')} ${config.timeZone}`,
        target: fn.fn,
        at,
        timeZone: config.timeZone,
        group: this.group,
        deadLetterQueue: this.failures.queue,
        input: { villageId: config.villageId, plan: kind },
      });
      this.plans[kind] = { fn, schedule };
    }
  }
}
