import { type Acknowledgment, type App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BuildOptions, buildApp, buildStacks } from '../../infra/bin/app.ts';
import { CDK_TIMEOUT, fixturePlanHandler, testApp } from './support.ts';

/** The deployable variants: each must synthesize with zero unacknowledged findings. */
const VARIANTS: { name: string; context: Record<string, unknown>; options?: BuildOptions }[] = [
  { name: 'dev', context: {} },
  { name: 'prod', context: { stage: 'prod', webOrigin: 'https://village.example.org' } },
  {
    name: 'dev with both plans wired, tracing on, no concurrency caps',
    context: { tracing: 'on', reservedConcurrency: 'off' },
    options: { planHandlers: { waste: fixturePlanHandler, energy: fixturePlanHandler } },
  },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cdk-nag (AwsSolutions and Serverless packs) at synth', () => {
  for (const variant of VARIANTS) {
    it(`synthesizes ${variant.name} with no unacknowledged finding and no warning`, CDK_TIMEOUT, () => {
      const app = buildApp(testApp(variant.context), variant.options);
      expect(() => app.synth()).not.toThrow();
      for (const stack of app.node.children.filter(Stack.isStack)) {
        const annotations = Annotations.fromStack(stack);
        expect(annotations.findError('*', Match.anyValue())).toEqual([]);
        expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
      }
    });
  }

  it('fails synth on a finding nobody acknowledged, from either pack', CDK_TIMEOUT, () => {
    const app = buildApp(testApp());
    new Queue(app.node.findChild('village-dev-data'), 'Unreviewed');
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/ValidationFailed/);
    expect(message).toMatch(/village-dev-data\/Unreviewed\/Resource/);
    expect(message).toMatch(/AwsSolutions-SQS4/);
    expect(message).toMatch(/Serverless-SQSRedrivePolicy/);
  });

  for (const variant of VARIANTS) {
    it(`acknowledges only findings that exist, each with a reason (${variant.name})`, CDK_TIMEOUT, () => {
      const { acknowledgements, findings } = rawFindings(variant.context, variant.options);
      for (const finding of findings) {
        const cover = acknowledgements.find((a) => a.id === finding.rule && isWithin(finding.path, a.path));
        expect(cover, `${finding.rule} on ${finding.path} has no acknowledgement`).toBeDefined();
      }
      for (const ack of acknowledgements) {
        const used = findings.some((f) => f.rule === ack.id && isWithin(f.path, ack.path));
        expect(used, `${ack.id} on ${ack.path} acknowledges nothing`).toBe(true);
        expect(ack.reason.length, `${ack.id} on ${ack.path} needs a real reason`).toBeGreaterThan(60);
      }
    });
  }
});

const isWithin = (path: string, scope: string) => path === scope || path.startsWith(`${scope}/`);

/** What the packs report with every acknowledgement withheld, and the acknowledgements made. */
function rawFindings(context: Record<string, unknown>, options?: BuildOptions) {
  const acknowledgements: { path: string; id: string; reason: string }[] = [];
  vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (
    this: Validations,
    ...rules: Acknowledgment[]
  ) {
    const scope = (this as unknown as { scope: IConstruct }).scope;
    for (const rule of rules)
      acknowledgements.push({ path: scope.node.path, id: rule.id, reason: rule.reason });
  });
  const app: App = testApp(context);
  buildStacks(app, options);
  const findings = [new AwsSolutionsChecks(app), new ServerlessChecks(app)].flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath! })),
      ),
  );
  return { acknowledgements, findings };
}
