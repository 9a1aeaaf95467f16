import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../main/contract/errors.js';
import { CitizenSession, type SessionEndReason } from '../../main/services/citizen/citizenSession.js';

afterEach(() => {
  vi.useRealTimers();
});

const citizen = { idNumber: '11010519491231002X', name: '王建国' };

function session(timeoutSeconds = 15, warningSeconds = 5) {
  const ended: SessionEndReason[] = [];
  const warnings: number[] = [];
  const held = new CitizenSession({
    reader: () => null,
    today: async () => '2026-11-29',
    idle: { timeoutMs: () => timeoutSeconds * 1000, warningMs: warningSeconds * 1000, onIdleWarning: (left) => warnings.push(left) },
    onEnded: (reason) => ended.push(reason),
  });
  return { held, ended, warnings };
}

describe('the citizen session ends itself when idle', () => {
  it('warns after the timeout, ends after the warning, and a call in between starts the clock again', async () => {
    vi.useFakeTimers();
    const { held, ended, warnings } = session();
    await held.identifiedByEid(citizen);
    held.consent();
    vi.advanceTimersByTime(14_000);
    held.touch();
    vi.advanceTimersByTime(15_000);
    expect(warnings).toEqual([5]);
    expect(held.secondsLeft()).toBe(5);
    expect(held.consentedIdentity()).toEqual(citizen);
    vi.advanceTimersByTime(5_000);
    expect(ended).toEqual(['idle']);
    expect(held.summary()).toBeNull();
    expect(() => held.consentedIdentity()).toThrow(expect.objectContaining({ reason: 'not_identified' }) as ServiceError);
  });

  it('a late timer does not keep an expired session readable, and a late call does not revive it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let now = 1_000_000;
    const ended: SessionEndReason[] = [];
    const held = new CitizenSession({
      reader: () => null,
      today: async () => '2026-11-29',
      now: () => now,
      idle: { timeoutMs: () => 15_000, warningMs: 5_000 },
      onEnded: (reason) => ended.push(reason),
    });
    await held.identifiedByEid(citizen);
    now += 20_000;
    held.touch();
    expect(ended).toEqual(['idle']);
    expect(held.summary()).toBeNull();
  });
});

describe("a citizen's age is counted on the date the session is told is the hall's", () => {
  it('turns 60 on the hall date of the birthday, not a day early or late', async () => {
    const born = { idNumber: '110105196611300014', name: '李秀英' };
    const on = async (day: string) => {
      const held = new CitizenSession({ reader: () => null, today: async () => day });
      return held.identifiedByEid(born);
    };
    expect(await on('2026-11-29')).toMatchObject({ age: 59, senior: false });
    expect(await on('2026-11-30')).toMatchObject({ age: 60, senior: true });
  });
});
