import { defineConfig } from '@playwright/test';

// The browser benchmark (npm run bench:browser): one worker, no retries, generous timeout.
// It needs the test-key build in .output/chrome-mv3 (npm run bench builds it first).
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [['list']],
});
