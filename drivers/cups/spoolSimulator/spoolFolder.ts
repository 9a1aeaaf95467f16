import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CupsCommands } from '../cupsQueue.js';
import type { QueueState } from '../cupsOutput.js';
import { bundledFromSource } from './bundledFromSource.js';

/**
 * The document printer simulator: a spool folder standing in for a CUPS
 * queue, with `lp` and `lpstat` look-alikes (lp.ts, lpstat.ts beside this
 * file) that print what CUPS's tools print. A job is printed at once unless
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

  async submit(document: Buffer, title: string): Promise<string> {
    const queue = await this.queueName();
    const number = (await this.jobs()).length + 1;
    const id = `${queue}-${number}`;
    // The job is a document someone printed (a certificate names the citizen): its owner's eyes only.
    await writeFile(path.join(this.directory, 'jobs', `${id}.data`), document, { mode: 0o600 });
    const state = await this.state();
    const printable = state.enabled && state.reasons.length === 0;
    await writeFile(
      path.join(this.directory, 'jobs', `${id}.json`),
      JSON.stringify({ id, title, state: printable ? 'completed' : 'pending', at: new Date().toISOString() }),
      { mode: 0o600 },
    );
    return id;
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
    const here = path.dirname(fileURLToPath(import.meta.url));
    const scripts = import.meta.url.endsWith('.ts')
      ? bundledFromSource(here, ['lp', 'lpstat'])
      : { lp: path.join(here, 'lp.js'), lpstat: path.join(here, 'lpstat.js') };
    return {
      lp: [process.execPath, scripts.lp!],
      lpstat: [process.execPath, scripts.lpstat!],
      env: { ONEWINDOW_SPOOL_DIR: this.directory },
    };
  }
}

export function spoolDirFromEnv(): string {
  const dir = process.env.ONEWINDOW_SPOOL_DIR;
  if (!dir) {
    console.error('ONEWINDOW_SPOOL_DIR is not set');
    process.exit(1);
  }
  return dir;
}
