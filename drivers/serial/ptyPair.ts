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

/**
 * Two linked pseudo-terminals from socat: a serial cable in software. Given
 * `dir`, the links are made there (and the folder is kept on close), so a
 * device can be "plugged back in" at the same path.
 */
export async function openPtyPair(options: { dir?: string } = {}): Promise<PtyPair> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'onewindow-pty-')));
  const devicePath = path.join(dir, 'device');
  const simulatorPath = path.join(dir, 'simulator');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${simulatorPath}`], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const spawnFailed = new Promise<never>((_, reject) =>
    socat.once('error', (error) => reject(new Error(`cannot start socat (apt-get install socat): ${error.message}`))),
  );
  const deadline = Date.now() + 5000;
  while (!(existsSync(devicePath) && existsSync(simulatorPath))) {
    if (Date.now() > deadline) {
      socat.kill();
      throw new Error('socat did not create the pseudo-terminals within 5 s');
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 20)), spawnFailed]);
  }
  return {
    devicePath,
    simulatorPath,
    close: async () => {
      if (socat.exitCode === null) socat.kill();
      await exited;
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
