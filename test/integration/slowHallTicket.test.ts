import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { startDelayingProxy, type DelayingProxy } from '../support/delayingProxy.js';
import { hallBackends } from '../support/hallOnLoopback.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { callHost as call } from '../support/callHost.js';

/** The kiosk's wait for the hall in this test (the default is 5 s; the rule does not depend on it). */
const timeoutMs = 2000;

/**
 * A slow hall must never split a ticket: the kiosk gives up on the hall and
 * prints an offline number under the same ticket id while the hall has
 * issued it online. Whatever the answer's delay, the number on the paper is
 * the one the hall's ticket carries once the outbox has drained, and the one
 * a counter calls.
 */
describe.each(hallBackends())('a ticket taken while the hall answers slowly, on %s', (backend) => {
  let setUp: QueueHall;
  let proxy: DelayingProxy;

  beforeAll(async () => {
    setUp = await startQueueHall(
      backend,
      {},
      { hallRequestTimeoutMs: timeoutMs },
      async (hallUrl) => (proxy = await startDelayingProxy(hallUrl)),
    );
    const { hall, kiosk } = setUp;
    await vi.waitFor(
      async () => expect(await hall.db.get("SELECT COUNT(*) AS count FROM queue_block WHERE terminal_id = 'K-01'")).toEqual({ count: 4 }),
      { timeout: 10_000 },
    );
    await vi.waitFor(
      async () =>
        expect((await call(kiosk, 'status.get', {})).devices.find((device) => device.role === 'receiptPrinter')?.state).toBe('ready'),
      { timeout: 10_000 },
    );
  }, 60_000);
  afterAll(async () => setUp?.close());

  const cases: { name: string; slow: (proxy: DelayingProxy) => void; printed?: 'online' | 'offline' }[] = [
    { name: 'timeout − 1 s', slow: (p) => p.delay(timeoutMs - 1000), printed: 'online' },
    { name: 'timeout − 50 ms', slow: (p) => p.delay(timeoutMs - 50) },
    { name: 'timeout + 50 ms', slow: (p) => p.delay(timeoutMs + 50) },
    { name: 'timeout + 1 s', slow: (p) => p.delay(timeoutMs + 1000), printed: 'offline' },
    { name: 'not until long after the kiosk printed', slow: (p) => p.hold(), printed: 'offline' },
  ];

  it.each(cases)(
    'answer delayed by $name: the label printed is the label the hall calls',
    async ({ slow, printed }) => {
      const { hall, kiosk, counter } = setUp;
      const printer = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;
      const receiptsBefore = printer.printed;
      const onlineIssued = async () =>
        (await hall.db.get<{ last_number: number }>("SELECT last_number FROM queue_number WHERE service = 'A' AND kind = 'online'"))
          ?.last_number ?? 0;
      const onlineBefore = await onlineIssued();

      slow(proxy);
      const taken = await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });
      expect(printer.printed).toBe(receiptsBefore + 1);
      const receipt = printer.receipts.slice(-1);
      const paperLabel = receipt[0]!.lines.map((line) => line.text).find((text) => /^[A-Z]\d{3,4}$/.test(text));
      expect(paperLabel).toBe(taken.ticket.label);
      if (printed) expect(taken.ticket.offline).toBe(printed === 'offline');

      if (taken.ticket.offline) {
        // The hall did issue the ticket online (only its answer was late): a split, unless the push settles it.
        await expect.poll(onlineIssued, { timeout: 10_000 }).toBe(onlineBefore + 1);
        // The hall takes the offline push even while its answers are still held.
        await expect
          .poll(
            async () => (await hall.db.get<{ label: string }>('SELECT label FROM queue_ticket WHERE id = ?', [taken.ticket.id]))?.label,
            { timeout: 15_000 },
          )
          .toBe(paperLabel);
      }
      proxy.release();
      proxy.delay(0);

      await expect.poll(async () => (await call(kiosk, 'status.get', {})).hall.backlog, { timeout: 30_000 }).toBe(0);
      expect((await hall.db.get<{ label: string }>('SELECT label FROM queue_ticket WHERE id = ?', [taken.ticket.id]))?.label).toBe(
        paperLabel,
      );
      // The late answer changes nothing the citizen was given.
      expect(printer.printed).toBe(receiptsBefore + 1);

      await expect
        .poll(async () => (await call(counter, 'counter.state', {})).waiting.map((ticket) => ticket.label), { timeout: 10_000 })
        .toEqual([paperLabel]);
      const called = await call(counter, 'counter.act', { act: { action: 'call-next' } });
      expect(called.current).toMatchObject({ id: taken.ticket.id, label: paperLabel });
      await call(counter, 'counter.act', { act: { action: 'finish' } });
    },
    60_000,
  );
});
