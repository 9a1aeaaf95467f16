import { SecretBox } from '../../upstream/identity/secretBox.js';
import { TerminalRegistry } from '../../upstream/identity/terminalRegistry.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import { hallKeyFiles } from '../../upstream/storage/hallKeyFiles.js';
import type { TerminalBinding } from '../../main/contract/hallProtocol.js';
import type { TerminalIdentity } from '../../main/sync/hallClient.js';
import { startCli } from './cliProcess.js';

export interface HallProcess {
  /** http://127.0.0.1:PORT, as the process printed it. */
  url: string;
  /** The process's id, to read its memory from /proc. */
  pid: number;
  /** What it printed so far. */
  output: () => { stdout: string; stderr: string };
  /** Ends the process (SIGTERM: a clean stop; SIGKILL: a crash) and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * `onewindow hall` (the built command) in its own process, on a SQLite file or a postgres:// URL, keys in `keyDir`;
 * `args` adds options (`--queue FILE`).
 */
export async function startHallProcess(db: string, keyDir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<HallProcess> {
  const hall = await startCli(['hall', '--db', db, '--key-dir', keyDir, '--port', '0', ...args], 1, env);
  return {
    url: hall.urls[0]!.replace(/\/$/, ''),
    pid: hall.child.pid!,
    output: hall.output,
    stop: async (signal = 'SIGTERM') => {
      if (hall.child.exitCode === null && hall.child.signalCode === null) hall.child.kill(signal);
      return hall.exited;
    },
  };
}

/**
 * Enrolls terminals straight in the hall's database, as `hall enroll-code` then `enroll` would, without the
 * enrollment route's rate limit (dozens of terminals from one address). Needs the key files a hall process made.
 */
export async function directEnroller(db: string, keyDir: string) {
  const store = await openHallDatabase(db);
  const registry = new TerminalRegistry(store, undefined, await SecretBox.load(hallKeyFiles(keyDir).terminalSecrets));
  return {
    enroll: async (terminalId: string, binding: TerminalBinding, hallUrl: string): Promise<TerminalIdentity> => {
      const { secret } = await registry.enroll(await registry.issueCode(terminalId, binding));
      return { hallUrl, terminalId, secret };
    },
    close: () => store.close(),
  };
}
