import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where this terminal's own print spool lives (the simulated A4 printer's
 * jobs, certificates among them): beside its database, one folder per
 * terminal, so a start can tell what an earlier run of this terminal left.
 */
export function spoolDirOf(dataDir: string, terminalId: string): string {
  return path.join(dataDir, `${terminalId}.spool`);
}

/**
 * Removes what an earlier run left in the spool (after kill -9 or a power
 * cut nothing else would): certificates name the citizen. Returns how many
 * files went.
 */
export async function removeLeftovers(spoolDir: string): Promise<number> {
  const files = await readdir(spoolDir, { recursive: true, withFileTypes: true }).catch(() => []);
  await rm(spoolDir, { recursive: true, force: true });
  return files.filter((entry) => entry.isFile()).length;
}
