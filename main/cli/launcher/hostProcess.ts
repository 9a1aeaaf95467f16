import { spawn, type ChildProcess } from 'node:child_process';
import { commandOnPath } from '../../../lib/commandOnPath.js';

export interface HostChild {
  child: ChildProcess;
  /** The launch URL the host printed (a one-time code for the screen). */
  launchUrl: Promise<string>;
  exited: Promise<string>;
}

/**
 * The terminal's host as a child process (`onewindow serve`), so that a crash
 * of the host never takes the launcher with it. It ends with the launcher,
 * even on kill -9 (setpriv --pdeathsig), and gets the DevTools file of the
 * screen's Chromium in ONEWINDOW_DEVTOOLS_PORT_FILE.
 */
export function startHostChild(cliPath: string, serveArgs: string[], env: NodeJS.ProcessEnv): HostChild {
  const node = [process.execPath, cliPath, 'serve', ...serveArgs];
  const [command, ...args] = commandOnPath('setpriv') ? ['setpriv', '--pdeathsig', 'KILL', ...node] : node;
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
  const launchUrl = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /serving at (http\S+\/launch\?code=\S+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    void exited.then((how) => reject(new Error(`the host ended (${how}) before it served`)));
  });
  launchUrl.catch(() => undefined);
  return { child, launchUrl, exited };
}
