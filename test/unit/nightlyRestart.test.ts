import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { nextResetAt, restartStep, type RestartPlan } from '../../main/services/upkeep/nightlyRestart.js';
import { NightlyRestarter } from '../../main/services/upkeep/nightlyRestarter.js';
import { recordingLogger } from '../support/silentLogger.js';

const shanghai = 'Asia/Shanghai';
const plan: RestartPlan = { resetHour: 3, timeZone: shanghai, maxWaitMs: 2 * 3600_000, minUptimeMs: 3600_000, recheckMs: 30_000 };
const at = (iso: string) => new Date(iso);
const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Lord_Howe'];
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });

describe('the nightly restart schedule', () => {
  it("is the hall's next reset hour in its time zone", () => {
    // 03:00 in Shanghai is 19:00 UTC the day before.
    expect(nextResetAt(at('2026-11-29T18:59:59Z'), 3, shanghai).toISOString()).toBe('2026-11-29T19:00:00.000Z');
    expect(nextResetAt(at('2026-11-29T19:00:00Z'), 3, shanghai).toISOString()).toBe('2026-11-30T19:00:00.000Z');
    // A spring-forward night in Berlin: 03:00 on 29 March 2026 is 01:00 UTC.
    expect(nextResetAt(at('2026-03-28T23:30:00Z'), 3, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('is always within a day after now, at the reset hour where that hour exists', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 23 }), fc.constantFrom(...zones), (now, hour, zone) => {
        const next = nextResetAt(now, hour, zone);
        const ahead = next.getTime() - now.getTime();
        expect(ahead).toBeGreaterThan(0);
        expect(ahead).toBeLessThanOrEqual(25 * 3600_000);
        const local = new TZDate(next.getTime(), zone);
        if (local.getHours() !== hour) expect(Math.abs(local.getHours() - hour)).toBeLessThanOrEqual(1);
        else expect(local.getMinutes()).toBe(0);
      }),
    );
  });

  it('never restarts while a citizen is in a session, before the reset hour or after the wait', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        fc.boolean(),
        (due, fromDue, uptime, busy) => {
          const now = new Date(due.getTime() + fromDue);
          const startedAt = new Date(due.getTime() - uptime);
          const step = restartStep(now, due, startedAt, busy, plan);
          if (step.kind === 'restart') {
            expect(busy).toBe(false);
            expect(fromDue).toBeGreaterThanOrEqual(0);
            expect(fromDue).toBeLessThan(plan.maxWaitMs);
            expect(uptime).toBeGreaterThanOrEqual(plan.minUptimeMs);
          } else {
            expect(step.at.getTime()).toBeGreaterThan(Math.min(now.getTime(), due.getTime()) - 1);
            if (step.gaveUp) expect(step.due.getTime()).toBeGreaterThan(now.getTime());
          }
        },
      ),
    );
  });

  it('waits for the session to end, and gives the night up after the wait', () => {
    const due = at('2026-11-29T19:00:00Z');
    const startedAt = at('2026-11-28T08:00:00Z');
    expect(restartStep(at('2026-11-29T18:00:00Z'), due, startedAt, false, plan)).toEqual({ kind: 'later', at: due, due });
    expect(restartStep(at('2026-11-29T19:00:00Z'), due, startedAt, true, plan)).toEqual({
      kind: 'later',
      at: at('2026-11-29T19:00:30Z'),
      due,
    });
    expect(restartStep(at('2026-11-29T19:10:00Z'), due, startedAt, false, plan)).toEqual({ kind: 'restart' });
    expect(restartStep(at('2026-11-29T20:59:50Z'), due, startedAt, true, plan)).toMatchObject({ at: at('2026-11-29T21:00:00Z') });
    expect(restartStep(at('2026-11-29T21:00:00Z'), due, startedAt, false, plan)).toEqual({
      kind: 'later',
      at: at('2026-11-30T19:00:00Z'),
      due: at('2026-11-30T19:00:00Z'),
      gaveUp: 'window-passed',
    });
    // Started at 02:30 local: fresh enough, not restarted half an hour later.
    expect(restartStep(due, due, at('2026-11-29T18:30:00Z'), false, plan)).toMatchObject({ kind: 'later', gaveUp: 'fresh' });
  });

  it('restarts the host once, when the session that held it up ends (injected clock)', async () => {
    let now = at('2026-11-29T10:00:00Z');
    let busy = false;
    const restarts: Date[] = [];
    const restarter = new NightlyRestarter({
      logger: recordingLogger().logger,
      hallDay: async () => ({ resetHour: 3, timeZone: shanghai }),
      busy: () => busy,
      restart: () => restarts.push(now),
      now: () => now,
    });
    expect(await restarter.check()).toEqual({ kind: 'later', at: at('2026-11-29T19:00:00Z'), due: at('2026-11-29T19:00:00Z') });
    now = at('2026-11-29T19:00:00Z');
    busy = true;
    expect(await restarter.check()).toMatchObject({ kind: 'later', at: at('2026-11-29T19:00:30Z') });
    now = at('2026-11-29T19:04:00Z');
    expect(await restarter.check()).toMatchObject({ kind: 'later' });
    expect(restarts).toEqual([]);
    busy = false;
    now = at('2026-11-29T19:04:30Z');
    expect(await restarter.check()).toEqual({ kind: 'restart' });
    expect(restarts).toEqual([at('2026-11-29T19:04:30Z')]);
  });

  it('has no schedule before the hall told its reset hour', async () => {
    const restarter = new NightlyRestarter({
      logger: recordingLogger().logger,
      hallDay: async () => null,
      busy: () => false,
      restart: () => expect.unreachable(),
    });
    expect(await restarter.check()).toBeNull();
  });
});
