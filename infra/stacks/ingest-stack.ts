import { ArnFormat, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPolicy, CfnThingType, CfnTopicRule } from 'aws-cdk-lib/aws-iot';
import type { Construct } from 'constructs';
import { type DeviceKind, type StageConfig, thingAttributes, topicSegment } from '../config.ts';
import { DeadLetterQueue } from '../constructs/dead-letter-queue.ts';
import { VillageFunction } from '../constructs/village-function.ts';

/**
 * The rule's query: exactly the envelope `parseIngestEvent` (packages/ingest) accepts from IoT Core.
 * `encode(*, 'base64')` keeps payloads that are not JSON, so the handler can record them as rejected
 * instead of the rules engine dropping them; `topic()` carries village, kind and device id (for
 * Basic Ingest it is the topic without the `$aws/rules/<rule>/` prefix, so both paths look the same);
 * `timestamp()` is when IoT Core received the message, the reference for the "ts in the future" check.
 */
export const TELEMETRY_RULE_SQL =
  "SELECT encode(*, 'base64') AS payloadBase64, topic() AS topic, timestamp() AS receivedAtMs " +
  "FROM 'village/+/+/+/telemetry'";

/**
 * IoT policy variables (escaped `\${…}`: IoT substitutes them at connect time, not JavaScript): the
 * connected thing's name and the attributes it was registered with.
 */
const THING = `\${iot:Connection.Thing.ThingName}`;
const attr = (name: string) => `\${iot:Connection.Thing.Attributes[${name}]}`;
/** The one telemetry topic of the connected device, and its commands topic (docs/telemetry.md). */
const OWN_TOPIC = `village/${attr(thingAttributes.villageId)}/${attr(thingAttributes.topicKind)}/${THING}`;

export interface IngestStackProps extends StackProps {
  /** The table of DataStack, by name: no CloudFormation export ties the stacks together. */
  tableName: string;
}

/**
 * Device → IoT Core → topic rule → functions/ingest-telemetry → table. Devices authenticate with X.509
 * certificates (scripts/provision-device.ts); one policy, parameterised by policy variables, confines
 * every device to its own client id and topic.
 */
export class IngestStack extends Stack {
  readonly ingest: VillageFunction;
  readonly ruleErrors: DeadLetterQueue;
  readonly ingestFailures: DeadLetterQueue;

  constructor(scope: Construct, id: string, config: StageConfig, props: IngestStackProps) {
    super(scope, id, props);
    const table: ITable = Table.fromTableName(this, 'Table', props.tableName);
    const { iot } = config;

    for (const kind of ['bin', 'meter'] as const satisfies DeviceKind[]) {
      new CfnThingType(this, `${kind === 'bin' ? 'Bin' : 'Meter'}ThingType`, {
        thingTypeName: iot.thingTypeName[kind],
        thingTypeProperties: {
          thingTypeDescription: `${kind === 'bin' ? 'Bin fill-level sensor' : 'Smart meter'} (${config.stage})`,
          searchableAttributes: [thingAttributes.villageId, thingAttributes.topicKind],
        },
      });
    }

    const iotArn = (resource: string, resourceName: string) =>
      this.formatArn({ service: 'iot', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    new CfnPolicy(this, 'DevicePolicy', {
      policyName: iot.devicePolicyName,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ConnectAsItsOwnThing',
            Effect: 'Allow',
            Action: 'iot:Connect',
            Resource: iotArn('client', THING),
            // The certificate presented must be attached to the thing whose name is the client id.
            Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
          },
          {
            Sid: 'PublishOwnTelemetry',
            Effect: 'Allow',
            Action: 'iot:Publish',
            Resource: [
              iotArn('topic', `${OWN_TOPIC}/telemetry`),
              // Basic Ingest: the same topic behind the rule's prefix, straight to the rules engine.
              iotArn('topic', `$aws/rules/${iot.telemetryRuleName}/${OWN_TOPIC}/telemetry`),
            ],
          },
          {
            Sid: 'SubscribeOwnCommands',
            Effect: 'Allow',
            Action: 'iot:Subscribe',
            Resource: iotArn('topicfilter', `${OWN_TOPIC}/commands`),
          },
          {
            Sid: 'ReceiveOwnCommands',
            Effect: 'Allow',
            Action: 'iot:Receive',
            Resource: iotArn('topic', `${OWN_TOPIC}/commands`),
          },
        ],
      },
    });

    this.ingestFailures = new DeadLetterQueue(this, 'IngestFailures', {
      queueName: `${config.prefix}-ingest-failures`,
      catches: 'rule messages the ingest function failed on after its async retries',
      lambdaDeadLetterQueue: true,
      retain: config.protectData,
    });
    this.ingest = new VillageFunction(this, 'IngestTelemetry', {
      config,
      handler: 'ingest-telemetry',
      description: 'Validates and stores device telemetry from the IoT Core topic rule',
      memoryMb: config.memoryMb.ingest,
      timeout: Duration.seconds(30),
      table,
      tableAccess: 'ingest',
      reservedConcurrency: config.reservedConcurrency?.ingest,
      deadLetterQueue: this.ingestFailures.queue,
      // One invocation per message: per-invocation REPORT lines would cost more than the function.
      platformLogs: 'warnings-only',
    });

    this.ruleErrors = new DeadLetterQueue(this, 'RuleErrors', {
      queueName: `${config.prefix}-telemetry-rule-errors`,
      catches: "the topic rule's error action: messages IoT Core could not hand to the ingest function",
      lambdaDeadLetterQueue: false,
      retain: config.protectData,
    });
    const ruleArn = iotArn('rule', iot.telemetryRuleName);
    const errorActionRole = new Role(this, 'RuleErrorActionRole', {
      description: `${iot.telemetryRuleName}: error action sends the original message to SQS`,
      assumedBy: new ServicePrincipal('iot.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: { 'aws:SourceArn': ruleArn },
        },
      }),
    });
    this.ruleErrors.queue.grantSendMessages(errorActionRole);

    const rule = new CfnTopicRule(this, 'TelemetryRule', {
      ruleName: iot.telemetryRuleName,
      topicRulePayload: {
        description: 'Device telemetry (broker topic or Basic Ingest) to functions/ingest-telemetry',
        sql: TELEMETRY_RULE_SQL,
        awsIotSqlVersion: '2016-03-23',
        ruleDisabled: false,
        actions: [{ lambda: { functionArn: this.ingest.fn.functionArn } }],
        // Keeps the message when the action fails: `topic`, `clientId` and `base64OriginalPayload`.
        errorAction: {
          sqs: {
            queueUrl: this.ruleErrors.queue.queueUrl,
            roleArn: errorActionRole.roleArn,
            useBase64: false,
          },
        },
      },
    });
    this.ingest.fn.addPermission('InvokedByTelemetryRule', {
      principal: new ServicePrincipal('iot.amazonaws.com'),
      sourceArn: rule.attrArn,
      sourceAccount: this.account,
    });

    new CfnOutput(this, 'TelemetryRuleName', { value: iot.telemetryRuleName });
    new CfnOutput(this, 'DevicePolicyName', { value: iot.devicePolicyName });
    new CfnOutput(this, 'TelemetryTopic', {
      value: `village/{villageId}/{${Object.values(topicSegment).join('|')}}/{thingName}/telemetry`,
      description: `Or, without messaging charges, $aws/rules/${iot.telemetryRuleName}/<same topic>`,
    });
  }
}
