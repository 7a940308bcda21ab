import { defineConfig } from 'vitest/config';

// Unit, storage and service suites. Suites that need PostgreSQL read LIAISON_TEST_PG_URL; the browser
// suite lives apart (vitest.e2e.config.ts) because it needs Chromium.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
