import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/build-dist.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" summary line.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    // Unit tests never touch the network; end-to-end tests only use servers they start on 127.0.0.1.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
