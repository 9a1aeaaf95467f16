import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';

/** A helper a run started: a child process (identified by a string in its command line), a folder, or both. */
export interface HelperEntry {
  pid?: number;
  /** Part of the helper's command line, so a pid the OS has since given to another program is never killed. */
  marker?: string;
  folder?: string;
}

interface LedgerFile {
  owner: number;
  helpers: HelperEntry[];
}

export interface LeftoverSweep {
  /** Helper processes of an earlier run that were still running and were ended. */
  ended: number;
  /** Folders of an earlier run that were removed. */
  removed: number;
  /** The earlier run is still alive (another process): nothing was touched. */
  ownerAlive: boolean;
}

/**
 * The helpers a run has started (socat, Chromium, their folders), written to
 * a file in the data dir as they start and end. A run killed with kill -9
 * cannot clean up after itself; the next run of the same terminal reads the
 * file and does it (`sweep`). A clean stop removes the file.
 */
export class HelperLedger {
  #helpers: HelperEntry[] = [];

  private constructor(readonly file: string) {}

  /** Cleans what an earlier run recorded in `file`, then starts a fresh ledger there. */
  static async open(file: string): Promise<{ ledger: HelperLedger; sweep: LeftoverSweep }> {
    const sweep = await sweepLeftovers(file);
    const ledger = new HelperLedger(file);
    if (!sweep.ownerAlive) ledger.#write();
    return { ledger, sweep };
  }

  /** Records a helper; the returned function forgets it (call it once the helper has ended and its folder is gone). */
  record(entry: HelperEntry): () => void {
    this.#helpers.push(entry);
    this.#write();
    return () => {
      this.#helpers = this.#helpers.filter((helper) => helper !== entry);
      this.#write();
    };
  }

  /** A clean stop: nothing is left to clean. */
  close(): void {
    this.#helpers = [];
    rmSync(this.file, { force: true });
  }

  #write(): void {
    const content: LedgerFile = { owner: process.pid, helpers: this.#helpers };
    writeFileSync(this.file, `${JSON.stringify(content)}\n`, { mode: 0o600 });
  }
}

async function sweepLeftovers(file: string): Promise<LeftoverSweep> {
  let recorded: LedgerFile;
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8')) as LedgerFile;
  } catch {
    return { ended: 0, removed: 0, ownerAlive: false };
  }
  if (recorded.owner !== process.pid && isAlive(recorded.owner)) return { ended: 0, removed: 0, ownerAlive: true };
  let ended = 0;
  let removed = 0;
  for (const helper of recorded.helpers ?? []) {
    if (helper.pid && helper.marker && commandLineOf(helper.pid)?.includes(helper.marker)) {
      process.kill(helper.pid, 'SIGKILL');
      ended += 1;
    }
    if (helper.folder && existsSync(helper.folder)) {
      await rm(helper.folder, { recursive: true, force: true });
      removed += 1;
    }
  }
  rmSync(file, { force: true });
  return { ended, removed, ownerAlive: false };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's command line (Linux /proc), or null when it is gone. */
function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return null;
  }
}
