import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../../main/contract/health.js';
import { decodeEnrollmentPayload, replacementReportSchema, terminalSlotPaths } from '../../../main/contract/terminalSlot.js';
import { enrollWithHall, HallClient } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { printedOffline } from '../../support/printedOffline.js';

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

    // Nothing the old box sends counts any more.
    await expect(old.heartbeat(beat({ events: 0, oldestAt: null, byType: {} }))).rejects.toThrow();
    await expect(old.push([printedOffline(ulid(), block, block.first + 1, 3)])).rejects.toThrow();

    // The new box takes the same id and role with a fresh secret, and gets the slot's settings from the start.
    const second = decodeEnrollmentPayload(replaced.body.payload as string);
    const fresh = await enrollWithHall(second.hall, second.code);
    expect(fresh.terminalId).toBe('K-05');
    expect(fresh.secret).not.toBe(oldIdentity.secret);
    expect(await hall.registry.find('K-05')).toMatchObject({ role: 'kiosk', window: null });
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
});
