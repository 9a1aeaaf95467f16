import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../../main/contract/health.js';
import { decodeEnrollmentPayload, replacementReportSchema, terminalSlotPaths } from '../../../main/contract/terminalSlot.js';
import { enrollWithHall, HallClient } from '../../../main/sync/hallClient.js';
import { saveIdentity } from '../../../main/sync/identityStore.js';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { printedOffline } from '../../support/printedOffline.js';
import { startTestTerminal } from '../../support/testTerminal.js';
import { callHost } from '../../support/callHost.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function asStaff(hall: LoopbackHall, cookie: string, url: string, body?: unknown) {
  const response = await fetch(`${hall.url}${url}`, {
    method: 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string } } };
}

const beat = (backlog: Heartbeat['backlog']): Heartbeat => ({
  terminalId: 'K-05',
  version: '0.1.0',
  uptimeSeconds: 600,
  role: 'kiosk',
  window: null,
  intervalSeconds: 30,
  devices: [],
  backlog,
  lastPullAt: null,
  configApplied: 0,
  freeDiskBytes: null,
  freeMemoryBytes: 1_000_000,
  screen: 'kiosk/home',
});

const replaceUrl = (terminalId: string) => terminalSlotPaths.replace.replace(':terminalId', terminalId);

describe.each(hallBackends())('a broken kiosk replaced by a new box, on %s', (backend) => {
  it('revokes the old box at once, reports what it never delivered and the numbers it never reported, and the new box takes its slot', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const cookie = await hall.staffCookie();
    const settings = { services: ['certificates'], idleTimeoutSeconds: 120, locale: 'en' };
    const created = await asStaff(hall, cookie, terminalSlotPaths.slots, { terminalId: 'K-05', role: 'kiosk', settings });
    const first = decodeEnrollmentPayload(created.body.payload as string);
    const oldIdentity = await enrollWithHall(first.hall, first.code);
    const old = new HallClient(oldIdentity);

    // The old box leased numbers, printed A-numbers offline and reported two of them; its last beat still held three events.
    const block = await old.leaseBlock('A', 10);
    await old.push([printedOffline(ulid(), block, block.first, 1), printedOffline(ulid(), block, block.first + 2, 2)]);
    const oldestAt = new Date(Date.now() - 600_000).toISOString();
    await old.heartbeat(beat({ events: 3, oldestAt, byType: { 'queue.ticket-issued': 2, 'certificate.printed': 1 } }));

    expect((await asStaff(hall, cookie, replaceUrl('K-99'))).body.error!.message).toBe(
      'terminalId: no enrolled terminal "K-99" to replace: create its slot instead',
    );
    expect((await asStaff(hall, cookie, replaceUrl('no%20such'))).body.error!.message).toBe('terminalId: not a terminal id: "no such"');

    const replaced = await asStaff(hall, cookie, replaceUrl('K-05'));
    expect(replaced.status).toBe(200);
    const report = replacementReportSchema.parse(replaced.body.report);
    const label = (n: number) => `A${String(n).padStart(3, '0')}`;
    expect(report).toMatchObject({
      terminalId: 'K-05',
      undelivered: { events: 3, oldestAt, byType: { 'queue.ticket-issued': 2, 'certificate.printed': 1 } },
      unreportedNumbers: [
        {
          businessDay: block.businessDay,
          service: 'A',
          labels: [label(block.first + 1), `${label(block.first + 3)}–${label(block.last)}`],
        },
      ],
    });
    expect(report.lastBeatAt).not.toBeNull();

    // Nothing the old box sends counts any more, and it is told why.
    const toldReplaced = {
      status: 401,
      code: 'replaced',
      message: expect.stringMatching(/^terminal K-05 was replaced by another box at /),
    };
    await expect(old.heartbeat(beat({ events: 0, oldestAt: null, byType: {} }))).rejects.toMatchObject(toldReplaced);
    await expect(old.push([printedOffline(ulid(), block, block.first + 1, 3)])).rejects.toMatchObject(toldReplaced);
    // Knowing the id is not enough to learn that: a request signed with any other secret is only refused.
    const stranger = new HallClient({ ...oldIdentity, secret: 'not-the-old-box-secret' });
    const strangerRefusal = await stranger.ping().then(
      () => null,
      (error: unknown) => error,
    );
    expect(strangerRefusal).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(String((strangerRefusal as Error).message)).not.toMatch(/replaced/);

    // The new box takes the same id and role with a fresh secret, and gets the slot's settings from the start.
    const second = decodeEnrollmentPayload(replaced.body.payload as string);
    const fresh = await enrollWithHall(second.hall, second.code);
    expect(fresh.terminalId).toBe('K-05');
    expect(fresh.secret).not.toBe(oldIdentity.secret);
    expect(await hall.registry.find('K-05')).toMatchObject({ role: 'kiosk', window: null });
    // Once the new box holds the slot, the old box's secret is simply wrong: still told it was replaced.
    await expect(old.ping()).rejects.toMatchObject(toldReplaced);
    const config = await new HallClient(fresh).changes('config', 0);
    expect(config.items.map((item) => item.value)).toContainEqual(expect.objectContaining(settings));

    // Its outbox starts again at 1: taken as new events, not refused as numbers the old box used; its tickets count.
    const newBox = new HallClient(fresh);
    const newBlock = await newBox.leaseBlock('A', 10);
    expect(newBlock.first).toBeGreaterThan(block.last);
    const pushed = await newBox.push([printedOffline(ulid(), newBlock, newBlock.first, 1)]);
    expect(pushed).toMatchObject({ rejected: [], resendFrom: null });
    expect(pushed.acknowledged).toHaveLength(1);

    // The staff's terminals page keeps the report.
    const page = await (await fetch(`${hall.url}${terminalSlotPaths.page}`, { headers: { cookie } })).text();
    expect(page).toContain('certificate.printed ×1');
    expect(page).toContain(`${label(block.first + 3)}–${label(block.last)}`);
  });

  it('the old box, still running, says it was replaced and hands out nothing: no ticket from its leased numbers', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-K-06-'));
    await mkdir(path.join(dir, 'data'));
    await saveIdentity(path.join(dir, 'data'), await hall.enroll('K-06', { role: 'kiosk' }));
    const oldBox = await startTestTerminal(dir, 'demo-kiosk', { terminalId: 'K-06', upstream: hall.url, hallPingIntervalMs: 200 });
    cleanups.push(async () => {
      await oldBox.stop();
      await rm(dir, { recursive: true, force: true });
    });
    const hallState = async () => (await callHost(oldBox, 'status.get', {})).hall.state;
    await expect.poll(hallState, { timeout: 10_000 }).toBe('online');
    // It holds leased numbers, which it would hand out if it took the hall's refusal for the hall being down.
    const store = await openDatabase(path.join(dir, 'data', 'K-06.db'));
    cleanups.push(() => store.close());
    const leased = async () => (await store.get<{ n: number }>('SELECT COUNT(*) AS n FROM number_block'))!.n;
    await expect.poll(leased, { timeout: 10_000 }).toBeGreaterThan(0);

    const cookie = await hall.staffCookie();
    expect((await asStaff(hall, cookie, replaceUrl('K-06'))).status).toBe(200);

    await expect.poll(hallState, { timeout: 10_000 }).toBe('replaced');
    expect(await callHost(oldBox, 'status.availability', {})).toMatchObject({
      outOfService: true,
      services: expect.arrayContaining([{ service: 'take-number', unmet: { need: 'hall', detail: 'replaced' } }]),
    });
    expect(await oldBox.host.dispatch('queue.takeTicket', { service: 'A', disability: false })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('was replaced by another box') },
    });
  });
});
