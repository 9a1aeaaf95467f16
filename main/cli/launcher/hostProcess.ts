import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { commandOnPath } from '../../../lib/commandOnPath.js';
import { recentLogLines } from '../../../lib/recentLines.js';
import { hostMessageSchema, type HostMessage, type LauncherMessage } from './hostChannel.js';

export interface HostChild {
  child: ChildProcess;
  /** The bridge's URL (the page, no code), once the host serves. */
  served: Promise<string>;
  /** A fresh one-time launch URL for a screen about to start; rejects if the host is gone or does not answer. */
  launchUrl(): Promise<string>;
  /** Whether the host said it is restarting at the hall's request (its exit is then no incident). */
  restartAsked(): boolean;
  exited: Promise<string>;
}

/**
 * The terminal's host as a child process (`onewindow serve`), so that a crash
 * of the host never takes the launcher with it. It ends with the launcher,
 * even on kill -9 (setpriv --pdeathsig, and the IPC channel closing), and gets
 * the DevTools file of the screen's Chromium in ONEWINDOW_DEVTOOLS_PORT_FILE.
 */
export function startHostChild(cliPath: string, serveArgs: string[], env: NodeJS.ProcessEnv): HostChild {
  const node = [process.execPath, cliPath, 'serve', ...serveArgs];
  const [command, ...args] = commandOnPath('setpriv') ? ['setpriv', '--pdeathsig', 'KILL', ...node] : node;
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...env } });
  // The host's log goes on to the journal as before, and into the launcher's recent lines, which outlive the host.
  const keep = recentLogLines.tee(process.stderr);
  createInterface({ input: child.stderr!, crlfDelay: Infinity }).on('line', (line) => keep.write(`${line}\n`));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
  const waiting = new Map<number, (message: HostMessage & { type: 'launch-url' }) => void>();
  let nextId = 1;
  let restarting = false;
  let onServing: (url: string) => void = () => undefined;
  const served = new Promise<string>((resolve, reject) => {
    onServing = resolve;
    void exited.then((how) => reject(new Error(`the host ended (${how}) before it served`)));
  });
  served.catch(() => undefined);
  child.on('message', (raw) => {
    const parsed = hostMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'serving') onServing(message.url);
    else if (message.type === 'restarting') restarting = true;
    else if (message.type === 'log-lines')
      child.send(
        { type: 'log-lines', id: message.id, lines: recentLogLines.last(message.count) } satisfies LauncherMessage,
        () => undefined,
      );
    else waiting.get(message.id)?.(message);
  });

  const launchUrl = async (): Promise<string> => {
    await served;
    const id = nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error('the host did not give a launch code within 10 s')), 10_000);
      const settle = (result: Error | string) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (typeof result === 'string') resolve(result);
        else reject(result);
      };
      waiting.set(id, (message) => settle(message.url));
      void exited.then((how) => settle(new Error(`the host ended (${how})`)));
      child.send({ type: 'launch-url', id } satisfies LauncherMessage, (error) => error && settle(error));
    });
  };
  return { child, served, launchUrl, restartAsked: () => restarting, exited };
}
