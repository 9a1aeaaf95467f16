import { afterEach, describe, expect, it } from 'vitest';
import { hallPaths } from '../../../main/contract/hallProtocol.js';
import { signRequest, signingHeaders } from '../../../lib/requestSigning.js';
import { enrollWithHall, HallClient } from '../../../main/sync/hallClient.js';
import { openApiPath } from '../../../upstream/http/openApi.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('hall server on %s', (backend) => {
  async function hall() {
    const started = await startLoopbackHall(backend);
    cleanups.push(() => started.close());
    return started;
  }

  function signedPing(url: string, terminalId: string, secret: string, timestamp = Date.now()) {
    return fetch(new URL(hallPaths.ping, url), {
      headers: {
        [signingHeaders.terminal]: terminalId,
        [signingHeaders.timestamp]: String(timestamp),
        [signingHeaders.signature]: signRequest(secret, 'GET', hallPaths.ping, '', timestamp),
      },
    });
  }

  describe('terminal identity on a real hall server over loopback', () => {
    it('enrolls with a one-time code and then makes signed requests', async () => {
      const { url, registry } = await hall();
      const code = await registry.issueCode('K-01', { role: 'kiosk' });
      const identity = await enrollWithHall(url, code);
      expect(identity).toMatchObject({ hallUrl: url, terminalId: 'K-01' });
      expect(await new HallClient(identity).ping()).toMatchObject({ terminalId: 'K-01' });
      await expect(enrollWithHall(url, code)).rejects.toThrow('this enrollment code was already used');
      await expect(enrollWithHall(url, 'NOTACODE1234')).rejects.toThrow('unknown enrollment code');
    });

    it('refuses unsigned, unknown, badly signed, stale and replayed requests with 401', async () => {
      const { url, registry } = await hall();
      const { secret } = await enrollWithHall(url, await registry.issueCode('K-02', { role: 'kiosk' }));
      expect((await fetch(new URL(hallPaths.ping, url))).status).toBe(401);
      expect((await signedPing(url, 'K-99', secret)).status).toBe(401);
      expect((await signedPing(url, 'K-02', `${secret}x`)).status).toBe(401);
      const stale = await signedPing(url, 'K-02', secret, Date.now() - 5 * 60_000);
      expect(stale.status).toBe(401);
      expect(await stale.json()).toEqual({
        error: { code: 'unauthorized', message: 'the request time is outside the replay window (check the terminal clock)' },
      });
      const at = Date.now();
      expect((await signedPing(url, 'K-02', secret, at)).status).toBe(200);
      const replay = await signedPing(url, 'K-02', secret, at);
      expect(replay.status).toBe(401);
      expect(await replay.json()).toMatchObject({ error: { message: 'this request was already received' } });
    });

    it('shuts a revoked terminal out, until it enrolls again with a new code', async () => {
      const { url, registry, db } = await hall();
      const identity = await enrollWithHall(url, await registry.issueCode('K-03', { role: 'kiosk' }));
      expect(await registry.revoke('K-03')).toBe(true);
      await expect(new HallClient(identity).ping()).rejects.toMatchObject({ status: 401, message: 'unknown or revoked terminal' });
      const again = await enrollWithHall(url, await registry.issueCode('K-03', { role: 'kiosk' }));
      expect(again.secret).not.toBe(identity.secret);
      expect(await new HallClient(again).ping()).toMatchObject({ terminalId: 'K-03' });
      expect(await db.all('SELECT id FROM terminal')).toEqual([{ id: 'K-03' }]);
    });

    it('shuts a terminal it let in before out at once when another registry revokes or re-enrolls it', async () => {
      // The server remembers terminals it has seen; the revoke and the new enrolment come
      // from another registry (as `onewindow hall revoke` in another process), not through it.
      const { url, registry } = await hall();
      const first = await enrollWithHall(url, await registry.issueCode('C-04', { role: 'counter', window: 4 }));
      expect((await signedPing(url, 'C-04', first.secret)).status).toBe(200);
      expect(await registry.revoke('C-04')).toBe(true);
      const revoked = await signedPing(url, 'C-04', first.secret);
      expect(revoked.status).toBe(401);
      expect(await revoked.json()).toMatchObject({ error: { message: 'unknown or revoked terminal' } });

      const second = await enrollWithHall(url, await registry.issueCode('C-04', { role: 'kiosk' }));
      const oldSecret = await signedPing(url, 'C-04', first.secret);
      expect(await oldSecret.json()).toMatchObject({ error: { message: 'bad signature' } });
      expect((await signedPing(url, 'C-04', second.secret)).status).toBe(200);
      // The role bound by the new enrolment applies at once: a kiosk may not call the counter.
      const body = JSON.stringify({ window: 4, act: { action: 'call-next' } });
      const timestamp = Date.now();
      const asCounter = await fetch(new URL('/api/v1/queue/counter', url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [signingHeaders.terminal]: 'C-04',
          [signingHeaders.timestamp]: String(timestamp),
          [signingHeaders.signature]: signRequest(second.secret, 'POST', '/api/v1/queue/counter', body, timestamp),
        },
        body,
      });
      expect(asCounter.status).toBe(403);
    });

    it('describes every route it registered as OpenAPI at /docs, with its schemas and the roles that may call it', async () => {
      const started = await hall();
      type Operation = {
        summary: string;
        'x-access': string;
        'x-roles'?: string[];
        'x-staff-roles'?: string[];
        requestBody?: unknown;
        responses: Record<string, unknown>;
      };
      const document = (await (await fetch(new URL('/docs', started.url))).json()) as {
        openapi: string;
        paths: Record<string, Record<string, Operation>>;
      };
      expect(document.openapi).toBe('3.1.0');
      const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
      // HEAD answers each GET by itself (fastify's exposeHeadRoutes); the GET's entry describes it.
      const registered = started
        .routes()
        .filter((route) => route.method !== 'HEAD')
        .map((route) => `${route.method} ${openApiPath(route.url)}`);
      expect(documented.sort()).toEqual(registered.sort());
      expect(registered.length).toBeGreaterThan(20);
      for (const route of started.routes().filter((one) => one.method !== 'HEAD')) {
        const operation = document.paths[openApiPath(route.url)]![route.method.toLowerCase()]!;
        expect(operation.summary.length, route.url).toBeGreaterThan(0);
        if (route.access === 'public') expect(operation['x-access'], route.url).toBe('public');
        else if ('staff' in route.access) expect(operation['x-staff-roles'], route.url).toEqual(route.access.staff);
        else if ('roles' in route.access) expect(operation['x-roles'], route.url).toEqual(route.access.roles);
        else expect.unreachable(`a hall serves no route for halls: ${route.url}`);
      }
      const counter = document.paths['/api/v1/queue/counter']!.post!;
      expect(counter['x-roles']).toEqual(['counter']);
      expect(JSON.stringify(counter.requestBody)).toContain('call-next');
      expect(Object.keys(counter.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    });

    it('says plainly when the hall server cannot be reached', async () => {
      await expect(enrollWithHall('http://127.0.0.1:9', 'ABCDEFGH1234')).rejects.toThrow(
        'cannot reach the hall server at http://127.0.0.1:9',
      );
    });
  });
});
