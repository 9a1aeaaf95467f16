import { afterEach, describe, expect, it } from 'vitest';
import { hallPaths } from '../../../main/contract/hallProtocol.js';
import { enrollAttemptsPerMinute } from '../../../upstream/sync/terminalRoutes.js';
import { loginAttemptsPerMinute } from '../../../upstream/http/staffRoutes.js';
import { hallBackends, startLoopbackHall, testStaff } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('staff login and brute force at the hall on %s', (backend) => {
  async function hall() {
    const started = await startLoopbackHall(backend);
    cleanups.push(() => started.close());
    return started;
  }
  const logIn = (url: string, password: string) =>
    fetch(`${url}/login`, { method: 'POST', body: new URLSearchParams({ username: testStaff.username, password }), redirect: 'manual' });

  it('refuses the 11th wrong enrollment code in a minute with 429', async () => {
    const { url } = await hall();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= enrollAttemptsPerMinute; attempt += 1) {
      const response = await fetch(new URL(hallPaths.enroll, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: `WRONGCODE${attempt}` }),
      });
      statuses.push(response.status);
    }
    expect(enrollAttemptsPerMinute).toBe(10);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
  });

  it('lets staff in with a session cookie (HttpOnly, SameSite=Strict) stored hashed, and out again', async () => {
    const { url, db } = await hall();
    expect((await fetch(`${url}/dashboard`)).status).toBe(401);
    expect((await logIn(url, 'wrong')).status).toBe(401);
    const response = await logIn(url, testStaff.password);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard');
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const token = cookie.split('=')[1]!;
    expect((await fetch(`${url}/dashboard`, { headers: { cookie } })).status).toBe(200);
    const stored = await db.all<{ token_hash: string }>('SELECT token_hash FROM staff_session');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    const account = await db.get<{ password_hash: string }>('SELECT password_hash FROM staff_account WHERE username = ?', [
      testStaff.username,
    ]);
    expect(account!.password_hash).toMatch(/^scrypt\$/);
    expect(account!.password_hash).not.toContain(testStaff.password);

    const out = await fetch(`${url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect((await fetch(`${url}/dashboard/statistics`, { headers: { cookie } })).status).toBe(401);
  });

  it('ends a session when it expires', async () => {
    const { url, db } = await hall();
    const cookie = (await logIn(url, testStaff.password)).headers.get('set-cookie')!.split(';')[0]!;
    await db.run('UPDATE staff_session SET expires_at = ?', [new Date(Date.now() - 1000).toISOString()]);
    expect((await fetch(`${url}/dashboard/statistics`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses the 11th login attempt in a minute with 429, even with the right password', async () => {
    const { url } = await hall();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < loginAttemptsPerMinute; attempt += 1) statuses.push((await logIn(url, `guess-${attempt}`)).status);
    statuses.push((await logIn(url, testStaff.password)).status);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
  });

  it('has no dashboard key any more', async () => {
    const { url } = await hall();
    expect((await fetch(`${url}/dashboard?key=test-dashboard-key`)).status).toBe(401);
  });
});
