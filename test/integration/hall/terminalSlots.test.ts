import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEnrollmentPayload, terminalSlotPaths, terminalSlotViewSchema } from '../../../main/contract/terminalSlot.js';
import { enrollWithHall, HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { startTestTerminal } from '../../support/testTerminal.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// One login per hall: logging in is a deliberately slow scrypt.
const cookies = new WeakMap<LoopbackHall, Promise<string>>();
const cookieOf = (hall: LoopbackHall) => cookies.get(hall) ?? (cookies.set(hall, hall.staffCookie()), cookies.get(hall)!);

async function asStaff(hall: LoopbackHall, method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = await fetch(`${hall.url}${url}`, {
    method,
    headers: { cookie: await cookieOf(hall), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string } } };
}

const slotOf = async (hall: LoopbackHall, terminalId: string) =>
  terminalSlotViewSchema
    .array()
    .parse((await asStaff(hall, 'GET', terminalSlotPaths.slots)).body)
    .find((slot) => slot.terminalId === terminalId);

describe.each(hallBackends())('terminal slots at the hall on %s', (backend) => {
  it('refuses a bad value with its field, publishes nothing then, and a kiosk enrolled by the QR payload applies each version live', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const slot = {
      terminalId: 'K-09',
      role: 'kiosk',
      settings: { services: ['certificates', 'appointments'], idleTimeoutSeconds: 120, locale: 'en' },
    };

    const tooShort = await asStaff(hall, 'POST', terminalSlotPaths.slots, {
      ...slot,
      settings: { ...slot.settings, idleTimeoutSeconds: 5 },
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error!.message).toMatch(/^settings\.idleTimeoutSeconds: /);
    const unknown = await asStaff(hall, 'POST', terminalSlotPaths.slots, {
      ...slot,
      settings: { ...slot.settings, services: ['certificates', 'casino'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error!.message).toContain('settings.services[1]: "casino" is not a service of the hall');
    const windowless = await asStaff(hall, 'POST', terminalSlotPaths.slots, { ...slot, role: 'counter' });
    expect(windowless.body.error!.message).toContain('window: a counter needs its window');
    expect(await hall.db.all("SELECT seq FROM hall_change WHERE scope = 'config' AND item_key = 'K-09'")).toEqual([]);

    const created = await asStaff(hall, 'POST', terminalSlotPaths.slots, slot);
    expect(created.status).toBe(200);
    expect(created.body.qrSvg).toMatch(/^<svg/);
    const payload = decodeEnrollmentPayload(created.body.payload as string);
    expect(payload).toEqual({ hall: hall.url, fingerprint: null, fingerprintStart: null, code: created.body.code });
    expect(await slotOf(hall, 'K-09')).toMatchObject({ publishedVersion: 1, appliedVersion: null, enrolled: false });

    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-K-09-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await enrollWithHall(payload.hall, payload.code, payload.fingerprint));
    const kiosk = await startTestTerminal(dir, 'demo-kiosk', { terminalId: 'K-09', upstream: hall.url, hallPingIntervalMs: 200 });
    cleanups.push(() => kiosk.stop());
    await expect
      .poll(() => slotOf(hall, 'K-09'), { timeout: 15_000 })
      .toMatchObject({ publishedVersion: 1, appliedVersion: 1, enrolled: true });
    expect(await kiosk.host.dispatch('terminal.info', {})).toMatchObject({
      ok: true,
      result: { idleTimeoutSeconds: 120, enabledServices: ['certificates', 'appointments'], locale: 'en' },
    });

    const bad = await asStaff(hall, 'POST', '/api/v1/terminal-slots/K-09/config', { idleTimeoutSeconds: 99999 });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/^idleTimeoutSeconds: /);
    const changed = await asStaff(hall, 'POST', '/api/v1/terminal-slots/K-09/config', {
      idleTimeoutSeconds: 45,
      services: ['certificates'],
    });
    expect(changed.body).toEqual({ version: 2 });
    await expect.poll(() => slotOf(hall, 'K-09'), { timeout: 15_000 }).toMatchObject({ publishedVersion: 2, appliedVersion: 2 });
    expect(await kiosk.host.dispatch('terminal.info', {})).toMatchObject({
      result: { idleTimeoutSeconds: 45, enabledServices: ['certificates'] },
    });
    const page = await fetch(`${hall.url}${terminalSlotPaths.page}`, { headers: { cookie: await cookieOf(hall) } });
    expect(await page.text()).toMatch(
      /data-terminal="K-09"[\s\S]*<td data-published>2<\/td><td data-applied>2<\/td>\s*<td data-state>已生效 · applied/,
    );
  }, 120_000);

  it('the terminals page makes a slot from its form and shows the QR code, says field by field what is wrong, and replaces a broken box', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const post = async (url: string, fields: [string, string][]) => {
      const response = await fetch(`${hall.url}${url}`, {
        method: 'POST',
        headers: { cookie: await cookieOf(hall), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return { status: response.status, html: await response.text() };
    };
    const shown = await fetch(`${hall.url}${terminalSlotPaths.page}`, { headers: { cookie: await cookieOf(hall) } }).then((page) =>
      page.text(),
    );
    expect(shown).toContain('<form method="post" action="/terminals" class="create">');
    expect(shown).toContain('name="services" value="certificates"');

    const counter = (window: string, services = ['certificates', 'appointments']): [string, string][] => [
      ['terminalId', 'C-07'],
      ['role', 'counter'],
      ['window', window],
      ...services.map((service): [string, string] => ['services', service]),
      ['idleTimeoutSeconds', '120'],
      ['locale', 'zh-CN'],
    ];
    const noWindow = await post(terminalSlotPaths.page, counter(''));
    expect(noWindow.status).toBe(400);
    expect(noWindow.html).toMatch(/role="alert"[\s\S]*window: a counter needs its window/);
    const unknown = await post(terminalSlotPaths.page, counter('7', ['certificates', 'no-such-service']));
    expect(unknown.html).toMatch(/settings\.services\[1\]: &#34;no-such-service&#34; is not a service of the hall/);
    expect(await slotOf(hall, 'C-07')).toBeUndefined();

    // Both ticked boxes arrive (a field given twice is a list), and the page shows the QR code and the one-time code.
    const made = await post(terminalSlotPaths.page, counter('7'));
    expect(made.status).toBe(200);
    expect(made.html).toContain('data-created="C-07"');
    expect(made.html).toContain('<svg');
    expect(await slotOf(hall, 'C-07')).toMatchObject({
      role: 'counter',
      window: 7,
      settings: { services: ['certificates', 'appointments'] },
    });
    const code = /<code data-code>([^<]+)<\/code>/.exec(made.html)![1]!;
    const oldBox = await enrollWithHall(hall.url, code);
    await new HallClient(oldBox).ping();
    expect(
      await fetch(`${hall.url}${terminalSlotPaths.page}`, { headers: { cookie: await cookieOf(hall) } }).then((page) => page.text()),
    ).toContain('name="terminalId" value="C-07"');

    const unticked = await post(`${terminalSlotPaths.page}/replace`, [['terminalId', 'C-07']]);
    expect(unticked.status).toBe(400);
    expect(await new HallClient(oldBox).ping()).toBeDefined();
    const replaced = await post(`${terminalSlotPaths.page}/replace`, [
      ['terminalId', 'C-07'],
      ['confirm', 'yes'],
    ]);
    expect(replaced.status).toBe(200);
    expect(replaced.html).toContain('data-created="C-07"');
    const newCode = /<code data-code>([^<]+)<\/code>/.exec(replaced.html)![1]!;
    expect(newCode).not.toBe(code);
    expect(await new HallClient(oldBox).ping().catch((error: unknown) => (error as HallRequestError).code)).toBe('replaced');
    await enrollWithHall(hall.url, newCode);
  }, 60_000);
});
