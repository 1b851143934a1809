import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/no-console.ts'],
    globalSetup: ['tests/setup/build.ts'],
    // The default projection start is the current school year: tests must not depend on the day they run.
    env: { THUISZIT_TODAY: '2026-09-01' },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: ['default', './tests/setup/closing-line.ts'],
  },
});
