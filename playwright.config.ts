import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium with the built extension (.output/chrome-mv3) loaded.
// One worker: these machines have two cores and each test starts its own browser.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list']],
});
