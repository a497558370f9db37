import { defineConfig } from 'vitest/config';

export default defineConfig({
  // A .cts module imported by the ES modules (src/cli/global-options.cts) is TypeScript too.
  oxc: { include: /\.([cm]?ts|[jt]sx)$/ },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Set-up hooks hash passwords (scrypt, N = 2^17) and seed stores: slow on a loaded 2-core machine.
    hookTimeout: 60_000,
    pool: 'forks',
    env: { LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', TZ: 'UTC' },
  },
});
