import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { TerminalStatus } from '../../main/contract/status.js';
import type { IdCardReaderDevice } from '../../main/devices/idCardReaderDevice.js';
import type { LedDisplayDevice } from '../../main/devices/ledDisplayDevice.js';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { callHost as call } from '../support/callHost.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function deviceReady(terminal: RunningTerminal, role: string): Promise<void> {
  await expect
    .poll(async () => ((await call(terminal, 'status.get', {})) as TerminalStatus).devices.find((device) => device.role === role)?.state, {
      timeout: 10_000,
    })
    .toBe('ready');
}

async function hallWithTerminals(): Promise<QueueHall> {
  const started = await startQueueHall();
  cleanups.push(() => started.close());
  return started;
}

describe('the queue across a kiosk, a counter and a display', () => {
  it('a ticket is taken and printed, called at the counter onto its LED and the hall board, finished and rated', async () => {
    const { hall, kiosk, counter, display } = await hallWithTerminals();
    await deviceReady(kiosk, 'receiptPrinter');
    await deviceReady(counter, 'ledDisplay');
    const printer = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;

    const taken = await call(kiosk, 'queue.takeTicket', { service: 'B', disability: false });
    expect(taken).toMatchObject({ printed: true, printProblem: null, peopleAhead: 0, ticket: { label: 'B001', offline: false } });
    const receipt = printer.receipts.at(-1)!;
    expect(receipt.lines.map((line) => line.text)).toEqual(
      expect.arrayContaining(['B001', '社保医保  Social and medical insurance', '示范政务服务大厅']),
    );
    expect(receipt.qrCodes).toEqual([taken.followUrl]);
    expect(await fetch(taken.followUrl).then((response) => response.text())).toContain('B001');

    await expect
      .poll(async () => (await call(counter, 'counter.state', {})).waiting.map((ticket) => ticket.label), { timeout: 10_000 })
      .toEqual(['B001']);
    const heard: unknown[] = [];
    counter.host.events.subscribe((event, payload) => event === 'evaluation.requested' && heard.push(payload));
    const called = await call(counter, 'counter.act', { act: { action: 'call-next' } });
    expect(called.current?.label).toBe('B001');
    const led = counter.host.devices.device<LedDisplayDevice>('ledDisplay')!.simulator!;
    await expect.poll(() => led.history.at(-1)).toBe('请B001号到3号窗口');
    await expect
      .poll(async () => (await call(display, 'queue.board', {})).calls[0], { timeout: 10_000 })
      .toMatchObject({ label: 'B001', window: 3 });

    await call(counter, 'counter.act', { act: { action: 'finish' } });
    expect(heard).toEqual([{ ticketId: taken.ticket.id, label: 'B001', window: 3 }]);
    expect(await call(counter, 'evaluation.pending', {})).toEqual({ request: heard[0] });
    await call(counter, 'evaluation.submit', { ticketId: taken.ticket.id, score: 4, reasons: ['friendly'] });
    await expect
      .poll(async () => (await hall.db.get<{ score: number }>('SELECT score FROM queue_ticket WHERE id = ?', [taken.ticket.id]))?.score, {
        timeout: 10_000,
      })
      .toBe(4);
    expect((await call(counter, 'evaluation.pending', {})).request).toBeNull();
    await expect.poll(() => led.history.at(-1)).toBe('3号窗口 欢迎光临');
  });

  it('a card of someone 60 or over gives priority; a ticket that cannot print stays valid and the printer says why', async () => {
    const { kiosk } = await hallWithTerminals();
    await deviceReady(kiosk, 'receiptPrinter');
    await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });
    kiosk.host.devices.device<IdCardReaderDevice>('idCardReader')!.simulator!.insert(demoCards.resident);
    const { citizen } = await call(kiosk, 'citizen.readCard', { waitSeconds: 5 });
    expect(citizen).toMatchObject({ maskedName: '王**', senior: true });
    expect(citizen!.maskedIdNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);

    kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!.status.paperOut = true;
    const taken = await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });
    expect(taken).toMatchObject({
      printed: false,
      printProblem: 'paper_out',
      peopleAhead: 0,
      ticket: { label: 'A002', priority: 'senior' },
    });
    await expect
      .poll(async () => (await call(kiosk, 'status.get', {})).devices.find((device) => device.role === 'receiptPrinter'), { timeout: 5000 })
      .toMatchObject({ state: 'fault', detail: 'paper_out' });
    await call(kiosk, 'citizen.end', {});
    expect((await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false })).ticket.priority).toBeNull();
  });

  it('offline, the kiosk issues from its leased block; back online, the tickets merge with no collision', async () => {
    const { hall, kiosk, counter } = await hallWithTerminals();
    await expect
      .poll(() => hall.db.get<{ count: number }>("SELECT COUNT(*) AS count FROM queue_block WHERE terminal_id = 'K-01'"), {
        timeout: 10_000,
      })
      .toEqual({ count: 4 });
    await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });

    await hall.stopServing();
    const offline = await call(kiosk, 'queue.takeTicket', { service: 'A', disability: true });
    expect(offline.ticket).toMatchObject({ label: 'A800', offline: true, priority: 'disability' });
    expect(offline.printed).toBe(true);
    // The hall cannot text about a ticket it does not know yet.
    expect(await kiosk.host.dispatch('queue.remindByPhone', { ticketId: offline.ticket.id, phone: '13800138000' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'hall_unreachable' },
    });
    expect((await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false })).ticket.label).toBe('A801');
    expect((await call(kiosk, 'status.get', {})).hall.backlog).toBeGreaterThanOrEqual(2);

    await hall.start();
    await expect
      .poll(
        async () =>
          (await hall.db.all<{ label: string }>("SELECT label FROM queue_ticket WHERE service = 'A' ORDER BY label")).map(
            (row) => row.label,
          ),
        { timeout: 15_000 },
      )
      .toEqual(['A001', 'A800', 'A801']);
    expect((await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false })).ticket.label).toBe('A002');
    // The disability ticket issued offline goes first at the counter, once it is known there.
    await expect
      .poll(async () => (await call(counter, 'counter.state', {})).waiting.map((ticket) => ticket.label), { timeout: 10_000 })
      .toEqual(['A800', 'A001', 'A801', 'A002']);
  });

  it("a text-message reminder goes to the hall for the ticket just taken here, is sent when 3 are ahead, and no other ticket's can be asked", async () => {
    const sent: { phone: string; text: string }[] = [];
    const started = await startQueueHall('sqlite', { smsGateway: { send: async (phone, text) => void sent.push({ phone, text }) } });
    cleanups.push(() => started.close());
    const { hall, kiosk, counter } = started;
    const first = await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });
    for (let index = 0; index < 3; index += 1) await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });
    const mine = await call(kiosk, 'queue.takeTicket', { service: 'A', disability: false });
    expect(mine.peopleAhead).toBe(4);

    expect(await kiosk.host.dispatch('queue.remindByPhone', { ticketId: first.ticket.id, phone: '13800138000' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await kiosk.host.dispatch('queue.remindByPhone', { ticketId: mine.ticket.id, phone: '1380013' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await counter.host.dispatch('queue.remindByPhone', { ticketId: mine.ticket.id, phone: '13800138000' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(kiosk, 'queue.remindByPhone', { ticketId: mine.ticket.id, phone: '13800138000' })).toEqual({});
    expect(await hall.db.all('SELECT ticket_id, phone FROM ticket_phone')).toEqual([{ ticket_id: mine.ticket.id, phone: '13800138000' }]);

    await call(counter, 'counter.act', { act: { action: 'call-next' } });
    await expect
      .poll(() => sent, { timeout: 10_000 })
      .toEqual([{ phone: '13800138000', text: expect.stringContaining(`${mine.ticket.label} 号前面还有 3 人`) }]);
  });

  it('refuses calls for another role, and hall refusals arrive with their reason', async () => {
    const { kiosk, counter } = await hallWithTerminals();
    expect(await kiosk.host.dispatch('counter.act', { act: { action: 'call-next' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await counter.host.dispatch('counter.act', { act: { action: 'skip' } })).toMatchObject({
      ok: false,
      error: { code: 'refused', reason: 'no_current_ticket' },
    });
    expect(await kiosk.host.dispatch('queue.takeTicket', { service: 'Q', disability: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await kiosk.host.dispatch('queue.takeTicket', { service: 'a' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
