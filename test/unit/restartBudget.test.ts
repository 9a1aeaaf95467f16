import { describe, expect, it } from 'vitest';
import { RestartBudget } from '../../lib/restartBudget.js';

describe('restart budget of the launcher', () => {
  it('restarts at once after a stable run, backs off while exits come soon after starts, and forgives after a stable run', () => {
    let now = 0;
    const budget = new RestartBudget(60_000, () => now);
    now = 120_000;
    expect(budget.exited()).toEqual({ delayMs: 0, crashLoop: 0 });
    const delays: number[] = [];
    for (let crash = 1; crash <= 4; crash += 1) {
      budget.started();
      now += 1000;
      const { delayMs, crashLoop } = budget.exited();
      expect(crashLoop).toBe(crash);
      delays.push(delayMs);
    }
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    budget.started();
    now += 60_000;
    expect(budget.exited()).toEqual({ delayMs: 0, crashLoop: 0 });
  });
});
