import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/screenshots',
  testMatch: '**/*.shots.ts',
  workers: 1,
  reporter: [['list']],
});
