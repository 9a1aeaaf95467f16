import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CupsCommands } from '../cupsQueue.js';
import type { QueueState } from '../cupsOutput.js';
import { lpScript, lpstatScript } from './spoolTools.js';

/**
 * The document printer simulator: a spool folder standing in for a CUPS
 * queue, with `lp` and `lpstat` look-alikes (spoolTools.ts, shell) that
 * print what CUPS's tools print. A job is printed at once unless
 * the queue's reasons (media-empty, media-jam, …) hold it, and printed when
 * they clear, as a real queue would.
 */
export class SpoolFolder {
  constructor(readonly directory: string) {}

  static async create(directory: string, queue = 'Simulated_A4'): Promise<SpoolFolder> {
    await mkdir(path.join(directory, 'jobs'), { recursive: true, mode: 0o700 });
    const spool = new SpoolFolder(directory);
    if (!existsSync(spool.#stateFile)) await spool.setState({ enabled: true, reasons: [] }, queue);
    return spool;
  }

  get #stateFile(): string {
    return path.join(this.directory, 'printer.json');
  }

  async queueName(): Promise<string> {
    return (JSON.parse(await readFile(this.#stateFile, 'utf8')) as { queue: string }).queue;
  }

  async state(): Promise<QueueState> {
    const { enabled, reasons } = JSON.parse(await readFile(this.#stateFile, 'utf8')) as QueueState;
    return { enabled, reasons };
  }

  /** Sets the printer's condition; clearing the reasons prints the jobs held. */
  async setState(state: QueueState, queue?: string): Promise<void> {
    const name = queue ?? (await this.queueName());
    await writeFile(this.#stateFile, JSON.stringify({ queue: name, ...state }), { mode: 0o600 });
    if (state.enabled && state.reasons.length === 0) {
      for (const job of await this.jobs()) if (job.state === 'pending') await this.#markCompleted(job.id);
    }
  }

  async jobs(): Promise<{ id: string; title: string; state: 'pending' | 'completed'; at: string }[]> {
    const names = (await readdir(path.join(this.directory, 'jobs'))).filter((name) => name.endsWith('.json')).sort();
    return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(this.directory, 'jobs', name), 'utf8'))));
  }

  /** A job's bytes as the printer received them (a PDF, or raw ESC/POS from a receipt queue). */
  documentOf(jobId: string): Promise<Buffer> {
    return readFile(path.join(this.directory, 'jobs', `${jobId}.data`));
  }

  async #markCompleted(id: string): Promise<void> {
    const file = path.join(this.directory, 'jobs', `${id}.json`);
    const job = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...job, state: 'completed' }));
  }

  /** Commands that make a CupsQueue drive this folder through the lp/lpstat look-alikes. */
  commands(): CupsCommands {
    return {
      lp: ['/bin/sh', '-c', lpScript, 'lp'],
      lpstat: ['/bin/sh', '-c', lpstatScript, 'lpstat'],
      env: { ONEWINDOW_SPOOL_DIR: this.directory },
    };
  }
}
