import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real dynalite and aedes servers on ephemeral ports; keep the pool small
    // on a 2-core machine so timings stay sane.
    maxWorkers: 2,
  },
});
