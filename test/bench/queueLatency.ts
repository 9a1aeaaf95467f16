import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ulid } from 'ulid';
import { openTcpBytePort } from '../../drivers/net/tcpBytePort.js';
import { ReceiptPrinter } from '../../drivers/receipt-printer/receiptPrinter.js';
import { ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import { ticketJob } from '../../main/services/queue/ticketLayout.js';
import type { HallBoard } from '../../main/contract/queue.js';
import type { ReceiptPrinterDevice } from '../../main/devices/receiptPrinterDevice.js';
import { HallClient } from '../../main/sync/hallClient.js';
import { LiveChannel } from '../../main/sync/liveChannel.js';
import { recordingLogger } from '../support/silentLogger.js';
import { startQueueHall, type QueueHall } from '../support/queueHall.js';
import { medianMs } from './measure.js';

const connectedTerminals = Number(process.env.BENCH_TERMINALS ?? 200);
const calls = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/**
 * Terminals beyond the demo three, each on the live channel keeping the
 * queue's cursor as a real one does: changes delivered with the announcement
 * are taken as they come, anything else is pulled.
 */
async function connectMore(queueHall: QueueHall, count: number): Promise<LiveChannel[]> {
  const { logger } = recordingLogger();
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const client = new HallClient(await queueHall.hall.enroll(`X-${index}`, { role: 'display' }));
      let cursor = 0;
      let pulling = Promise.resolve();
      const pull = () => {
        pulling = pulling
          .then(async () => {
            for (;;) {
              const page = await client.changes('queue', cursor);
              cursor = page.cursor;
              if (!page.more) return;
            }
          })
          .catch(() => undefined);
      };
      const channel = new LiveChannel({
        client,
        logger,
        onConnected: pull,
        onChanged: (scope, delivery) => {
          if (scope !== 'queue') return;
          if (delivery && delivery.previous === cursor && cursor > 0) cursor = delivery.items.at(-1)?.seq ?? cursor;
          else pull();
        },
      });
      channel.start();
      return channel;
    }),
  );
}

async function loopbackRoundTripMs(): Promise<number> {
  const server = http.createServer((_request, response) => response.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const rtt = await medianMs(300, () => fetch(url, { method: 'POST', body: '{}' }).then((response) => response.text()));
  await new Promise((resolve) => server.close(resolve));
  return rtt;
}

/**
 * Call-to-display latency: a clerk's "call next" (counter host → hall) until
 * the display host's board shows the call (hall → live channel → pull →
 * local copy), with 200 terminals on the live channel, each pulling on every
 * change; against a bare loopback HTTP round trip. Then ticket issued to its
 * last ESC/POS byte at the printer (kiosk host → hall → print), against
 * printing the same ticket alone.
 */
export async function benchQueueLatency(): Promise<void> {
  const queueHall = await startQueueHall();
  const more = await connectMore(queueHall, connectedTerminals - 3);
  const { kiosk, counter, display, hall } = queueHall;
  const issuing = new HallClient(await hall.enroll('K-bench', { role: 'kiosk' }));
  for (let index = 0; index < calls; index += 1)
    await issuing.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });

  const latencies: number[] = [];
  for (let index = 0; index < calls; index += 1) {
    let resolveShown: () => void = () => undefined;
    let calledId = '';
    const shown = new Promise<void>((resolve) => (resolveShown = resolve));
    const unsubscribe = display.host.events.subscribe((event) => {
      if (event !== 'queue.changed') return;
      void display.host.dispatch('queue.board', {}).then((board) => {
        if (board.ok && calledId !== '' && (board.result as HallBoard).calls[0]?.ticketId === calledId) resolveShown();
      });
    });
    const start = performance.now();
    const result = await counter.host.dispatch('counter.act', { act: { action: 'call-next' } });
    if (!result.ok) throw new Error(`call-next failed: ${result.error.message}`);
    calledId = (result.result as { current: { id: string } }).current.id;
    const board = await display.host.dispatch('queue.board', {});
    if (board.ok && (board.result as HallBoard).calls[0]?.ticketId === calledId) resolveShown();
    await shown;
    latencies.push(performance.now() - start);
    unsubscribe();
  }
  latencies.sort((a, b) => a - b);
  const rtt = await loopbackRoundTripMs();
  const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
  console.log(
    `call → display board with ${connectedTerminals} terminals connected: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms vs loopback HTTP round trip ${rtt.toFixed(2)} ms = ${(p50 / rtt).toFixed(1)}× (p50), ${(p99 / rtt).toFixed(1)}× (p99)`,
  );

  const simulator = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;
  const printed = await medianMs(30, async () => {
    const before = simulator.receipts.length;
    const result = await kiosk.host.dispatch('queue.takeTicket', { service: 'B', disability: false });
    if (!result.ok) throw new Error(`takeTicket failed: ${result.error.message}`);
    while (simulator.receipts.length === before) await new Promise((resolve) => setImmediate(resolve));
  });
  const alone = await ReceiptPrinterSimulator.start();
  const port = await openTcpBytePort('127.0.0.1', alone.port);
  const printer = new ReceiptPrinter(port);
  const job = ticketJob({
    hallName: '示范政务服务大厅',
    number: 'B001',
    service: { 'zh-CN': '社保医保', en: 'Social and medical insurance' },
    peopleAhead: 3,
    estimatedWaitMinutes: 12,
    issuedAt: new Date(),
    followUrl: `${hall.url}/t/${ulid()}`,
  });
  const printOnly = await medianMs(30, () => printer.print(job));
  console.log(
    `ticket issued → last ESC/POS byte at the printer (median): ${printed.toFixed(1)} ms vs printing the same ticket alone ${printOnly.toFixed(1)} ms = ${(printed / printOnly).toFixed(2)}×`,
  );

  printer.dispose();
  await port.close();
  await alone.stop();
  for (const channel of more) channel.stop();
  await queueHall.close();
}
