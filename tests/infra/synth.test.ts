import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES, bundleFunction, functionNames } from '../../scripts/bench/lambda-bundles.ts';
import { repoRoot } from './support.ts';

/**
 * `npm run synth` exactly as a developer runs it, offline and without AWS credentials, into a
 * temporary cloud assembly; the bundle budget is then read off the assets CDK built.
 */
let outDir: string;
let synth: ReturnType<typeof spawnSync>;
beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'village-synth-'));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env))
    if (key.startsWith('AWS_') || key.startsWith('CDK_DEFAULT')) delete env[key];
  synth = spawnSync('npm', ['run', '-s', 'synth', '--', '--output', outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...env,
      // No credentials anywhere, and no instance-metadata probing for them.
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: path.join(outDir, 'no-credentials'),
      AWS_CONFIG_FILE: path.join(outDir, 'no-config'),
    },
  });
}, 150_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Manifest {
  artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
}

const template = (stack: string) =>
  JSON.parse(readFileSync(path.join(outDir, `${stack}.template.json`), 'utf8')) as {
    Resources: Record<
      string,
      { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, string> }
    >;
  };

describe('npm run synth', () => {
  it('synthesizes every stack offline, with no credentials and no validation failure', () => {
    expect(synth.stderr).not.toMatch(/ValidationFailed|ERROR/);
    expect(synth.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    const stacks = Object.entries(manifest.artifacts)
      .filter(([, a]) => a.type === 'aws:cloudformation:stack')
      .map(([id]) => id)
      .sort();
    expect(stacks).toEqual([
      'village-dev-api',
      'village-dev-data',
      'village-dev-ingest',
      'village-dev-schedule',
    ]);
  });

  it('bundles each function under the 1 MB budget, as the benchmark measures it', {
    timeout: 60_000,
  }, async () => {
    const deployed = new Map<string, number>();
    for (const stack of ['village-dev-api', 'village-dev-ingest', 'village-dev-schedule']) {
      for (const resource of Object.values(template(stack).Resources)) {
        if (resource.Type !== 'AWS::Lambda::Function') continue;
        const asset = resource.Metadata?.['aws:asset:path'];
        expect(asset, 'function asset path').toBeDefined();
        const name = String(resource.Properties.FunctionName).replace(/^village-dev-/, '');
        deployed.set(name, statSync(path.join(outDir, asset!, 'index.mjs')).size);
      }
    }
    expect([...deployed.keys()].sort()).toEqual(functionNames());
    const benchDir = mkdtempSync(path.join(os.tmpdir(), 'village-bundles-'));
    try {
      for (const [name, bytes] of deployed) {
        expect(bytes, `${name} bundle`).toBeLessThan(BUNDLE_BUDGET_BYTES);
        // The benchmark's esbuild options are CDK's: the same bytes come out.
        const { file } = await bundleFunction(name, benchDir);
        expect(statSync(file).size, `${name}: bench vs CDK bundle`).toBe(bytes);
      }
    } finally {
      rmSync(benchDir, { recursive: true, force: true });
    }
  });
});
