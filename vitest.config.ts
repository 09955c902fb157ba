import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn bin/flowsentry.mjs run the compiled dist/: rebuild it when stale.
    globalSetup: ['bin/build.mjs'],
    // Integration tests share one Kafka broker and one Redis on a 2-core machine:
    // files run one at a time so timings stay predictable.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
