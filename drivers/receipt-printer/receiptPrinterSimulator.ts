import net from 'node:net';
import { EscPosDecoder, type EscPosEvent, type PrintedLine } from './escposDecoder.js';
import { statusByteFor, type PrinterStatus } from './escposStatus.js';

/** One printed receipt, as the simulator saw it: up to and including its cut. */
export interface PrintedReceipt {
  lines: PrintedLine[];
  qrCodes: string[];
  cut: boolean;
}

/** Receipts a simulator keeps for reading; older ones are let go, as paper leaves a real printer. */
export const keptReceipts = 100;

/**
 * A network receipt printer on a loopback TCP port: it decodes the ESC/POS it
 * receives into receipts that tests can read (the last `keptReceipts`: a demo
 * kiosk runs for days), and answers DLE EOT status requests from a state a
 * test (or the demo) sets: paper near end or out, cover open, offline.
 */
export class ReceiptPrinterSimulator {
  readonly receipts: PrintedReceipt[] = [];
  /** Receipts printed (cut) since it started, the ones let go included. */
  printed = 0;
  status: PrinterStatus = { offline: false, coverOpen: false, paperNearEnd: false, paperOut: false };
  #paperLeftBytes: number | null = null;
  #current: PrintedReceipt = emptyReceipt();
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();

  private constructor() {
    this.#server = net.createServer((socket) => this.#serve(socket));
  }

  static async start(port = 0, host = '127.0.0.1'): Promise<ReceiptPrinterSimulator> {
    const simulator = new ReceiptPrinterSimulator();
    await new Promise<void>((resolve, reject) => {
      simulator.#server.once('error', reject);
      simulator.#server.listen(port, host, () => resolve());
    });
    return simulator;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** The paper runs out after this many more bytes of print data: the rest of the job is lost. */
  runOutOfPaperAfter(bytes: number): void {
    this.#paperLeftBytes = bytes;
  }

  /** Drops every connection, as a printer that is switched off; the port stays open for the next connect. */
  disconnectAll(): void {
    for (const socket of this.#sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.disconnectAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #serve(socket: net.Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => undefined);
    const decoder = new EscPosDecoder();
    socket.on('data', (chunk: Buffer) => {
      for (const event of decoder.push(this.#consumePaper(chunk))) this.#apply(event, socket);
    });
  }

  /** Print data past the end of the paper is not printed; status requests (DLE EOT) still get through. */
  #consumePaper(chunk: Buffer): Buffer {
    if (this.#paperLeftBytes === null) return this.status.paperOut ? keepStatusRequests(chunk) : chunk;
    if (chunk.length <= this.#paperLeftBytes) {
      this.#paperLeftBytes -= chunk.length;
      return chunk;
    }
    const printed = chunk.subarray(0, this.#paperLeftBytes);
    this.#paperLeftBytes = null;
    this.status = { ...this.status, paperOut: true, paperNearEnd: true };
    return Buffer.concat([printed, keepStatusRequests(chunk.subarray(printed.length))]);
  }

  #apply(event: EscPosEvent, socket: net.Socket): void {
    if (event.kind === 'status-request') {
      socket.write(Buffer.from([statusByteFor(event.n, this.status)]));
      return;
    }
    if (event.kind === 'line') this.#current.lines.push(event.line);
    if (event.kind === 'qr') this.#current.qrCodes.push(event.content);
    if (event.kind === 'cut') {
      this.receipts.push({ ...this.#current, cut: true });
      this.printed += 1;
      if (this.receipts.length > keptReceipts) this.receipts.splice(0, this.receipts.length - keptReceipts);
      this.#current = emptyReceipt();
    }
  }
}

function emptyReceipt(): PrintedReceipt {
  return { lines: [], qrCodes: [], cut: false };
}

/** Keeps only the DLE EOT requests of a chunk: a printer without paper still answers them. */
function keepStatusRequests(chunk: Buffer): Buffer {
  const kept: number[] = [];
  for (let index = 0; index + 2 < chunk.length; index += 1) {
    if (chunk[index] === 0x10 && chunk[index + 1] === 0x04) {
      kept.push(0x10, 0x04, chunk[index + 2]!);
      index += 2;
    }
  }
  return Buffer.from(kept);
}
