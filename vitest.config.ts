import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    env: { LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', TZ: 'UTC' },
  },
});
