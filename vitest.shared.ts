import { defineConfig } from 'vitest/config';

/** The vitest settings every package shares: node environment, forks so native addons and workers are isolated. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
