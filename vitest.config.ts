import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Set-up hooks hash passwords (scrypt, N = 2^17) and seed stores: slow on a loaded 2-core machine.
    hookTimeout: 60_000,
    pool: 'forks',
    env: { LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', TZ: 'UTC' },
  },
});
