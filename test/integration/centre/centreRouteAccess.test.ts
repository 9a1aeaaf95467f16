import { afterEach, describe, expect, it } from 'vitest';
import { signingHeaders, signRequest } from '../../../lib/requestSigning.js';
import { StaffAccounts } from '../../../upstream/identity/staffAccounts.js';
import { startLoopbackCentre } from '../../support/centreOnLoopback.js';
import { hallBackends } from '../../support/hallOnLoopback.js';
import { rawRequest } from '../../support/rawHttp.js';
import { concrete, refused, spellings } from '../../support/routeSpellings.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('district centre route access on %s', (backend) => {
  it('lets no unsigned request and no visitor into any protected route, however its path is spelled', async () => {
    const centre = await startLoopbackCentre(backend);
    cleanups.push(() => centre.close());
    const port = Number(new URL(centre.url).port);
    const protectedRoutes = centre.routes().filter((route) => route.access !== 'public');
    expect(protectedRoutes.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/centre/report',
        'GET /api/v1/centre/figures',
        'GET /dashboard',
        'GET /dashboard/export/:table.csv',
      ]),
    );
    const admitted: string[] = [];
    for (const route of protectedRoutes) {
      const path = concrete(route.url);
      const body = route.method === 'POST' ? '{}' : '';
      expect(await rawRequest(port, route.method, path, {}, body), `${route.method} ${path}`).toBe(401);
      for (const target of spellings(path, port)) {
        const status = await rawRequest(port, route.method, target, {}, body);
        if (!refused(target, status)) admitted.push(`${route.method} ${target} → ${status}`);
      }
    }
    expect(admitted).toEqual([]);
    expect(await centre.db.get('SELECT COUNT(*) AS n FROM centre_hall_now')).toEqual({ n: 0 });
  }, 120_000);

  it("takes a hall's signed report once: the same request again, another hall's id, or a technician's login are refused", async () => {
    const centre = await startLoopbackCentre(backend);
    cleanups.push(() => centre.close());
    const enrolled = await fetch(`${centre.url}/api/v1/centre/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await centre.halls.issueCode('hall-9', 'Hall 9') }),
    });
    const { hallId, secret } = (await enrolled.json()) as { hallId: string; secret: string };
    const path = '/api/v1/centre/report';
    const body = JSON.stringify({ services: [], hours: [], live: null, health: null });
    const signed = (signer: string, key: string) => {
      const timestamp = Date.now();
      return {
        'content-type': 'application/json',
        [signingHeaders.terminal]: signer,
        [signingHeaders.timestamp]: String(timestamp),
        [signingHeaders.signature]: signRequest(key, 'POST', path, body, timestamp),
      };
    };
    const headers = signed(hallId, secret);
    const send = (with_: Record<string, string>) => fetch(`${centre.url}${path}`, { method: 'POST', headers: with_, body });
    expect((await send(headers)).status).toBe(200);
    const again = await send(headers);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already received/);
    expect((await send(signed('hall-8', secret))).status).toBe(401);
    expect((await send(signed(hallId, 'not-the-secret'))).status).toBe(401);
    // The code is spent: a second hall cannot take the same one.
    const reused = await fetch(`${centre.url}/api/v1/centre/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'AAAAAAAAAAAA' }),
    });
    expect(reused.status).toBe(401);

    // Staff of the centre read it by role: a technician account is not a supervisor.
    await new StaffAccounts(centre.db).add('tech', ['technician'], 'tech-password-1');
    const login = await fetch(`${centre.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'tech', password: 'tech-password-1' }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    for (const route of centre.routes().filter((one) => typeof one.access === 'object' && 'staff' in one.access && one.method === 'GET')) {
      const response = await fetch(`${centre.url}${concrete(route.url)}`, { headers: { cookie } });
      expect(response.status, route.url).toBe(403);
    }
    // A bad report names what is wrong and where; nothing is taken.
    const bad = JSON.stringify({ services: [], hours: [{ seq: 1, figures: { day: 'x' } }], live: null, health: null });
    const timestamp = Date.now();
    const refusedReport = await fetch(`${centre.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [signingHeaders.terminal]: hallId,
        [signingHeaders.timestamp]: String(timestamp),
        [signingHeaders.signature]: signRequest(secret, 'POST', path, bad, timestamp),
      },
      body: bad,
    });
    expect(refusedReport.status).toBe(400);
    expect(((await refusedReport.json()) as { error: { message: string } }).error.message).toMatch(/hours\[0\]\.figures\.day: /);
    expect(await centre.db.get('SELECT COUNT(*) AS n FROM centre_hour')).toEqual({ n: 0 });
  });
});
