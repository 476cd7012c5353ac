import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real dynalite and aedes servers on ephemeral ports; keep the pool small
    // on a 2-core machine so timings stay sane.
    maxWorkers: 2,
    // We run Node 20 on purpose (the machine's runtime); the pinned SDK supports it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
