import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and e2e suites share one Redis and one Elasticsearch node: run files one after another.
    fileParallelism: false,
    pool: 'forks',
    globalSetup: ['tests/setup/services.ts'],
  },
});
