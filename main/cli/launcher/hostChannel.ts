import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../../lib/logger.js';
import { recentLogLines } from '../../../lib/recentLines.js';
import { CdpScreen } from '../../services/remoteCare/cdpScreen.js';
import type { RunningTerminal, TerminalOptions } from '../runTerminal.js';

/**
 * What the launcher and its host child say over the Node IPC channel the
 * launcher opened when it spawned the host. Only that parent holds the
 * channel, so a launch code sent over it reaches the launcher alone: each
 * Chromium it starts (the first and every relaunch) redeems a code of its own,
 * and no code is printed to the journal.
 */
export const launcherMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('launch-url'), id: z.number().int() }).strict(),
  /** The newest log lines the launcher kept: its own and every host's it ran, the one before a crash too. */
  z.object({ type: z.literal('log-lines'), id: z.number().int(), lines: z.array(z.string()) }).strict(),
]);
export type LauncherMessage = z.infer<typeof launcherMessageSchema>;

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** The bridge listens at `url` (the page, no code). */
  z.object({ type: z.literal('serving'), url: z.url() }).strict(),
  z.object({ type: z.literal('launch-url'), id: z.number().int(), url: z.url() }).strict(),
  /** The hall asked for a restart: the exit that follows is no incident. */
  z.object({ type: z.literal('restarting') }).strict(),
  /** Remote care asks for the newest `count` log lines the launcher kept. */
  z.object({ type: z.literal('log-lines'), id: z.number().int(), count: z.number().int().min(1).max(5000) }).strict(),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** Whether this host was started by the supervising launcher (it holds our IPC channel). */
export function underLauncher(): boolean {
  return typeof process.send === 'function';
}

const tell = (message: HostMessage) => process.send?.(message);

/**
 * Remote care's reach for a host under the launcher: the screen is the
 * Chromium whose DevTools file the launcher named in
 * ONEWINDOW_DEVTOOLS_PORT_FILE, and a restart is an exit the launcher answers
 * by starting the host again and sending the screen home.
 */
export function careUnderLauncher(terminal: () => RunningTerminal, logger: Logger): NonNullable<TerminalOptions['care']> {
  const portFile = process.env.ONEWINDOW_DEVTOOLS_PORT_FILE;
  const screen = portFile ? new CdpScreen(() => new URL(terminal().url).origin) : null;
  if (portFile) screen!.attach(path.dirname(portFile));
  const restart = () => {
    tell({ type: 'restarting' });
    void terminal()
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'stopping the host for a restart failed'))
      .finally(() => process.exit(0));
  };
  return { screen, restart, logLines: launcherLogLines };
}

let nextLinesId = 1;

/**
 * The log lines the launcher kept, which outlive this host: after a crash,
 * remote care still reads what the host that crashed wrote. This host's own
 * lines if the launcher does not answer within 5 s.
 */
function launcherLogLines(count: number): Promise<string[]> {
  const id = nextLinesId++;
  return new Promise((resolve) => {
    const settle = (lines: string[]) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(lines);
    };
    const timer = setTimeout(() => settle(recentLogLines.last(count)), 5000);
    const onMessage = (raw: unknown) => {
      const parsed = launcherMessageSchema.safeParse(raw);
      if (parsed.success && parsed.data.type === 'log-lines' && parsed.data.id === id) settle(parsed.data.lines);
    };
    process.on('message', onMessage);
    tell({ type: 'log-lines', id, count });
  });
}

/**
 * Answers the launcher: says the host serves, gives a fresh launch URL for
 * each screen it starts, ends the host when the launcher is gone. The
 * returned function lets go of the channel, which otherwise keeps the process.
 */
export function answerLauncher(terminal: RunningTerminal): () => void {
  const onMessage = (raw: unknown) => {
    const parsed = launcherMessageSchema.safeParse(raw);
    if (parsed.success && parsed.data.type === 'launch-url') tell({ type: 'launch-url', id: parsed.data.id, url: terminal.launchUrl() });
  };
  // Without setpriv's parent-death signal, a launcher killed with -9 still takes its host along.
  const onDisconnect = () => process.kill(process.pid, 'SIGTERM');
  process.on('message', onMessage);
  process.on('disconnect', onDisconnect);
  tell({ type: 'serving', url: terminal.url });
  return () => {
    process.off('message', onMessage);
    process.off('disconnect', onDisconnect);
    process.disconnect?.();
  };
}
