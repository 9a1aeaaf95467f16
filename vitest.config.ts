import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slowFirstSequencer.js';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/support/requireBuild.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers and processes and mostly wait on them (timers, sockets,
    // child processes): three at once keep two cores busy without starving any.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
  },
});
