import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../main/contract/errors.js';
import { SetupAccess } from '../../main/services/setup/setupAccess.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof ServiceError ? `${error.code}: ${error.message}` : String(error);
  }
}

describe('setup access (technician PIN)', () => {
  it('gives a token for the right PIN that privileged calls accept until it expires', () => {
    const time = clock();
    const access = new SetupAccess({ pin: '2468', sessionMs: 60_000, now: time.now });
    const { setupToken, expiresAt } = access.unlock('2468');
    expect(new Date(expiresAt).getTime()).toBe(time.now() + 60_000);
    expect(codeOf(() => access.require(setupToken))).toBeUndefined();
    expect(codeOf(() => access.require(`${setupToken}x`))).toMatch(/^forbidden/);
    time.advance(60_000);
    expect(codeOf(() => access.require(setupToken))).toBe('forbidden: setup mode is locked; enter the PIN again');
  });

  it('refuses a wrong PIN, and locks after repeated wrong PINs even for the right one', () => {
    const time = clock();
    const access = new SetupAccess({ pin: '2468', maxAttempts: 3, lockoutMs: 30_000, now: time.now });
    expect(codeOf(() => access.unlock('0000'))).toBe('forbidden: wrong PIN');
    expect(codeOf(() => access.unlock('1111'))).toBe('forbidden: wrong PIN');
    expect(codeOf(() => access.unlock('2222'))).toBe('forbidden: wrong PIN');
    expect(codeOf(() => access.unlock('2468'))).toBe('forbidden: too many wrong PINs; try again in 30 s');
    time.advance(30_000);
    expect(codeOf(() => access.unlock('2468'))).toBeUndefined();
  });

  it('cannot be opened when the configuration has no PIN', () => {
    const access = new SetupAccess({ pin: undefined });
    expect(codeOf(() => access.unlock('1234'))).toMatch(/^forbidden: setup mode has no PIN/);
    expect(codeOf(() => access.require('anything-long-enough'))).toMatch(/^forbidden/);
  });
});
