import { defineConfig } from '@playwright/test';

// The system Chromium: Playwright's own browser download is not reachable here.
export const chromiumPath = process.env.ONEWINDOW_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'artifacts/test-results',
  // One at a time: each test runs a hall, a host and Chromium, which keep two cores busy (two workers took as long).
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      // Autoplay as `onewindow start` launches a hall display: it announces calls with no one there to touch it.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
    },
    // A failed test keeps its trace (actions, DOM snapshots, console, network) but not the screencast of
    // every frame: recording that cost about a tenth of the e2e time, and each test saves its own screenshots.
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
});
