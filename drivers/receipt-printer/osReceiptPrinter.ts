import { conditionOf } from '../cups/cupsOutput.js';
import type { CupsQueue } from '../cups/cupsQueue.js';
import type { PrinterStatus } from './escposStatus.js';
import { blockingFailure, type PrintOutcome } from './receiptPrinter.js';

/**
 * A receipt printer behind an OS (CUPS) queue, printing the same ESC/POS job
 * raw. Such a queue answers no DLE EOT, so its status is what CUPS knows
 * (printer-state-reasons), and a job's outcome is CUPS's word that it printed.
 */
export class OsReceiptPrinter {
  constructor(
    private readonly queue: CupsQueue,
    private readonly jobTimeoutMs = 30_000,
  ) {}

  async status(): Promise<PrinterStatus> {
    const condition = conditionOf(await this.queue.state());
    return {
      offline: condition === 'offline',
      coverOpen: condition === 'cover_open',
      paperOut: condition === 'paper_out' || condition === 'media_jam',
      paperNearEnd: condition === 'paper_near_end',
    };
  }

  async print(job: Buffer): Promise<PrintOutcome> {
    const before = await this.status();
    const blocked = blockingFailure(before);
    if (blocked) return { ok: false, failure: blocked, stage: 'before', status: before };
    const outcome = await this.queue.waitForJob(await this.queue.submit(job, 'OneWindow receipt', 'raw'), this.jobTimeoutMs);
    const after = await this.status();
    if (outcome.state === 'completed') return { ok: true, status: after };
    return { ok: false, failure: blockingFailure(after) ?? 'offline', stage: 'after', status: after };
  }

  dispose(): void {}
}
