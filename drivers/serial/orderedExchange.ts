import type { BytePort } from './bytePort.js';

/** A command whose answer no other command ever gets, so that answer marks a point in the stream. */
export interface Probe<A> {
  frame: Buffer;
  isAnswer(answer: A): boolean;
}

export interface OrderedExchangeOptions<A> {
  timeoutMs: number;
  probe: Probe<A>;
  /** The error for a command (named by `what`) that got no answer in time. */
  timeoutError(what: string, ms: number): Error;
}

/**
 * Command and answer, one at a time, for devices whose answers carry no
 * command code and no sequence number (the SAM reader, the LED display). An
 * answer can then be matched to its command only by order: the device answers
 * its commands one by one, in the order it got them.
 *
 * The rule that keeps answers in step: a command that ends without its answer
 * (timeout, failed write, disposal) leaves the line out of step, because that
 * answer may still come and would be taken for the next command's. So the
 * next command is preceded by the probe, and every answer that arrives before
 * the probe's is dropped; once the probe is answered, every earlier answer has
 * come (or never will), and the line is in step again. An answer that is not
 * awaited (nothing in flight) is dropped. A probe answered late is harmless
 * too: no command but the probe itself accepts a probe's answer.
 */
export class OrderedExchange<A> {
  #inStep = true;
  #pending: { accepts(answer: A): boolean; resolve(answer: A): void; reject(error: Error): void } | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly port: BytePort,
    private readonly options: OrderedExchangeOptions<A>,
  ) {}

  /** Sends a command frame and resolves with its answer; commands go out one at a time, in call order. */
  request(frame: Buffer, what: string): Promise<A> {
    const { probe } = this.options;
    const isProbe = frame.equals(probe.frame);
    const run = async () => {
      if (!this.#inStep && !isProbe) await this.#exchange(probe.frame, (answer) => probe.isAnswer(answer), what);
      return this.#exchange(frame, (answer) => probe.isAnswer(answer) === isProbe, what);
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Each answer the device's decoder finds: it settles the command in flight when it is that command's, else it is dropped. */
  receive(answer: A): void {
    if (this.#pending?.accepts(answer)) this.#pending.resolve(answer);
  }

  /** Fails the command in flight, if any (the port is going away). */
  abort(error: Error): void {
    this.#pending?.reject(error);
  }

  #exchange(frame: Buffer, accepts: (answer: A) => boolean, what: string): Promise<A> {
    this.#inStep = false;
    return new Promise<A>((resolve, reject) => {
      const { timeoutMs } = this.options;
      const finish = () => {
        clearTimeout(timer);
        const current = this.#pending === pending;
        if (current) this.#pending = null;
        return current;
      };
      const pending = {
        accepts,
        resolve: (answer: A) => {
          if (!finish()) return;
          this.#inStep = true;
          resolve(answer);
        },
        reject: (error: Error) => {
          if (finish()) reject(error);
        },
      };
      const timer = setTimeout(() => pending.reject(this.options.timeoutError(what, timeoutMs)), timeoutMs);
      this.#pending = pending;
      this.port.write(frame).catch((error: Error) => pending.reject(error));
    });
  }
}
