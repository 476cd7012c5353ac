import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planProvisioning, provision } from '../../scripts/provision-device.ts';
import { repoRoot } from './support.ts';

/** The CLI as an operator runs it; `--dry-run` needs no credentials and calls nothing. */
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/provision-device.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, AWS_REGION: '', AWS_EC2_METADATA_DISABLED: 'true' },
  });

/** Each run starts Node with tsx; six of them on a busy 2-core machine need room. */
const CLI_TIMEOUT = { timeout: 90_000 };

const options = {
  device: 'MTR-0007',
  kind: 'meter' as const,
  village: 'bach-dang',
  stage: 'prod' as const,
  'dry-run': false,
};

describe('scripts/provision-device.ts', () => {
  it(
    'prints the plan with --dry-run: thing type, attributes, policy and topics of the stage',
    CLI_TIMEOUT,
    () => {
      const result = run(
        '--device',
        'BIN-0001',
        '--kind',
        'bin',
        '--dry-run',
        '--out',
        '/tmp/devices/BIN-0001',
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const plan = JSON.parse(result.stdout);
      expect(plan).toMatchObject({
        dryRun: true,
        region: 'ap-southeast-1',
        thing: {
          thingName: 'BIN-0001',
          thingTypeName: 'village-dev-bin',
          attributes: { villageId: 'bach-dang', kind: 'bins' },
        },
        policyName: 'village-dev-device',
        files: {
          certificate: '/tmp/devices/BIN-0001/certificate.pem',
          privateKey: '/tmp/devices/BIN-0001/private.key',
        },
        connect: {
          clientId: 'BIN-0001',
          topic: 'village/bach-dang/bins/BIN-0001/telemetry',
          basicIngestTopic: '$aws/rules/village_dev_telemetry/village/bach-dang/bins/BIN-0001/telemetry',
        },
      });
      expect(plan.steps.map((s: { call: string }) => s.call)).toEqual([
        'CreateThing',
        'CreateKeysAndCertificate',
        'WriteFiles (mode 0600, never overwrites)',
        'AttachPolicy',
        'AttachThingPrincipal',
        'DescribeEndpoint',
      ]);
    },
  );

  it('rejects bad flags with exit code 2, naming the option', CLI_TIMEOUT, () => {
    const badId = run('--device', 'BIN 1', '--kind', 'bin', '--dry-run');
    expect(badId.status).toBe(2);
    expect(badId.stderr).toMatch(/invalid option --device/);
    expect(run('--device', 'P-1', '--kind', 'pump', '--dry-run').stderr).toMatch(/--kind/);
    expect(run('--device', 'P-1', '--kind', 'bin', '--stage', 'staging', '--dry-run').stderr).toMatch(
      /--stage/,
    );
    expect(run('--kind', 'bin', '--dry-run').status).toBe(2);
    expect(run('--device', 'P-1', '--kind', 'bin', '--force').status).toBe(2);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--dry-run/);
  });

  it('makes the planned calls in order and writes the key pair', async () => {
    const calls: { name: string; input: Record<string, unknown> }[] = [];
    const written = new Map<string, string>();
    const iot = {
      async send(command: unknown) {
        const { constructor: type, input } = command as {
          constructor: { name: string };
          input: Record<string, unknown>;
        };
        calls.push({ name: type.name, input });
        if (type.name === 'CreateThingCommand') return { thingArn: 'arn:thing/MTR-0007' };
        if (type.name === 'CreateKeysAndCertificateCommand') {
          return {
            certificateArn: 'arn:cert/c1',
            certificateId: 'c1',
            certificatePem: 'PEM',
            keyPair: { PrivateKey: 'KEY' },
          };
        }
        if (type.name === 'DescribeEndpointCommand')
          return { endpointAddress: 'abc-ats.iot.ap-southeast-1.amazonaws.com' };
        return {};
      },
    };
    const plan = planProvisioning({ ...options, out: '/tmp/x' }, {});
    const result = await provision(plan, iot, (file, contents) => written.set(file, contents));
    expect(calls.map((c) => c.name)).toEqual([
      'CreateThingCommand',
      'CreateKeysAndCertificateCommand',
      'AttachPolicyCommand',
      'AttachThingPrincipalCommand',
      'DescribeEndpointCommand',
    ]);
    expect(calls[0]?.input).toEqual(plan.steps[0]?.input);
    expect(calls[2]?.input).toEqual({ policyName: 'village-prod-device', target: 'arn:cert/c1' });
    expect(calls[3]?.input).toEqual({ thingName: 'MTR-0007', principal: 'arn:cert/c1' });
    expect(written).toEqual(
      new Map([
        [path.join('/tmp/x', 'certificate.pem'), 'PEM'],
        [path.join('/tmp/x', 'private.key'), 'KEY'],
      ]),
    );
    expect(result).toEqual({
      thingArn: 'arn:thing/MTR-0007',
      certificateArn: 'arn:cert/c1',
      certificateId: 'c1',
      endpoint: 'abc-ats.iot.ap-southeast-1.amazonaws.com',
    });
  });

  it('leaves no live certificate behind when a later call fails', async () => {
    const calls: string[] = [];
    const iot = {
      async send(command: unknown) {
        const name = (command as { constructor: { name: string } }).constructor.name;
        calls.push(name);
        if (name === 'CreateKeysAndCertificateCommand') {
          return {
            certificateArn: 'arn:cert/c1',
            certificateId: 'c1',
            certificatePem: 'PEM',
            keyPair: { PrivateKey: 'KEY' },
          };
        }
        if (name === 'AttachThingPrincipalCommand') throw new Error('thing is gone');
        return {};
      },
    };
    const plan = planProvisioning({ ...options, out: path.join(repoRoot, 'node_modules/.cache/never') }, {});
    await expect(provision(plan, iot, () => {})).rejects.toThrow('thing is gone');
    expect(calls).toEqual([
      'CreateThingCommand',
      'CreateKeysAndCertificateCommand',
      'AttachPolicyCommand',
      'AttachThingPrincipalCommand',
      // rollback, newest first
      'DetachPolicyCommand',
      'UpdateCertificateCommand',
      'DeleteCertificateCommand',
    ]);
  });

  it('takes the region from --region, then AWS_REGION, then the stage config', () => {
    expect(planProvisioning({ ...options, region: 'us-east-1' }, { AWS_REGION: 'eu-west-1' }).region).toBe(
      'us-east-1',
    );
    expect(planProvisioning(options, { AWS_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(planProvisioning(options, {}).region).toBe('ap-southeast-1');
  });
});
