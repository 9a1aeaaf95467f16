import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { conditionOf } from '../../drivers/cups/cupsOutput.js';
import { CupsQueue, type JobOutcome } from '../../drivers/cups/cupsQueue.js';
import { addressKindsOf, deviceAddressOf } from '../../drivers/deviceAddress.js';
import { SpoolFolder } from '../../drivers/cups/spoolSimulator/spoolFolder.js';
import { testPagePdf } from '../../drivers/document-printer/testPage.js';
import type { DeviceHealth, ManagedDevice } from './managedDevice.js';
import type { DeviceTestResult } from '../contract/deviceTest.js';

/**
 * The A4 document printer: a CUPS queue ("cups:QUEUE"); or the spool-folder
 * simulator, driven through the same lp/lpstat calls: its own for
 * "simulator", or one `onewindow simulate document-printer` runs ("spool:/DIR").
 */
export class DocumentPrinterDevice implements ManagedDevice {
  readonly role = 'documentPrinter';
  #queue: CupsQueue | null = null;
  #spool: { folder: SpoolFolder; directory: string } | null = null;

  constructor(
    private readonly binding: { port: string },
    private readonly terminalId: string,
    /** The simulator's spool folder (the terminal's own, spoolDirOf); a fresh temporary one when not given. */
    private readonly spoolDir?: string,
  ) {}

  get address(): string {
    return this.binding.port;
  }

  get spool(): SpoolFolder | null {
    return this.#spool?.folder ?? null;
  }

  async connect(): Promise<void> {
    await this.disconnect();
    const address = deviceAddressOf(this.binding.port, addressKindsOf.documentPrinter);
    if (address.kind === 'simulator') {
      // Made once: a reconnect after a missed health check keeps the folder, and a job being printed in it.
      this.#spool ??= await this.#freshSpool();
      const { folder } = this.#spool;
      this.#queue = new CupsQueue(await folder.queueName(), folder.commands());
    } else if (address.kind === 'spool') {
      const folder = new SpoolFolder(address.directory);
      this.#queue = new CupsQueue(await folder.queueName(), folder.commands());
    } else {
      this.#queue = new CupsQueue(address.queue);
    }
    await this.#queue.state();
  }

  async check(): Promise<DeviceHealth> {
    if (!this.#queue) return { state: 'fault', detail: 'disconnected' };
    const condition = conditionOf(await this.#queue.state());
    if (condition === 'ready') return { state: 'ready', detail: null };
    return { state: condition === 'paper_near_end' ? 'warning' : 'fault', detail: condition };
  }

  /** Prints a PDF and waits for CUPS to say it printed, or why it is held. */
  async print(pdf: Buffer, title: string, timeoutMs?: number): Promise<JobOutcome> {
    // The queue as it is now: a reconnect meanwhile (a missed health check) must not lose the job being sent.
    const queue = this.#queue;
    if (!queue) throw new Error('the document printer is not connected');
    const jobId = await queue.submit(pdf, title);
    return queue.waitForJob(jobId, timeoutMs);
  }

  async test(): Promise<DeviceTestResult> {
    const outcome = await this.print(await testPagePdf(this.terminalId, new Date()), 'OneWindow test page', 10_000);
    if (outcome.state === 'completed')
      return { ok: true, code: 'printed', detail: outcome.jobId, message: `printed a test page (job ${outcome.jobId})` };
    const reasons = outcome.queue.reasons.join(', ') || 'printer disabled';
    return { ok: false, code: 'job-held', detail: reasons, message: `job ${outcome.jobId} is held: ${reasons}` };
  }

  async disconnect(): Promise<void> {
    this.#queue = null;
  }

  async dispose(): Promise<void> {
    await this.disconnect();
    if (this.#spool) await rm(this.#spool.directory, { recursive: true, force: true });
    this.#spool = null;
  }

  async #freshSpool(): Promise<{ folder: SpoolFolder; directory: string }> {
    const directory = this.spoolDir ?? (await mkdtemp(path.join(os.tmpdir(), 'onewindow-spool-')));
    // Only this terminal's user may read the jobs: certificates name the citizen.
    await rm(directory, { recursive: true, force: true });
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await chmod(directory, 0o700);
    return { folder: await SpoolFolder.create(directory), directory };
  }
}
