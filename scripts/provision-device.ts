/**
 * Registers one device with AWS IoT Core for a deployed stage: a thing (named by the device id, which is
 * also its MQTT client id) of the stage's thing type with the attributes the device policy reads, a new
 * X.509 certificate and key, the device policy on the certificate, the certificate on the thing.
 * Writes the certificate and private key to a directory and prints where and how to connect.
 *
 * `--dry-run` prints the same plan as JSON and calls nothing (no credentials needed). A thin adapter:
 * flags → plan (pure) → AWS calls; on a failure after the certificate exists it is detached, deactivated
 * and deleted again, so a half-provisioned device leaves no live credentials behind.
 */

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreateThingCommand,
  DeleteCertificateCommand,
  DescribeEndpointCommand,
  DetachPolicyCommand,
  DetachThingPrincipalCommand,
  IoTClient,
  UpdateCertificateCommand,
} from '@aws-sdk/client-iot';
import { idSchema } from '@village/domain';
import { z } from 'zod';
import { type DeviceKind, stageConfig, stageSchema, thingAttributes, topicSegment } from '../infra/config.ts';
import { type Cli, createCli } from './lib/cli.ts';

const HELP = `Usage: npm run -s provision:device -- --device <id> --kind <bin|meter> [options]

Registers a device with AWS IoT Core for a deployed stage (see docs/deploy.md): creates the thing
<id> of type village-<stage>-<kind> with attributes villageId and kind, a certificate and key
(written to --out), attaches the device policy village-<stage>-device to the certificate and the
certificate to the thing. The device then connects with client id <id> and may publish only to
village/<village>/<bins|meters>/<id>/telemetry (or the same topic behind the Basic Ingest prefix).

Options:
  --device <id>      device id = thing name = MQTT client id (1-64 letters, digits, - and _)
  --kind <kind>      bin or meter
  --village <id>     village the device belongs to (default bach-dang)
  --stage <stage>    dev or prod (default dev); names the thing type and the policy
  --region <region>  AWS region (default $AWS_REGION, else the stage's region, ap-southeast-1)
  --out <dir>        where certificate.pem and private.key go (default .data/devices/<id>)
  --dry-run          print what would be done as JSON and call nothing
  --help             show this help

Exit codes: 0 done (or planned), 1 an AWS call failed (anything created was rolled back),
2 bad command line.
`;

const optionsSchema = z.object({
  device: idSchema,
  kind: z.enum(['bin', 'meter']),
  village: idSchema,
  stage: stageSchema,
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-1')
    .optional(),
  out: z.string().min(1).optional(),
  'dry-run': z.boolean(),
});
export type ProvisionOptions = z.infer<typeof optionsSchema>;

/** Everything the run will do, decided before any call: printed as is by --dry-run. */
export interface ProvisioningPlan {
  region: string;
  thing: {
    thingName: string;
    thingTypeName: string;
    attributes: Record<string, string>;
  };
  policyName: string;
  files: { certificate: string; privateKey: string };
  connect: { clientId: string; topic: string; basicIngestTopic: string };
  /** The calls in order, with their inputs (`<certificateArn>` is only known after the second). */
  steps: { call: string; input: Record<string, unknown> }[];
}

export function planProvisioning(options: ProvisionOptions, env = process.env): ProvisioningPlan {
  const config = stageConfig(options.stage);
  const kind: DeviceKind = options.kind;
  const outDir = options.out ?? path.join('.data', 'devices', options.device);
  const topic = `village/${options.village}/${topicSegment[kind]}/${options.device}/telemetry`;
  return {
    region: options.region ?? (env.AWS_REGION || undefined) ?? config.region,
    thing: {
      thingName: options.device,
      thingTypeName: config.iot.thingTypeName[kind],
      attributes: {
        [thingAttributes.villageId]: options.village,
        [thingAttributes.topicKind]: topicSegment[kind],
      },
    },
    policyName: config.iot.devicePolicyName,
    files: {
      certificate: path.join(outDir, 'certificate.pem'),
      privateKey: path.join(outDir, 'private.key'),
    },
    connect: {
      clientId: options.device,
      topic,
      basicIngestTopic: `$aws/rules/${config.iot.telemetryRuleName}/${topic}`,
    },
    steps: [
      {
        call: 'CreateThing',
        input: {
          thingName: options.device,
          thingTypeName: config.iot.thingTypeName[kind],
          attributePayload: {
            attributes: {
              [thingAttributes.villageId]: options.village,
              [thingAttributes.topicKind]: topicSegment[kind],
            },
          },
        },
      },
      { call: 'CreateKeysAndCertificate', input: { setAsActive: true } },
      { call: 'WriteFiles (mode 0600, never overwrites)', input: { directory: outDir } },
      {
        call: 'AttachPolicy',
        input: { policyName: config.iot.devicePolicyName, target: '<certificateArn>' },
      },
      { call: 'AttachThingPrincipal', input: { thingName: options.device, principal: '<certificateArn>' } },
      { call: 'DescribeEndpoint', input: { endpointType: 'iot:Data-ATS' } },
    ],
  };
}

/** The subset of the IoT client the run uses, so tests can stand in for AWS. */
export interface IotSender {
  send(command: unknown): Promise<unknown>;
}

export interface ProvisioningResult {
  thingArn: string | undefined;
  certificateArn: string;
  certificateId: string;
  endpoint: string | undefined;
}

type Undo = () => Promise<unknown>;

export async function provision(
  plan: ProvisioningPlan,
  iot: IotSender,
  writeFile: (file: string, contents: string) => void = writeSecretFile,
): Promise<ProvisioningResult> {
  const send = <T>(command: unknown) => iot.send(command) as Promise<T>;
  const undo: Undo[] = [];
  try {
    const thing = await send<{ thingArn?: string }>(
      new CreateThingCommand({
        thingName: plan.thing.thingName,
        thingTypeName: plan.thing.thingTypeName,
        attributePayload: { attributes: plan.thing.attributes },
      }),
    );
    const cert = await send<{
      certificateArn?: string;
      certificateId?: string;
      certificatePem?: string;
      keyPair?: { PrivateKey?: string };
    }>(new CreateKeysAndCertificateCommand({ setAsActive: true }));
    const { certificateArn, certificateId, certificatePem } = cert;
    const privateKey = cert.keyPair?.PrivateKey;
    if (!certificateArn || !certificateId || !certificatePem || !privateKey) {
      throw new Error('CreateKeysAndCertificate returned no certificate');
    }
    undo.push(() => send(new DeleteCertificateCommand({ certificateId, forceDelete: true })));
    undo.push(() => send(new UpdateCertificateCommand({ certificateId, newStatus: 'INACTIVE' })));

    writeFile(plan.files.certificate, certificatePem);
    writeFile(plan.files.privateKey, privateKey);
    undo.push(async () => {
      rmSync(plan.files.certificate, { force: true });
      rmSync(plan.files.privateKey, { force: true });
    });

    await send(new AttachPolicyCommand({ policyName: plan.policyName, target: certificateArn }));
    undo.push(() => send(new DetachPolicyCommand({ policyName: plan.policyName, target: certificateArn })));
    await send(
      new AttachThingPrincipalCommand({ thingName: plan.thing.thingName, principal: certificateArn }),
    );
    undo.push(() =>
      send(new DetachThingPrincipalCommand({ thingName: plan.thing.thingName, principal: certificateArn })),
    );

    const endpoint = await send<{ endpointAddress?: string }>(
      new DescribeEndpointCommand({ endpointType: 'iot:Data-ATS' }),
    );
    return { thingArn: thing.thingArn, certificateArn, certificateId, endpoint: endpoint.endpointAddress };
  } catch (error) {
    // Newest first: detach, deactivate, delete. The thing itself is kept (it holds no credentials).
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (rollbackError) {
        console.error(`provision-device: rollback step failed: ${String(rollbackError)}`);
      }
    }
    throw error;
  }
}

function writeSecretFile(file: string, contents: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, contents, { mode: 0o600, flag: 'wx' });
}

const cli: Cli = createCli('provision-device');

const ARGS = {
  device: { type: 'string' },
  kind: { type: 'string' },
  village: { type: 'string' },
  stage: { type: 'string' },
  region: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseOptions(): ProvisionOptions {
  const { values } = cli.readArgs(ARGS, HELP);
  return cli.validOrExit(
    optionsSchema.safeParse({
      device: values.device,
      kind: values.kind,
      village: values.village ?? 'bach-dang',
      stage: values.stage ?? 'dev',
      region: values.region,
      out: values.out,
      'dry-run': values['dry-run'] ?? false,
    }),
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  const plan = planProvisioning(options);
  if (options['dry-run']) {
    process.stdout.write(`${JSON.stringify({ dryRun: true, ...plan }, null, 2)}\n`);
    return;
  }
  for (const file of Object.values(plan.files)) {
    if (existsSync(file)) cli.fail(`${file} exists; refusing to overwrite a device key (use --out)`, 1);
  }
  let result: ProvisioningResult;
  try {
    result = await provision(plan, new IoTClient({ region: plan.region }));
  } catch (error) {
    cli.fail(
      `provisioning ${plan.thing.thingName} failed: ${error instanceof Error ? error.message : String(error)}`,
      1,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ ...result, files: plan.files, connect: { ...plan.connect, endpoint: result.endpoint } }, null, 2)}\n`,
  );
  console.error(
    'provision-device: the device also needs Amazon Root CA 1 (https://www.amazontrust.com/repository/AmazonRootCA1.pem).',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
