import type { BytePort } from '../serial/bytePort.js';
import { isStatusByte, parseStatusBytes, statusRequest, statusRequests, type PrinterStatus } from './escposStatus.js';

export class PrinterTimeoutError extends Error {
  constructor(ms: number) {
    super(`the receipt printer did not answer a status request within ${ms} ms`);
    this.name = 'PrinterTimeoutError';
  }
}

export type PrintFailure = 'paper_out' | 'cover_open' | 'offline';

export type PrintOutcome =
  { ok: true; status: PrinterStatus } | { ok: false; failure: PrintFailure; stage: 'before' | 'after'; status: PrinterStatus };

/** What stops a printer from printing, if anything. */
export function blockingFailure(status: PrinterStatus): PrintFailure | null {
  if (status.paperOut) return 'paper_out';
  if (status.coverOpen) return 'cover_open';
  if (status.offline) return 'offline';
  return null;
}

/**
 * An ESC/POS receipt printer over any two-way BytePort (TCP 9100 or serial):
 * status before and after every job, so a job that ran out of paper half-way
 * is reported, not assumed printed.
 */
export class ReceiptPrinter {
  readonly #answers: number[] = [];
  #waiter: (() => void) | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #stop: () => void;

  constructor(
    private readonly port: BytePort,
    private readonly timeoutMs = 1500,
  ) {
    this.#stop = port.onData((chunk) => {
      for (const byte of chunk) if (isStatusByte(byte)) this.#answers.push(byte);
      this.#waiter?.();
    });
  }

  status(): Promise<PrinterStatus> {
    return this.#serialized(() => this.#readStatus());
  }

  print(job: Buffer): Promise<PrintOutcome> {
    return this.#serialized(async () => {
      const before = await this.#readStatus();
      const blocked = blockingFailure(before);
      if (blocked) return { ok: false, failure: blocked, stage: 'before', status: before };
      await this.port.write(job);
      const after = await this.#readStatus();
      const failed = blockingFailure(after);
      return failed ? { ok: false, failure: failed, stage: 'after', status: after } : { ok: true, status: after };
    });
  }

  dispose(): void {
    this.#stop();
  }

  async #readStatus(): Promise<PrinterStatus> {
    this.#answers.length = 0;
    const bytes: number[] = [];
    for (const n of statusRequests) {
      await this.port.write(statusRequest(n));
      bytes.push(await this.#nextAnswer());
    }
    return parseStatusBytes(bytes[0]!, bytes[1]!, bytes[2]!);
  }

  #nextAnswer(): Promise<number> {
    return new Promise((resolve, reject) => {
      const take = () => {
        if (this.#answers.length === 0) return false;
        clearTimeout(timer);
        this.#waiter = null;
        resolve(this.#answers.shift()!);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiter = null;
        reject(new PrinterTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
      if (!take()) this.#waiter = () => void take();
    });
  }

  #serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work, work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
