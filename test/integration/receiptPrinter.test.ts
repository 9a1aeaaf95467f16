import { afterEach, describe, expect, it } from 'vitest';
import { openTcpBytePort } from '../../drivers/net/tcpBytePort.js';
import { PrinterTimeoutError, ReceiptPrinter } from '../../drivers/receipt-printer/receiptPrinter.js';
import { keptReceipts, ReceiptPrinterSimulator } from '../../drivers/receipt-printer/receiptPrinterSimulator.js';
import { ticketJob, type TicketPrint } from '../../main/services/queue/ticketLayout.js';
import type { BytePort } from '../../drivers/serial/bytePort.js';

const ticket: TicketPrint = {
  hallName: '示例市政务服务中心',
  number: 'B012',
  service: { 'zh-CN': '不动产登记', en: 'Real-estate registration' },
  peopleAhead: 0,
  estimatedWaitMinutes: null,
  issuedAt: new Date(2026, 10, 25, 14, 5),
  followUrl: 'http://127.0.0.1:7300/t/B012',
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connected(): Promise<{ simulator: ReceiptPrinterSimulator; port: BytePort; printer: ReceiptPrinter }> {
  const simulator = await ReceiptPrinterSimulator.start();
  const port = await openTcpBytePort('127.0.0.1', simulator.port);
  const printer = new ReceiptPrinter(port, 500);
  cleanups.push(async () => {
    printer.dispose();
    await port.close();
    await simulator.stop();
  });
  return { simulator, port, printer };
}

describe('receipt printer over loopback TCP (port 9100 style)', () => {
  it('prints a ticket the simulator decodes line by line, with status checked before and after', async () => {
    const { simulator, printer } = await connected();
    const outcome = await printer.print(ticketJob(ticket));
    expect(outcome).toMatchObject({ ok: true });
    expect(simulator.receipts).toHaveLength(1);
    const receipt = simulator.receipts[0]!;
    expect(receipt.cut).toBe(true);
    expect(receipt.lines.map((line) => line.text)).toContain('不动产登记  Real-estate registration');
    expect(receipt.lines.find((line) => line.text === 'B012')?.width).toBe(4);
    expect(receipt.qrCodes).toEqual(['http://127.0.0.1:7300/t/B012']);
  });

  it('keeps only its last receipts, so a demo kiosk running for days does not fill its memory', async () => {
    const { simulator, printer } = await connected();
    for (let index = 1; index <= keptReceipts + 5; index += 1) await printer.print(ticketJob({ ...ticket, number: `B${index}` }));
    expect(simulator.receipts).toHaveLength(keptReceipts);
    expect(simulator.printed).toBe(keptReceipts + 5);
    expect(simulator.receipts.map((receipt) => receipt.qrCodes[0]).at(-1)).toBe(ticket.followUrl);
    expect(simulator.receipts[0]!.lines.map((line) => line.text)).toContain('B6');
  });

  it('refuses to print when the paper is out or the cover open, and prints nothing', async () => {
    const { simulator, printer } = await connected();
    simulator.status = { ...simulator.status, paperOut: true };
    expect(await printer.print(ticketJob(ticket))).toMatchObject({ ok: false, failure: 'paper_out', stage: 'before' });
    simulator.status = { offline: false, paperOut: false, paperNearEnd: false, coverOpen: true };
    expect(await printer.print(ticketJob(ticket))).toMatchObject({ ok: false, failure: 'cover_open', stage: 'before' });
    expect(simulator.receipts).toEqual([]);
  });

  it('reports paper running out in the middle of a job', async () => {
    const { simulator, printer } = await connected();
    simulator.runOutOfPaperAfter(120);
    const outcome = await printer.print(ticketJob(ticket));
    expect(outcome).toMatchObject({ ok: false, failure: 'paper_out', stage: 'after' });
    expect(simulator.receipts).toEqual([]);
    expect(await printer.status()).toMatchObject({ paperOut: true });
  });

  it('warns of paper near its end while still printing', async () => {
    const { simulator, printer } = await connected();
    simulator.status = { ...simulator.status, paperNearEnd: true };
    const outcome = await printer.print(ticketJob(ticket));
    expect(outcome).toMatchObject({ ok: true, status: { paperNearEnd: true } });
  });

  it('times out plainly when the printer is switched off, and prints again after reconnecting', async () => {
    const { simulator, port, printer } = await connected();
    const lost = new Promise<Error>((resolve) => port.onLost(resolve));
    simulator.disconnectAll();
    await lost;
    await expect(printer.status()).rejects.toThrow(/closed|did not answer/);

    const again = await openTcpBytePort('127.0.0.1', simulator.port);
    const reconnected = new ReceiptPrinter(again, 500);
    cleanups.push(async () => {
      reconnected.dispose();
      await again.close();
    });
    expect(await reconnected.print(ticketJob(ticket))).toMatchObject({ ok: true });
    expect(simulator.receipts).toHaveLength(1);
  });

  it('says plainly when nothing listens on the port', async () => {
    const simulator = await ReceiptPrinterSimulator.start();
    const port = simulator.port;
    await simulator.stop();
    await expect(openTcpBytePort('127.0.0.1', port)).rejects.toThrow(`cannot reach 127.0.0.1:${port}`);
  });

  it('times out on a peer that never answers status', async () => {
    const net = await import('node:net');
    const silent = net.createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = await openTcpBytePort('127.0.0.1', (silent.address() as import('node:net').AddressInfo).port);
    const printer = new ReceiptPrinter(port, 200);
    await expect(printer.status()).rejects.toBeInstanceOf(PrinterTimeoutError);
    printer.dispose();
    await port.close();
    await new Promise((resolve) => silent.close(resolve));
  });
});
