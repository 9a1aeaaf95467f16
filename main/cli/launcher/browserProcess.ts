import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { commandOnPath } from '../../../lib/commandOnPath.js';

export interface BrowserChild {
  child: ChildProcess;
  exited: Promise<string>;
}

/** The file Chromium writes its DevTools port and browser path to (first line port, second path). */
export function devToolsPortFileOf(profileDir: string): string {
  return path.join(profileDir, 'DevToolsActivePort');
}

/** The DevTools HTTP endpoint of the Chromium using `profileDir`, once it has written it. */
export async function devToolsEndpoint(profileDir: string): Promise<string | null> {
  const text = await readFile(devToolsPortFileOf(profileDir), 'utf8').catch(() => null);
  const port = text?.split('\n')[0]?.trim();
  return port ? `http://127.0.0.1:${port}` : null;
}

/**
 * The screen: system Chromium in --app mode (--kiosk for a kiosk) on a
 * profile kept in the data dir, so the screen cookie outlives a relaunch. Its
 * DevTools listen on loopback, on a port Chromium picks and writes to
 * DevToolsActivePort: the launcher pings the page through it, and the host
 * may take screenshots through it.
 */
export function startBrowserChild(chromium: string, url: string, profileDir: string, role: string): BrowserChild {
  const browserArgs = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-session-crashed-bubble',
    ...(role === 'kiosk' ? ['--kiosk'] : []),
    // A hall display announces calls with no one there to touch it first.
    ...(role === 'display' ? ['--autoplay-policy=no-user-gesture-required'] : []),
    // Chromium refuses to run as root with its sandbox on.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(process.env.ONEWINDOW_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const [command, ...args] = commandOnPath('setpriv')
    ? ['setpriv', '--pdeathsig', 'KILL', chromium, ...browserArgs]
    : [chromium, ...browserArgs];
  const child = spawn(command!, args, { stdio: 'ignore' });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
  return { child, exited };
}
