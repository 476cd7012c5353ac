import path from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { type BuildOptions, buildStacks, type VillageStacks } from '../../infra/bin/app.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A planning handler stand-in (tests only), to exercise the schedule wiring. */
export const fixturePlanHandler = path.join(import.meta.dirname, 'fixtures', 'plan-handler.ts');

/**
 * An app with the stacks of a stage, for template assertions. Bundling is skipped (`bundling-stacks`
 * empty): the templates are the same, only the asset contents are placeholders — the synth test
 * bundles for real.
 */
export function testApp(context: Record<string, unknown> = {}): App {
  return new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
}

export function stacksFor(context: Record<string, unknown> = {}, options: BuildOptions = {}): VillageStacks {
  return buildStacks(testApp(context), options);
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** Resources of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** Every string in a JSON-like value (through `Fn::Join` and friends), for searching templates. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** An `Fn::Join` with an empty separator (how CDK renders ARNs) as one string, refs as `{Ref}`. */
export function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(joined).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref) return `{${ref}}`;
  return JSON.stringify(value);
}

/** CDK builds stacks slowly the first time (the whole aws-cdk-lib loads); give template tests room. */
export const CDK_TIMEOUT = { timeout: 60_000 };
