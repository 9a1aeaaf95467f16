import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** The end a driver opens, as it would open /dev/ttyUSB0. */
  devicePath: string;
  /** The end the simulator serves. */
  simulatorPath: string;
  /** Ends socat: both ends go away, as when a device is unplugged. */
  close(): Promise<void>;
}

export interface PtyPairOptions {
  /** Where the links are made (kept on close), so a device can be "plugged back in" at the same path; else a new temporary folder. */
  dir?: string;
  /** A command socat is run through, e.g. ['setpriv', '--pdeathsig', 'KILL'] so that it ends with this process even on kill -9. */
  prefix?: string[];
  /** Told of socat and its folder once they exist; what it returns is called once both are gone. */
  onHelper?: (helper: { pid: number; marker: string; folder?: string }) => () => void;
}

/** Two linked pseudo-terminals from socat: a serial cable in software. */
export async function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'onewindow-pty-')));
  const devicePath = path.join(dir, 'device');
  const simulatorPath = path.join(dir, 'simulator');
  const [command = 'socat', ...prefixArgs] = options.prefix ?? [];
  const socatArgs = options.prefix ? ['socat'] : [];
  const socat = spawn(command, [...prefixArgs, ...socatArgs, `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${simulatorPath}`], {
    stdio: 'ignore',
  });
  const forget =
    socat.pid === undefined
      ? () => undefined
      : (options.onHelper?.({ pid: socat.pid, marker: devicePath, ...(options.dir ? {} : { folder: dir }) }) ?? (() => undefined));
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const spawnFailed = new Promise<never>((_, reject) =>
    socat.once('error', (error) => reject(new Error(`cannot start socat (apt-get install socat): ${error.message}`))),
  );
  const close = async () => {
    if (socat.exitCode === null && socat.pid !== undefined) socat.kill();
    if (socat.pid !== undefined) await exited;
    if (!options.dir) await rm(dir, { recursive: true, force: true });
    forget();
  };
  const deadline = Date.now() + 5000;
  try {
    while (!(existsSync(devicePath) && existsSync(simulatorPath))) {
      if (Date.now() > deadline) throw new Error('socat did not create the pseudo-terminals within 5 s');
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 20)), spawnFailed]);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    devicePath,
    simulatorPath,
    close,
  };
}
