import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SpoolFolder } from '../../../drivers/cups/spoolSimulator/spoolFolder.js';

/** Runs the spool-folder document printer, printing each job it gets, until `stopped` resolves. */
export async function runDocumentPrinterSimulator(directory: string | undefined, stopped: Promise<unknown>): Promise<void> {
  const folder = await SpoolFolder.create(directory ? path.resolve(directory) : await mkdtemp(path.join(os.tmpdir(), 'onewindow-spool-')));
  console.log(`Document printer simulator: bind it as "documentPrinter": { "port": "spool:${folder.directory}" }`);
  console.log(`Set its condition in ${path.join(folder.directory, 'printer.json')} (reasons: media-empty-error, media-jam-error, …)`);
  let shown = 0;
  const timer = setInterval(() => {
    void folder.jobs().then((jobs) => {
      for (const job of jobs.slice(shown)) console.log(`[job ${job.id}] ${job.title} (${job.state})`);
      shown = Math.max(shown, jobs.length);
    });
  }, 300);
  await stopped;
  clearInterval(timer);
}
