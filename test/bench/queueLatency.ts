import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { TerminalBinding } from '../../main/contract/hallProtocol.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { directEnroller, startHallProcess, type HallProcess } from '../support/hallProcess.js';
import { freshHallStore, hallBackends, type HallBackend } from '../support/hallOnLoopback.js';
import { startTestTerminal } from '../support/testTerminal.js';
import { connectLiveTerminals } from './liveTerminals.js';
import { startQueueHall } from '../support/queueHall.js';
import { medianMs, percentile } from './measure.js';

const connectedTerminals = Number(process.env.BENCH_TERMINALS ?? 200);
const calls = 200;
const warmUp = 5;

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
  const rtt = await loopbackRoundTripMs();
  const queueHall = await startQueueHall();
  const { kiosk, counter, display, hall } = queueHall;
  const more = await connectLiveTerminals(
    await Promise.all(Array.from({ length: connectedTerminals - 3 }, (_, index) => hall.enroll(`X-${index}`, { role: 'display' }))),
  );
  const issuing = new HallClient(await hall.enroll('K-bench', { role: 'kiosk' }));
  reportCalls('one process (hall, terminals and bench together)', await timeCalls(issuing, counter, display), rtt);
  for (const channel of more) channel.stop();

  const simulator = kiosk.host.devices.device<ReceiptPrinterDevice>('receiptPrinter')!.simulator!;
  const printed = await medianMs(30, async () => {
    const before = simulator.printed;
    const result = await kiosk.host.dispatch('queue.takeTicket', { service: 'B', disability: false });
    if (!result.ok) throw new Error(`takeTicket failed: ${result.error.message}`);
    while (simulator.printed === before) await new Promise((resolve) => setImmediate(resolve));
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
  await queueHall.close();
  await benchSplitProcesses(rtt, 'hall in its own process, extra terminals in another', 'sqlite', 1);
  // Issue 15.5: the counter's call made on one hall process, shown by a display on another (LISTEN/NOTIFY).
  if (hallBackends().includes('postgres')) {
    await benchSplitProcesses(rtt, 'PostgreSQL, one hall process', 'postgres', 1);
    await benchSplitProcesses(rtt, 'PostgreSQL, counter and display on two hall processes', 'postgres', 2);
  }
}

/**
 * Calls `calls` tickets (after a few unrecorded ones), each from "call next" at the counter until the display's
 * board shows a new call, which must then be the ticket the counter called. The board's moment does not wait
 * for the counter's own answer (its local copy, LED and screen state), which is timed apart.
 */
async function timeCalls(issuing: HallClient, counter: RunningTerminal, display: RunningTerminal): Promise<CallTimes> {
  for (let index = 0; index < calls + warmUp; index += 1)
    await issuing.issueTicket({ id: ulid(), service: 'A', priority: null, appointmentAt: null });
  const board = async () => {
    const read = await display.host.dispatch('queue.board', {});
    if (!read.ok) throw new Error(`queue.board failed: ${read.error.message}`);
    return (read.result as HallBoard).calls[0]?.ticketId ?? null;
  };
  const times: CallTimes = { board: [], answered: [] };
  for (let index = 0; index < calls + warmUp; index += 1) {
    const before = await board();
    let shown: { id: string; at: number } | null = null;
    let resolveShown: () => void = () => undefined;
    const shownOnBoard = new Promise<void>((resolve) => (resolveShown = resolve));
    const look = () =>
      void board().then((id) => {
        if (shown || id === before || id === null) return;
        shown = { id, at: performance.now() };
        resolveShown();
      });
    const unsubscribe = display.host.events.subscribe((event) => {
      if (event === 'queue.changed') look();
    });
    const start = performance.now();
    const result = await counter.host.dispatch('counter.act', { act: { action: 'call-next' } });
    if (!result.ok) throw new Error(`call-next failed: ${result.error.message}`);
    const answered = performance.now();
    look();
    await shownOnBoard;
    unsubscribe();
    const calledId = (result.result as { current: { id: string } }).current.id;
    const { id, at } = shown!;
    if (id !== calledId) throw new Error(`the board showed ${id}, the counter called ${calledId}`);
    if (index < warmUp) continue;
    times.board.push(at - start);
    times.answered.push(answered - start);
  }
  times.board.sort((a, b) => a - b);
  times.answered.sort((a, b) => a - b);
  return times;
}

interface CallTimes {
  /** From "call next" until the display's board shows the call. */
  board: number[];
  /** From "call next" until the counter's screen has its answer. */
  answered: number[];
}

function reportCalls(setting: string, times: CallTimes, rtt: number): void {
  const [p50, p99, max] = [percentile(times.board, 50), percentile(times.board, 99), times.board.at(-1)!];
  console.log(
    `call → display board, ${connectedTerminals} terminals, ${setting}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms vs loopback HTTP round trip ${rtt.toFixed(2)} ms = ${(p50 / rtt).toFixed(1)}× (p50), ${(p99 / rtt).toFixed(1)}× (p99)`,
  );
  const [answeredP50, answeredP99] = [percentile(times.answered, 50), percentile(times.answered, 99)];
  console.log(
    `call next → the counter's answer, ${setting}: p50 ${answeredP50.toFixed(1)} ms, p99 ${answeredP99.toFixed(1)} ms vs loopback HTTP round trip ${rtt.toFixed(2)} ms = ${(answeredP50 / rtt).toFixed(1)}× (p50)`,
  );
}

/**
 * As a hall runs: the hall server alone in its process (the built `onewindow hall`), or several on one
 * PostgreSQL; the extra terminals in another process (spread over the hall processes), the counter (on the
 * first hall process) and the display (on the last) in this one.
 */
async function benchSplitProcesses(rtt: number, setting: string, backend: HallBackend, hallCount: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-split-'));
  const store = await freshHallStore(backend, dir);
  const halls: HallProcess[] = [];
  for (let index = 0; index < hallCount; index += 1) halls.push(await startHallProcess(store.location, dir));
  const enroller = await directEnroller(store.location, dir);
  const identities = await Promise.all(
    Array.from({ length: connectedTerminals - 2 }, (_, index) =>
      enroller.enroll(`X-${index}`, { role: 'display' }, halls[index % hallCount]!.url),
    ),
  );
  const terminals = fork(path.join(import.meta.dirname, 'liveTerminals.ts'), { execArgv: ['--import', 'tsx'] });
  const ready = new Promise((resolve) => terminals.once('message', resolve));
  terminals.send(identities);
  await ready;
  const started: RunningTerminal[] = [];
  const start = async (profile: string, id: string, binding: TerminalBinding, hallUrl: string) => {
    const home = path.join(dir, id);
    await mkdir(path.join(home, 'data'), { recursive: true });
    await saveIdentity(path.join(home, 'data'), await enroller.enroll(id, binding, hallUrl));
    const terminal = await startTestTerminal(home, profile, { upstream: hallUrl, hallPingIntervalMs: 200 });
    started.push(terminal);
    return terminal;
  };
  const counter = await start('demo-counter', 'C-03', { role: 'counter', window: 3 }, halls[0]!.url);
  const display = await start('demo-display', 'D-01', { role: 'display' }, halls.at(-1)!.url);
  const issuing = new HallClient(await enroller.enroll('K-bench', { role: 'kiosk' }, halls[0]!.url));
  reportCalls(setting, await timeCalls(issuing, counter, display), rtt);
  for (const terminal of started) await terminal.stop();
  terminals.send('stop');
  await new Promise((resolve) => terminals.once('exit', resolve));
  for (const hall of halls) await hall.stop();
  await enroller.close();
  await store.drop();
  await rm(dir, { recursive: true, force: true });
}
