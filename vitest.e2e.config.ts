import { defineConfig } from 'vitest/config';

// Browser journeys: Playwright (playwright-core) driving Debian's /usr/bin/chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
