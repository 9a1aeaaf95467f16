import { defineConfig } from '@playwright/test';

// The system Chromium: Playwright's own browser download is not reachable here.
export const chromiumPath = process.env.ONEWINDOW_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'artifacts/test-results',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    trace: 'retain-on-failure',
  },
});
