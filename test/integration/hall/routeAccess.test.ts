import { afterEach, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../../upstream/http/hallRoute.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { StaffAccounts } from '../../../upstream/identity/staffAccounts.js';
import { staffRoleSchema, type StaffRole } from '../../../upstream/identity/staffRoles.js';
import { rawRequest } from '../../support/rawHttp.js';
import { concrete, refused, spellings, upgrade } from '../../support/routeSpellings.js';
import { signingHeaders, signRequest } from '../../../lib/requestSigning.js';
import type { TerminalBinding } from '../../../main/contract/hallProtocol.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('hall route access on %s', (backend) => {
  it('lets no unsigned request into any protected route, however its path is spelled', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const port = Number(new URL(hall.url).port);
    const protectedRoutes = hall.routes().filter((route): route is RegisteredRoute => route.access !== 'public');
    // The server's own list, not a hand-picked one: it must hold the routes an attacker went for.
    const listed = protectedRoutes.map((route) => `${route.method} ${route.url}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /api/v1/changes',
        'POST /api/v1/queue/counter',
        'POST /api/v1/citizen/lookup',
        'GET /api/v1/live',
        'GET /dashboard',
      ]),
    );
    expect(protectedRoutes.length).toBeGreaterThan(20);

    const admitted: string[] = [];
    for (const route of protectedRoutes) {
      const path = concrete(route.url);
      // Spelled plainly, the route is there and refuses: 401 (or, for the staff's pages, 401 with a way to log in).
      expect(await rawRequest(port, route.method, path, {}, route.method === 'POST' ? '{}' : '')).toBe(401);
      for (const target of spellings(path, port)) {
        const status = await rawRequest(port, route.method, target, {}, route.method === 'POST' ? '{}' : '');
        if (!refused(target, status)) admitted.push(`${route.method} ${target} → ${status}`);
      }
      if (route.method === 'GET') {
        const targets = route.url === '/api/v1/live' ? spellings(path, port) : [path];
        for (const target of targets) {
          const status = await rawRequest(port, 'GET', target, upgrade);
          if (!refused(target, status)) admitted.push(`upgrade ${target} → ${status}`);
        }
      }
    }
    expect(admitted).toEqual([]);
    for (const table of ['queue_ticket', 'terminal_event', 'appointment', 'service_request', 'certificate']) {
      expect(await hall.db.get(`SELECT COUNT(*) AS n FROM ${table}`), table).toEqual({ n: 0 });
    }
  }, 120_000);

  it('answers 404, and nothing protected, to what matches no route', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const port = Number(new URL(hall.url).port);
    expect(await rawRequest(port, 'GET', '/api/v1/nothing-here')).toBe(404);
    expect(await rawRequest(port, 'POST', '/%61pi/v1/nothing', {}, '{}')).toBe(404);
    expect(await rawRequest(port, 'GET', '/api/v1/nothing-here', upgrade)).toBe(404);
  });
  it('refuses every signed terminal route the second time the same signed request comes', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const bindings: Record<string, TerminalBinding> = {
      kiosk: { role: 'kiosk' },
      counter: { role: 'counter', window: 3 },
      display: { role: 'display' },
    };
    const identities = new Map<string, { terminalId: string; secret: string }>();
    for (const [role, binding] of Object.entries(bindings))
      identities.set(role, await hall.enroll(`${role.slice(0, 1).toUpperCase()}-09`, binding));
    const signed = hall
      .routes()
      .filter(
        (route) => typeof route.access === 'object' && 'roles' in route.access && (route.method === 'GET' || route.method === 'POST'),
      );
    expect(signed.length).toBeGreaterThan(15);
    for (const route of signed) {
      const roles = (route.access as { roles: readonly string[] }).roles;
      const identity = identities.get(roles[0]!)!;
      const path = concrete(route.url);
      const body = route.method === 'POST' ? '{}' : '';
      const timestamp = Date.now();
      const headers = {
        'content-type': 'application/json',
        [signingHeaders.terminal]: identity.terminalId,
        [signingHeaders.timestamp]: String(timestamp),
        [signingHeaders.signature]: signRequest(identity.secret, route.method, path, body, timestamp),
      };
      const send = () => fetch(`${hall.url}${path}`, { method: route.method, headers, ...(body ? { body } : {}) });
      const first = await send();
      expect(first.status, `${route.method} ${path} first`).not.toBe(401);
      const again = await send();
      expect(again.status, `${route.method} ${path} replayed`).toBe(401);
      expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already received/);
    }
  });
  it('lets a member of staff into the routes that name their role, and answers 403 with the role needed on every other', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const accounts = new StaffAccounts(hall.db);
    const cookieOf = async (role: StaffRole) => {
      await accounts.add(`only-${role}`, [role], `${role}-password-1`);
      const login = await fetch(`${hall.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username: `only-${role}`, password: `${role}-password-1` }),
        redirect: 'manual',
      });
      expect(login.status).toBe(303);
      return login.headers.get('set-cookie')!.split(';')[0]!;
    };
    const staffRoutes = hall
      .routes()
      // Logging out ends the session the rest of the loop needs; either role may, and it names both.
      .filter((route) => typeof route.access === 'object' && 'staff' in route.access && route.url !== '/logout')
      .filter((route) => route.method === 'GET' || route.method === 'POST');
    expect(staffRoutes.length).toBeGreaterThan(20);
    // Each role is kept out of something: the split is real.
    for (const role of staffRoleSchema.options)
      expect(
        staffRoutes.some((route) => !(route.access as { staff: readonly StaffRole[] }).staff.includes(role)),
        role,
      ).toBe(true);
    for (const role of staffRoleSchema.options) {
      const cookie = await cookieOf(role);
      for (const route of staffRoutes) {
        const needed = (route.access as { staff: readonly StaffRole[] }).staff;
        const path = concrete(route.url);
        const response = await fetch(`${hall.url}${path}`, {
          method: route.method,
          headers: { cookie, 'content-type': 'application/json' },
          ...(route.method === 'POST' ? { body: '{}' } : {}),
        });
        const seen = `${role}: ${route.method} ${path} → ${response.status}`;
        if (needed.includes(role)) expect([401, 403], seen).not.toContain(response.status);
        else {
          expect(response.status, seen).toBe(403);
          expect(await response.text(), seen).toMatch(needed.includes('technician') ? /technician|技术人员/ : /supervisor|主管/);
        }
        await response.body?.cancel().catch(() => undefined);
      }
    }
  });
});
