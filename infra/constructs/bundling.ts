import path from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The repository root: entries, the lock file and `node_modules` are found from here. */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** `functions/<name>/handler.ts`, the one entry of every function. */
export function handlerEntry(name: string): string {
  return path.join(projectRoot, 'functions', name, 'handler.ts');
}

/**
 * ESM output still meets CommonJS dependencies that call `require` (Node built-ins); give them one.
 * The identifiers are unlikely to clash with minified names.
 */
const REQUIRE_SHIM =
  "import{createRequire as __villageCreateRequire}from'node:module';const require=__villageCreateRequire(import.meta.url);";

/**
 * How every function is bundled, in one place, so the budget test and `npm run bench:lambda` build
 * exactly what CDK deploys: the local esbuild (never Docker), one minified ESM file, the AWS SDK v3
 * bundled rather than taken from the runtime — so it is tree-shaken to the clients we use and pinned to
 * the version the tests ran against — and the `module` field first, so packages' ES builds are picked.
 */
export const bundleSettings = {
  target: 'node24',
  format: 'esm',
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  /** Nothing external: the SDK included (see above). */
  externalModules: [] as string[],
} as const;

/** The NodejsFunction `bundling` props matching `bundleSettings`. */
export function nodejsBundling(): BundlingOptions {
  return {
    forceDockerBundling: false,
    target: bundleSettings.target,
    format: OutputFormat.ESM,
    minify: bundleSettings.minify,
    sourceMap: bundleSettings.sourceMap,
    mainFields: [...bundleSettings.mainFields],
    banner: bundleSettings.banner,
    bundleAwsSDK: true,
    externalModules: [...bundleSettings.externalModules],
  };
}

/**
 * The same build as esbuild options (what CDK passes on its command line), for measuring bundles
 * outside a synth. Typed loosely so infra code does not depend on esbuild's types.
 */
export function esbuildOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node' as const,
    target: bundleSettings.target,
    format: bundleSettings.format,
    minify: bundleSettings.minify,
    sourcemap: bundleSettings.sourceMap,
    mainFields: [...bundleSettings.mainFields],
    banner: { js: bundleSettings.banner },
    external: [...bundleSettings.externalModules],
    metafile: true,
    logLevel: 'warning' as const,
    absWorkingDir: projectRoot,
  };
}
