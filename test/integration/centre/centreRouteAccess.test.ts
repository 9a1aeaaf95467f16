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
    const enrol = (code: string) =>
      fetch(`${centre.url}/api/v1/centre/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    const firstCode = await centre.halls.issueCode('hall-9', 'Hall 9');
    const { hallId, secret } = (await (await enrol(firstCode)).json()) as { hallId: string; secret: string };
    const path = '/api/v1/centre/report';
    /** Headers of a report signed as `signer` with `key` (the same headers twice are a replay). */
    const signed = (signer: string, key: string, text: string) => {
      const timestamp = Date.now();
      return {
        'content-type': 'application/json',
        [signingHeaders.terminal]: signer,
        [signingHeaders.timestamp]: String(timestamp),
        [signingHeaders.signature]: signRequest(key, 'POST', path, text, timestamp),
      };
    };
    const body = JSON.stringify({ services: [], hours: [], live: null, health: null });
    const headers = signed(hallId, secret, body);
    const send = (with_: Record<string, string>, text = body) =>
      fetch(`${centre.url}${path}`, { method: 'POST', headers: with_, body: text });
    expect((await send(headers)).status).toBe(200);
    const again = await send(headers);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already received/);
    expect((await send(signed('hall-8', secret, body))).status).toBe(401);
    expect((await send(signed(hallId, 'not-the-secret', body))).status).toBe(401);
    // The code is spent: a second hall cannot take the same one.
    const reused = await enrol(firstCode);
    expect(reused.status).toBe(401);
    expect(((await reused.json()) as { error: { message: string } }).error.message).toBe('this enrolment code was already used');

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
    const refusedReport = await send(signed(hallId, secret, bad), bad);
    expect(refusedReport.status).toBe(400);
    expect(((await refusedReport.json()) as { error: { message: string } }).error.message).toMatch(/hours\[0\]\.figures\.day: /);
    expect(await centre.db.get('SELECT COUNT(*) AS n FROM centre_hour')).toEqual({ n: 0 });

    // Numbers past what the store holds, and hours out of order, are refused with the field, not failed on.
    const hour = (seq: number, arrivals: number) => ({
      seq,
      figures: {
        day: '2026-11-25',
        hour: 9,
        service: 'A',
        arrivals,
        served: 1,
        noShows: 0,
        transferred: 0,
        called: 1,
        withinTarget: 1,
        waitSeconds: 60,
        waitBuckets: [1, 0, 0, 0, 0, 0],
        ratings: 0,
        scoreSum: 0,
        badRatings: 0,
      },
    });
    const report = async (key: string, hours: unknown[]) => {
      const text = JSON.stringify({ services: [], hours, live: null, health: null });
      const response = await send(signed(hallId, key, text), text);
      return { status: response.status, body: (await response.json()) as { acknowledged?: number; error?: { message: string } } };
    };
    const huge = await report(secret, [hour(1, 2 ** 31)]);
    expect(huge.status).toBe(400);
    expect(huge.body.error!.message).toMatch(/hours\[0\]\.figures\.arrivals: /);
    const disorder = await report(secret, [hour(5, 1), hour(3, 1)]);
    expect(disorder.status).toBe(400);
    expect(disorder.body.error!.message).toContain('rising sequence order');
    expect(await report(secret, [hour(5, 3)])).toEqual({ status: 200, body: { acknowledged: 5 } });
    expect(await report(secret, [hour(4, 99)])).toEqual({ status: 200, body: { acknowledged: 5 } });
    // Enrolled again (a new server for the hall: its outbox counts from 1 again), its next report is taken, not skipped.
    const again2 = (await (await enrol(await centre.halls.issueCode('hall-9', 'Hall 9'))).json()) as { secret: string };
    expect(await report(again2.secret, [hour(1, 7)])).toEqual({ status: 200, body: { acknowledged: 1 } });
    expect(await centre.db.get('SELECT arrivals FROM centre_hour')).toEqual({ arrivals: 7 });
  });
});
